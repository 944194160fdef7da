package io.junction.config;

import static io.junction.config.TestConfigs.withMonitor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The monitor section, checked through {@link ConfigValidator#validate}. */
class MonitorValidatorTest {
    private static final MonitorConfig ON = new MonitorConfig(true, "monitor", "pw", 2000, 1000, 2000, 1000, 3, 2);

    private static List<String> problems(MonitorConfig monitor) {
        return ConfigValidator.validate(withMonitor(monitor));
    }

    private static MonitorConfig withUser(boolean enabled, String user) {
        return new MonitorConfig(enabled, user, ON.password(), ON.pingIntervalMs(), ON.readOnlyIntervalMs(),
                ON.replicationLagIntervalMs(), ON.checkTimeoutMs(), ON.shunAfterFailures(), ON.recoverAfterSuccesses());
    }

    @Test
    void theDefaultAndAnEnabledMonitorAreValid() {
        assertThat(problems(MonitorConfig.DEFAULT)).isEmpty();
        assertThat(problems(ON)).isEmpty();
    }

    @Test
    void anEnabledMonitorNeedsAUser() {
        assertThat(problems(withUser(true, "")))
                .containsExactly("monitor.user: \"\" (expected: 1..80 characters when the monitor is enabled)");
        assertThat(problems(withUser(true, "m".repeat(81)))).containsExactly(
                "monitor.user: \"" + "m".repeat(81) + "\" (expected: 1..80 characters when the monitor is enabled)");
        assertThat(problems(withUser(false, ""))).as("a monitor that is off needs no user").isEmpty();
    }

    @Test
    void userAndPasswordAreNeverNull() {
        assertThat(problems(withUser(false, null))).containsExactly("monitor.user: missing (expected: a user name)");
        MonitorConfig noPassword = new MonitorConfig(false, "monitor", null, 2000, 1000, 2000, 1000, 3, 2);
        assertThat(problems(noPassword))
                .containsExactly("monitor.password: missing (expected: a string, \"\" for no password)");
    }

    @Test
    void aMissingSectionIsReported() {
        assertThat(problems(null)).containsExactly("monitor: missing (expected: a monitor section)");
    }

    @ParameterizedTest
    @CsvSource({
            "0, ping_interval_ms, 49, 50..3600000",
            "0, ping_interval_ms, 3600001, 50..3600000",
            "1, read_only_interval_ms, 0, 50..3600000",
            "2, replication_lag_interval_ms, 3600001, 50..3600000",
            "3, check_timeout_ms, 49, 50..3600000",
            "4, shun_after_failures, 0, 1..100",
            "4, shun_after_failures, 101, 1..100",
            "5, recover_after_successes, 0, 1..100",
            "5, recover_after_successes, 101, 1..100"})
    void intervalsAndCountsAreCheckedEvenWhenOff(int index, String key, long value, String expected) {
        long[] v = {ON.pingIntervalMs(), ON.readOnlyIntervalMs(), ON.replicationLagIntervalMs(), ON.checkTimeoutMs(),
                ON.shunAfterFailures(), ON.recoverAfterSuccesses()};
        v[index] = value;
        for (boolean enabled : new boolean[] {true, false}) {
            MonitorConfig monitor = new MonitorConfig(enabled, "monitor", "", v[0], v[1], v[2], v[3], (int) v[4],
                    (int) v[5]);
            assertThat(problems(monitor)).as("enabled=" + enabled)
                    .containsExactly("monitor." + key + ": " + value + " (expected: " + expected + ")");
        }
    }

    @Test
    void theBoundsThemselvesAreAllowed() {
        assertThat(problems(new MonitorConfig(true, "m", "", 50, 3_600_000, 50, 3_600_000, 1, 100))).isEmpty();
        assertThat(problems(new MonitorConfig(true, "m", "", 3_600_000, 50, 3_600_000, 50, 100, 1))).isEmpty();
    }
}
