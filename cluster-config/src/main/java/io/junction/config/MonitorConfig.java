package io.junction.config;

/**
 * The health monitor: how often it checks each server and when it shuns or recovers one. It logs in as
 * {@code user} (needs only the REPLICATION CLIENT / SLAVE MONITOR privilege for lag checks).
 *
 * @param enabled without the monitor every configured server counts as healthy
 * @param password clear text; never logged
 * @param pingIntervalMs connect-and-ping check of every server
 * @param readOnlyIntervalMs {@code read_only} check of servers in replication hostgroups
 * @param replicationLagIntervalMs lag check of servers with a max_replication_lag
 * @param checkTimeoutMs a check that takes longer fails
 * @param shunAfterFailures consecutive failed pings that shun a server
 * @param recoverAfterSuccesses consecutive successful pings that bring a shunned server back
 */
public record MonitorConfig(
        boolean enabled,
        String user,
        String password,
        long pingIntervalMs,
        long readOnlyIntervalMs,
        long replicationLagIntervalMs,
        long checkTimeoutMs,
        int shunAfterFailures,
        int recoverAfterSuccesses) {

    /** Off: a config that names no monitor user has no monitor. */
    public static final MonitorConfig DEFAULT = new MonitorConfig(false, "monitor", "", 2_000, 1_000, 2_000, 1_000, 3, 2);

    @Override
    public String toString() {
        return "MonitorConfig[enabled=" + enabled + ", user=" + user + ", pingIntervalMs=" + pingIntervalMs
                + ", readOnlyIntervalMs=" + readOnlyIntervalMs + ", replicationLagIntervalMs=" + replicationLagIntervalMs
                + ", checkTimeoutMs=" + checkTimeoutMs + ", shunAfterFailures=" + shunAfterFailures
                + ", recoverAfterSuccesses=" + recoverAfterSuccesses + "]";
    }
}
