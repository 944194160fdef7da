package io.junction.config;

import static io.junction.config.TestConfigs.EXAMPLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentOverridesTest {

    private static JunctionConfig apply(Map<String, String> env) {
        return ConfigLoader.withEnvironment(EXAMPLE, env);
    }

    private static List<String> problemsOf(JunctionConfig config, Map<String, String> env) {
        try {
            ConfigLoader.withEnvironment(config, env);
        } catch (InvalidConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected an InvalidConfigException for " + env);
    }

    @Test
    void noVariablesChangeNothing() {
        assertThat(apply(Map.of("PATH", "/bin", "JUNCTION_SOMETHING_ELSE", "x"))).isEqualTo(EXAMPLE);
    }

    @Test
    void listenerAndAdminVariables() {
        JunctionConfig config = apply(Map.of(
                "JUNCTION_LISTENER_HOST", "127.0.0.2",
                "JUNCTION_LISTENER_PORT", "7033",
                "JUNCTION_LISTENER_EVENT_LOOPS", " 8 ",
                "JUNCTION_LISTENER_EVENT_LOOP_PRIORITY", "-10",
                "JUNCTION_LISTENER_TRANSPORT", "io_uring",
                "JUNCTION_ADMIN_HOST", "0.0.0.0",
                "JUNCTION_ADMIN_PORT", "7080",
                "JUNCTION_ADMIN_ENABLED", "FALSE"));
        assertThat(config.listener()).isEqualTo(new ListenerConfig("127.0.0.2", 7033, 8, -10, NetTransport.IO_URING));
        assertThat(config.admin()).isEqualTo(new AdminConfig("0.0.0.0", 7080, false));
        assertThat(config.limits()).isEqualTo(EXAMPLE.limits());
    }

    @Test
    void limitsAndTimeoutsVariablesAreTheKeysUpperCased() {
        JunctionConfig config = apply(Map.ofEntries(
                Map.entry("JUNCTION_LIMITS_MAX_CLIENT_CONNECTIONS", "11"),
                Map.entry("JUNCTION_LIMITS_MAX_PACKET_SIZE", "2048"),
                Map.entry("JUNCTION_LIMITS_LOCAL_INFILE", "true"),
                Map.entry("JUNCTION_LIMITS_MAX_RETRIES", "3"),
                Map.entry("JUNCTION_TIMEOUTS_HANDSHAKE_MS", "1"),
                Map.entry("JUNCTION_TIMEOUTS_CONNECT_MS", "2"),
                Map.entry("JUNCTION_TIMEOUTS_POOL_WAIT_MS", "3"),
                Map.entry("JUNCTION_TIMEOUTS_IDLE_PING_MS", "4"),
                Map.entry("JUNCTION_TIMEOUTS_MAX_AGE_MS", "5"),
                Map.entry("JUNCTION_TIMEOUTS_CLIENT_IDLE_MS", "6")));
        assertThat(config.limits()).isEqualTo(new LimitsConfig(11, 2048, true, 3));
        assertThat(config.timeouts()).isEqualTo(new TimeoutsConfig(1, 2, 3, 4, 5, 6));
    }

    @Test
    void serverVariablesReplaceHostAndPortOfTheFirstServer() {
        JunctionConfig twoServers = TestConfigs.withServers(TestConfigs.SERVER, ServerConfig.of("db2", 3306, 1));
        JunctionConfig config = ConfigLoader.withEnvironment(twoServers,
                Map.of("JUNCTION_SERVER_HOST", "mariadb", "JUNCTION_SERVER_PORT", "3307"));
        assertThat(config.servers()).containsExactly(
                new ServerConfig("mariadb", 3307, 0, 1, 100, ServerStatus.ONLINE),
                ServerConfig.of("db2", 3306, 1));
    }

    @Test
    void serverVariablesNeedAServerToChange() {
        assertThat(problemsOf(TestConfigs.withServers(), Map.of("JUNCTION_SERVER_PORT", "3307")))
                .containsExactly("JUNCTION_SERVER_PORT: set, but the config has no server (expected: a config with at least one server)");
    }

    @Test
    void userVariablesAddAUserWithDefaults() {
        JunctionConfig config = ConfigLoader.withEnvironment(ConfigLoader.defaults(),
                Map.of("JUNCTION_USER_NAME", "demo", "JUNCTION_USER_PASSWORD", "demo", "JUNCTION_USER_SCHEMA", "shop"));
        assertThat(config.users()).containsExactly(new UserConfig("demo", "demo", null, 0, "shop", 10000, true));
    }

    @Test
    void userVariablesReplaceTheUserOfTheSameName() {
        UserConfig other = TestConfigs.user("other", "x", null);
        JunctionConfig config = ConfigLoader.withEnvironment(TestConfigs.withUsers(TestConfigs.APP, other),
                Map.of("JUNCTION_USER_NAME", "app", "JUNCTION_USER_PASSWORD", "new"));
        assertThat(config.users()).containsExactly(new UserConfig("app", "new", null, 0, null, 10000, true), other);
    }

    @Test
    void userNameAndPasswordComeTogether() {
        assertThat(problemsOf(EXAMPLE, Map.of("JUNCTION_USER_NAME", "demo")))
                .containsExactly("JUNCTION_USER_PASSWORD: not set (expected: JUNCTION_USER_NAME and JUNCTION_USER_PASSWORD set together)");
        assertThat(problemsOf(EXAMPLE, Map.of("JUNCTION_USER_SCHEMA", "demo")))
                .containsExactly("JUNCTION_USER_NAME: not set (expected: JUNCTION_USER_NAME and JUNCTION_USER_PASSWORD set together)");
    }

    @Test
    void badValuesNameTheVariable() {
        assertThat(problemsOf(EXAMPLE, Map.of(
                "JUNCTION_LISTENER_PORT", "60 33",
                "JUNCTION_ADMIN_ENABLED", "yes",
                "JUNCTION_TIMEOUTS_CONNECT_MS", "5s",
                "JUNCTION_SERVER_PORT", "",
                "JUNCTION_LISTENER_TRANSPORT", "uring")))
                .containsExactlyInAnyOrder(
                        "JUNCTION_LISTENER_TRANSPORT: \"uring\" (expected: one of native, io_uring, nio)",
                        "JUNCTION_LISTENER_PORT: \"60 33\" (expected: an integer)",
                        "JUNCTION_ADMIN_ENABLED: \"yes\" (expected: true or false)",
                        "JUNCTION_TIMEOUTS_CONNECT_MS: \"5s\" (expected: an integer)",
                        "JUNCTION_SERVER_PORT: \"\" (expected: an integer)");
    }

    @Test
    void monitorVariablesAreTheKeysUpperCased() {
        JunctionConfig config = apply(Map.of(
                "JUNCTION_MONITOR_ENABLED", "true",
                "JUNCTION_MONITOR_USER", "probe",
                "JUNCTION_MONITOR_PASSWORD", "s3cret",
                "JUNCTION_MONITOR_PING_INTERVAL_MS", "5000",
                "JUNCTION_MONITOR_READ_ONLY_INTERVAL_MS", "1500",
                "JUNCTION_MONITOR_REPLICATION_LAG_INTERVAL_MS", "2500",
                "JUNCTION_MONITOR_CHECK_TIMEOUT_MS", "800",
                "JUNCTION_MONITOR_SHUN_AFTER_FAILURES", "5",
                "JUNCTION_MONITOR_RECOVER_AFTER_SUCCESSES", " 4 "));
        assertThat(config.monitor()).isEqualTo(new MonitorConfig(true, "probe", "s3cret", 5000, 1500, 2500, 800, 5, 4));
    }

    @Test
    void enablingTheMonitorKeepsTheOtherMonitorKeys() {
        MonitorConfig off = new MonitorConfig(false, "probe", "pw", 9000, 1000, 2000, 1000, 3, 2);
        JunctionConfig config = ConfigLoader.withEnvironment(TestConfigs.withMonitor(off),
                Map.of("JUNCTION_MONITOR_ENABLED", "TRUE"));
        assertThat(config.monitor()).isEqualTo(new MonitorConfig(true, "probe", "pw", 9000, 1000, 2000, 1000, 3, 2));
    }

    @Test
    void badMonitorValuesNameTheVariable() {
        assertThat(problemsOf(EXAMPLE, Map.of(
                "JUNCTION_MONITOR_ENABLED", "on",
                "JUNCTION_MONITOR_PING_INTERVAL_MS", "2s",
                "JUNCTION_MONITOR_SHUN_AFTER_FAILURES", "three")))
                .containsExactlyInAnyOrder(
                        "JUNCTION_MONITOR_ENABLED: \"on\" (expected: true or false)",
                        "JUNCTION_MONITOR_PING_INTERVAL_MS: \"2s\" (expected: an integer)",
                        "JUNCTION_MONITOR_SHUN_AFTER_FAILURES: \"three\" (expected: an integer)");
    }

    @Test
    void monitorValuesFromTheEnvironmentAreValidated() {
        assertThat(problemsOf(EXAMPLE, Map.of("JUNCTION_MONITOR_ENABLED", "true", "JUNCTION_MONITOR_USER", "")))
                .containsExactly("monitor.user: \"\" (expected: 1..80 characters when the monitor is enabled)");
        assertThat(problemsOf(EXAMPLE, Map.of("JUNCTION_MONITOR_CHECK_TIMEOUT_MS", "10")))
                .containsExactly("monitor.check_timeout_ms: 10 (expected: 50..3600000)");
    }

    @Test
    void variablesKeepQueryRulesReplicationHostgroupsAndServerLimits() {
        JunctionConfig routed = new JunctionConfig(EXAMPLE.version(), EXAMPLE.listener(), EXAMPLE.admin(),
                EXAMPLE.hostgroups(), List.of(new ServerConfig("db1", 3306, 0, 1, 100, ServerStatus.ONLINE, 30, 250)),
                EXAMPLE.users(), EXAMPLE.limits(), EXAMPLE.timeouts(),
                List.of(TestConfigs.rule(10).matchPattern("^SELECT").destinationHostgroup(1).apply(true).build()),
                List.of(new ReplicationHostgroupConfig(0, 1, false)), EXAMPLE.monitor());
        JunctionConfig config = ConfigLoader.withEnvironment(routed,
                Map.of("JUNCTION_SERVER_HOST", "mariadb", "JUNCTION_LISTENER_PORT", "7033"));
        assertThat(config.queryRules()).isEqualTo(routed.queryRules());
        assertThat(config.replicationHostgroups()).isEqualTo(routed.replicationHostgroups());
        assertThat(config.servers())
                .containsExactly(new ServerConfig("mariadb", 3306, 0, 1, 100, ServerStatus.ONLINE, 30, 250));
    }

    @Test
    void theResultIsValidated() {
        assertThat(problemsOf(EXAMPLE, Map.of("JUNCTION_LISTENER_PORT", "70000")))
                .containsExactly("listener.port: 70000 (expected: 0..65535)");
    }
}
