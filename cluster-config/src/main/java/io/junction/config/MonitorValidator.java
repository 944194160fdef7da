package io.junction.config;

/**
 * Checks the {@code monitor} section for {@link ConfigValidator}. Intervals and counts are checked even while the
 * monitor is off, so that turning it on ({@code JUNCTION_MONITOR_ENABLED=true}) cannot reveal a bad value late; the
 * user may be empty only while it is off. User and password are never null, so a saved config loads back equal.
 */
final class MonitorValidator {
    private static final long MIN_INTERVAL_MS = 50;
    private static final long MAX_INTERVAL_MS = 3_600_000;
    private static final int MAX_COUNT = 100;

    private MonitorValidator() {
    }

    static void check(MonitorConfig monitor, Checks checks) {
        if (monitor.user() == null) {
            checks.add(Problems.described("monitor.user", "missing", "a user name"));
        } else if (monitor.enabled() && !Checks.within(monitor.user(), ConfigValidator.MAX_USER_NAME)) {
            checks.add(Problems.of("monitor.user", monitor.user(),
                    "1.." + ConfigValidator.MAX_USER_NAME + " characters when the monitor is enabled"));
        }
        if (monitor.password() == null) {
            checks.add(Problems.described("monitor.password", "missing", "a string, \"\" for no password"));
        }
        checks.range("monitor.ping_interval_ms", monitor.pingIntervalMs(), MIN_INTERVAL_MS, MAX_INTERVAL_MS);
        checks.range("monitor.read_only_interval_ms", monitor.readOnlyIntervalMs(), MIN_INTERVAL_MS, MAX_INTERVAL_MS);
        checks.range("monitor.replication_lag_interval_ms", monitor.replicationLagIntervalMs(), MIN_INTERVAL_MS,
                MAX_INTERVAL_MS);
        checks.range("monitor.check_timeout_ms", monitor.checkTimeoutMs(), MIN_INTERVAL_MS, MAX_INTERVAL_MS);
        checks.range("monitor.shun_after_failures", monitor.shunAfterFailures(), 1, MAX_COUNT);
        checks.range("monitor.recover_after_successes", monitor.recoverAfterSuccesses(), 1, MAX_COUNT);
    }
}
