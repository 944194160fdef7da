package io.junction.config;

import static io.junction.config.TestConfigs.EXAMPLE;
import static io.junction.config.TestConfigs.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The YAML of query rules, replication hostgroups, the monitor and the servers' health limits. */
class RoutingConfigYamlTest {
    private static final Path DOCS_EXAMPLE = Path.of("..", "docs", "junction.example.yaml");
    /** The built-in config has hostgroup 0 only; rules and pairs need a second one to point at. */
    private static final String TWO_HOSTGROUPS = "hostgroups: [{id: 0, name: writer}, {id: 1, name: readers}]\n";

    private static List<String> problemsOf(String yaml) {
        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class, () -> ConfigLoader.parse(yaml));
        assertThat(e).as("expected an InvalidConfigException").isNotNull();
        return e.problems();
    }

    @Test
    void everyQueryRuleKeyIsRead() {
        JunctionConfig config = ConfigLoader.parse(TWO_HOSTGROUPS + """
                query_rules:
                  - id: 7
                    active: false
                    user: app
                    schema: shop
                    client_address: "fd00::5"
                    match_pattern: '^SELECT\\s'
                    match_digest: '^SELECT \\?'
                    digest: "3A5B0C9D1E2F4A6B"
                    destination_hostgroup: 1
                    error_message: "not here"
                    timeout_ms: 1500
                    multiplex: false
                    apply: true
                """);
        assertThat(config.queryRules()).containsExactly(new QueryRuleConfig(7, false, "app", "shop", "fd00::5",
                "^SELECT\\s", "^SELECT \\?", "3A5B0C9D1E2F4A6B", 1, "not here", 1500, false, true));
    }

    @Test
    void aQueryRuleTakesItsDefaults() {
        assertThat(ConfigLoader.parse("query_rules: [{id: 1}]").queryRules())
                .containsExactly(new QueryRuleConfig(1, true, null, null, null, null, null, null, null, null, 0, null,
                        false));
    }

    @Test
    void multiplexTrueIsKeptApartFromUnset() {
        assertThat(ConfigLoader.parse("query_rules: [{id: 1, multiplex: true}]").queryRules().get(0).multiplex())
                .isTrue();
    }

    @Test
    void replicationHostgroupsAreRead() {
        JunctionConfig config = ConfigLoader.parse(TWO_HOSTGROUPS + """
                replication_hostgroups:
                  - {writer_hostgroup: 0, reader_hostgroup: 1, writer_is_also_reader: true}
                """);
        assertThat(config.replicationHostgroups()).containsExactly(new ReplicationHostgroupConfig(0, 1, true));
        String defaults = TWO_HOSTGROUPS + "replication_hostgroups: [{writer_hostgroup: 0, reader_hostgroup: 1}]";
        assertThat(ConfigLoader.parse(defaults).replicationHostgroups())
                .containsExactly(new ReplicationHostgroupConfig(0, 1, false));
    }

    @Test
    void everyMonitorKeyIsRead() {
        JunctionConfig config = ConfigLoader.parse("""
                monitor:
                  enabled: true
                  user: probe
                  password: "s3cret"
                  ping_interval_ms: 5000
                  read_only_interval_ms: 1500
                  replication_lag_interval_ms: 2500
                  check_timeout_ms: 800
                  shun_after_failures: 5
                  recover_after_successes: 4
                """);
        assertThat(config.monitor()).isEqualTo(new MonitorConfig(true, "probe", "s3cret", 5000, 1500, 2500, 800, 5, 4));
    }

    @Test
    void monitorKeysTakeTheirDefaults() {
        assertThat(ConfigLoader.parse("monitor: {enabled: true}").monitor())
                .isEqualTo(new MonitorConfig(true, "monitor", "", 2000, 1000, 2000, 1000, 3, 2));
    }

    @Test
    void serverHealthLimitsAreRead() {
        JunctionConfig config = ConfigLoader.parse("""
                servers:
                  - {host: db1, hostgroup: 0, max_replication_lag: 30, max_latency_ms: 250}
                  - {host: db2, hostgroup: 0}
                """);
        assertThat(config.servers()).containsExactly(
                new ServerConfig("db1", 3306, 0, 1, 100, ServerStatus.ONLINE, 30, 250),
                new ServerConfig("db2", 3306, 0, 1, 100, ServerStatus.ONLINE, 0, 0));
    }

    @Test
    void withoutTheNewSectionsThereAreNoRulesNoPairsAndNoMonitor() {
        JunctionConfig config = ConfigLoader.parse("listener: {port: 7000}");
        assertThat(config.queryRules()).isEmpty();
        assertThat(config.replicationHostgroups()).isEmpty();
        assertThat(config.monitor()).isEqualTo(MonitorConfig.DEFAULT);
        assertThat(ConfigLoader.defaults().monitor()).isEqualTo(MonitorConfig.DEFAULT);
    }

    @Test
    void requiredKeysAreNamedWhenMissing() {
        assertThat(problemsOf("""
                query_rules: [{match_pattern: x}]
                replication_hostgroups: [{writer_is_also_reader: true}]
                """)).containsExactly(
                "query_rules[0].id: missing (expected: an integer)",
                "replication_hostgroups[0].writer_hostgroup: missing (expected: an integer)",
                "replication_hostgroups[0].reader_hostgroup: missing (expected: an integer)");
    }

    @Test
    void unknownKeysNameTheAllowedOnes() {
        assertThat(problemsOf("""
                query_rules: [{id: 1, destination: 1}]
                replication_hostgroups: [{writer_hostgroup: 0, reader_hostgroup: 1, writer: 0}]
                monitor: {interval_ms: 1}
                """)).containsExactly(
                "query_rules[0].destination: unknown key (expected: one of id, active, user, schema, client_address,"
                        + " match_pattern, match_digest, digest, destination_hostgroup, error_message, timeout_ms,"
                        + " multiplex, apply)",
                "replication_hostgroups[0].writer: unknown key (expected: one of writer_hostgroup, reader_hostgroup,"
                        + " writer_is_also_reader)",
                "monitor.interval_ms: unknown key (expected: one of enabled, user, password, ping_interval_ms,"
                        + " read_only_interval_ms, replication_lag_interval_ms, check_timeout_ms, shun_after_failures,"
                        + " recover_after_successes)");
    }

    @Test
    void wronglyTypedValuesAreNamed() {
        assertThat(problemsOf("""
                query_rules:
                  - {id: 1, destination_hostgroup: "1", multiplex: "no", digest: 1234567890123456, apply: 1}
                monitor: {enabled: yes please, password: 1234, shun_after_failures: 2.5}
                servers: [{host: db, hostgroup: 0, max_replication_lag: 30s}]
                """)).containsExactly(
                "servers[0].max_replication_lag: \"30s\" (expected: an integer)",
                "query_rules[0].digest: 1234567890123456 (expected: a string (quote it))",
                "query_rules[0].destination_hostgroup: \"1\" (expected: an integer)",
                "query_rules[0].multiplex: \"no\" (expected: true or false)",
                "query_rules[0].apply: 1 (expected: true or false)",
                "monitor.enabled: \"yes please\" (expected: true or false)",
                "monitor.password: a value that is not a string (expected: a string (quote it))",
                "monitor.shun_after_failures: 2.5 (expected: an integer)");
    }

    @Test
    void parsedRulesAreValidated() {
        assertThat(problemsOf("query_rules: [{id: 1, match_pattern: \"(\"}]")).containsExactly(
                "query_rules[0].match_pattern: \"(\" (expected: a valid regular expression: Unclosed group)");
    }

    @Test
    void rulesPairsAndMonitorRoundTripThroughYaml() {
        JunctionConfig config = new JunctionConfig(3, EXAMPLE.listener(), EXAMPLE.admin(), EXAMPLE.hostgroups(),
                List.of(new ServerConfig("10.0.0.1", 3306, 0, 1, 100, ServerStatus.ONLINE, 30, 250),
                        new ServerConfig("10.0.0.2", 3306, 1, 1, 100, ServerStatus.ONLINE, 86_400, 600_000)),
                EXAMPLE.users(), EXAMPLE.limits(), EXAMPLE.timeouts(),
                List.of(rule(1).matchPattern("^\\s*(DROP|TRUNCATE)\\s").errorMessage("no: \"DDL\"\n# not here")
                                .apply(true).build(),
                        rule(5).user("true").schema("0123").clientAddress("::1").matchDigest("^SELECT \\?")
                                .digest("0000000000000123").timeoutMs(30_000).multiplex(false).active(false).build(),
                        rule(10).destinationHostgroup(0).multiplex(true).build(),
                        rule(20).build()),
                List.of(new ReplicationHostgroupConfig(0, 1, true)),
                new MonitorConfig(true, "null", "123456", 50, 3_600_000, 60, 70, 1, 100));
        assertThat(ConfigValidator.validate(config)).isEmpty();
        assertThat(ConfigLoader.parse(ConfigLoader.toYaml(config))).isEqualTo(config);
    }

    @Test
    void theMonitorPasswordIsSavedThoughItIsNeverLogged() {
        MonitorConfig monitor = new MonitorConfig(true, "monitor", "hidden-pw", 2000, 1000, 2000, 1000, 3, 2);
        assertThat(monitor.toString()).doesNotContain("hidden-pw");
        assertThat(ConfigLoader.toYaml(TestConfigs.withMonitor(monitor))).contains("password: \"hidden-pw\"");
    }

    /**
     * The commented routing and monitor examples of the documented config, uncommented, load into the records they
     * describe: a read/write split between hostgroups 0 and 1, four rules and an enabled monitor.
     */
    @Test
    void theDocumentedExamplesWorkWhenUncommented() throws IOException {
        JunctionConfig config = ConfigLoader.parse(uncommentExamples(Files.readString(DOCS_EXAMPLE)));
        JunctionConfig expected = new JunctionConfig(EXAMPLE.version(), EXAMPLE.listener(), EXAMPLE.admin(),
                EXAMPLE.hostgroups(),
                List.of(new ServerConfig("127.0.0.1", 3306, 0, 1, 100, ServerStatus.ONLINE, 30, 500)),
                EXAMPLE.users(), EXAMPLE.limits(), EXAMPLE.timeouts(),
                List.of(rule(1).matchPattern("^\\s*(DROP|TRUNCATE)\\s")
                                .errorMessage("DROP and TRUNCATE are not allowed through Junction").apply(true).build(),
                        rule(5).user("reporting").timeoutMs(30_000).build(),
                        rule(10).matchPattern("^SELECT .* FOR UPDATE").destinationHostgroup(0).apply(true).build(),
                        rule(20).matchPattern("^SELECT").destinationHostgroup(1).apply(true).build()),
                List.of(new ReplicationHostgroupConfig(0, 1, false)),
                new MonitorConfig(true, "monitor", "monitor-secret", 2000, 1000, 2000, 1000, 3, 2));
        assertThat(config).isEqualTo(expected);
    }

    private static final Pattern EXAMPLE_BLOCK_START =
            Pattern.compile("# (query_rules|replication_hostgroups|monitor):");
    private static final Pattern EXAMPLE_SERVER_KEY = Pattern.compile("( +)# (max_replication_lag|max_latency_ms):.*");

    /**
     * Removes "# " from the commented example blocks (a line "# query_rules:" and the "#   " lines after it) and from
     * the commented server keys; every other line stays as it is.
     */
    private static String uncommentExamples(String docs) {
        StringBuilder out = new StringBuilder();
        boolean inBlock = false;
        for (String line : docs.split("\n", -1)) {
            inBlock = EXAMPLE_BLOCK_START.matcher(line).matches() || inBlock && line.startsWith("#   ");
            if (inBlock) {
                line = line.substring(2);
            } else if (EXAMPLE_SERVER_KEY.matcher(line).matches()) {
                line = line.replaceFirst("# ", "");
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }
}
