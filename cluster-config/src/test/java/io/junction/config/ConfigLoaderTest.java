package io.junction.config;

import static io.junction.config.TestConfigs.EXAMPLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static String exampleYaml() throws IOException {
        try (InputStream in = ConfigLoaderTest.class.getResourceAsStream("/example.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The problems of a YAML input that must not parse. */
    private static List<String> problemsOf(String yaml) {
        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class, () -> ConfigLoader.parse(yaml));
        assertThat(e).as("expected an InvalidConfigException").isNotNull();
        return e.problems();
    }

    @Test
    void exampleParsesToTheExpectedRecords() throws IOException {
        assertThat(ConfigLoader.parse(exampleYaml())).isEqualTo(EXAMPLE);
    }

    @Test
    void documentedExampleSaysTheSameAsTheTestExample() {
        assertThat(ConfigLoader.load(Path.of("..", "docs", "junction.example.yaml"))).isEqualTo(EXAMPLE);
    }

    @Test
    void defaultsAreTheDocumentedValues() {
        assertThat(ConfigLoader.defaults()).isEqualTo(new JunctionConfig(1,
                new ListenerConfig("0.0.0.0", 6033, 0),
                new AdminConfig("127.0.0.1", 6080, true),
                List.of(new HostgroupConfig(0, "writer")),
                List.of(new ServerConfig("127.0.0.1", 3306, 0, 1, 100, ServerStatus.ONLINE, 0, 0)),
                List.of(),
                new LimitsConfig(10000, 67108864, false, 1),
                new TimeoutsConfig(10000, 5000, 10000, 60000, 3600000, 0),
                List.of(),
                List.of(),
                new MonitorConfig(false, "monitor", "", 2000, 1000, 2000, 1000, 3, 2)));
    }

    @Test
    void anEmptyDocumentIsTheDefaults() {
        assertThat(ConfigLoader.parse("")).isEqualTo(ConfigLoader.defaults());
        assertThat(ConfigLoader.parse("# nothing but a comment\n")).isEqualTo(ConfigLoader.defaults());
    }

    @Test
    void missingKeysTakeTheirDefaults() {
        JunctionConfig config = ConfigLoader.parse("""
                listener:
                  port: 7000
                hostgroups:
                  - {id: 0, name: writer}
                servers:
                  - {host: db1, hostgroup: 0}
                users:
                  - {name: app, password: pw}
                limits:
                  max_retries: 3
                timeouts:
                  connect_ms: 1
                """);
        assertThat(config.listener()).isEqualTo(new ListenerConfig("0.0.0.0", 7000, 0));
        assertThat(config.admin()).isEqualTo(new AdminConfig("127.0.0.1", 6080, true));
        assertThat(config.servers()).containsExactly(new ServerConfig("db1", 3306, 0, 1, 100, ServerStatus.ONLINE));
        assertThat(config.users()).containsExactly(new UserConfig("app", "pw", null, 0, null, 10000, true));
        assertThat(config.limits()).isEqualTo(new LimitsConfig(10000, 67108864, false, 3));
        assertThat(config.timeouts()).isEqualTo(new TimeoutsConfig(10000, 1, 10000, 60000, 3600000, 0));
        assertThat(config.version()).isEqualTo(1);
    }

    @Test
    void missingListsTakeTheDefaultHostgroupAndServer() {
        JunctionConfig config = ConfigLoader.parse("users: [{name: app, password: pw}]");
        assertThat(config.hostgroups()).containsExactly(new HostgroupConfig(0, "writer"));
        assertThat(config.servers()).containsExactly(ServerConfig.of("127.0.0.1", 3306, 0));
    }

    @Test
    void nullValuesCountAsMissing() {
        assertThat(ConfigLoader.parse("listener:\nadmin:\n  port: ~\n")).isEqualTo(ConfigLoader.defaults());
    }

    @Test
    void versionIsReadWhenGiven() {
        assertThat(ConfigLoader.parse("version: 42").version()).isEqualTo(42);
    }

    @Test
    void unknownKeysAreNamedWithTheirPath() {
        assertThat(problemsOf("""
                listenr: {port: 1}
                admin: {prot: 1}
                servers:
                  - {host: a, hostgroup: 0}
                  - {host: b, hostgroup: 0, hostt: c}
                """)).containsExactly(
                "listenr: unknown key (expected: one of version, listener, admin, hostgroups, servers, users, limits,"
                        + " timeouts, query_rules, replication_hostgroups, monitor, tls, cluster)",
                "admin.prot: unknown key (expected: one of host, port, enabled, users, tokens)",
                "servers[1].hostt: unknown key (expected: one of host, port, hostgroup, weight, max_connections,"
                        + " status, max_replication_lag, max_latency_ms, tls, tls_ca)");
    }

    @Test
    void wronglyTypedValuesAreNamedWithTheirPath() {
        assertThat(problemsOf("""
                listener: {port: "6033", event_loops: 1.5, transport: epoll}
                admin: {enabled: "true"}
                servers:
                  - {host: db, hostgroup: 0, status: online, weight: 3000000000}
                limits: [1]
                timeouts: {connect_ms: 99999999999999999999}
                """)).containsExactly(
                "listener.port: \"6033\" (expected: an integer)",
                "listener.event_loops: 1.5 (expected: an integer)",
                "listener.transport: \"epoll\" (expected: one of native, io_uring, nio)",
                "admin.enabled: \"true\" (expected: true or false)",
                "servers[0].weight: 3000000000 (expected: a 32-bit integer)",
                "servers[0].status: \"online\" (expected: one of [ONLINE, OFFLINE_SOFT, OFFLINE_HARD])",
                "limits: a list (expected: a mapping)",
                "timeouts.connect_ms: 99999999999999999999 (expected: a 64-bit integer)");
    }

    @Test
    void numbersAreNotTakenAsStrings() {
        assertThat(problemsOf("users: [{name: app, password: pw, default_schema: 0123}]"))
                .containsExactly("users[0].default_schema: 83 (expected: a string (quote it))");
    }

    @Test
    void aPasswordOfTheWrongTypeIsNotRepeated() {
        assertThat(problemsOf("users: [{name: app, password: 271828}]"))
                .containsExactly("users[0].password: a value that is not a string (expected: a string (quote it))");
    }

    @Test
    void requiredKeysAreNamedWhenMissing() {
        assertThat(problemsOf("""
                hostgroups: [{name: writer}]
                servers: [{port: 3306}]
                users: [{password: pw}]
                """)).containsExactly(
                "hostgroups[0].id: missing (expected: an integer)",
                "servers[0].host: missing (expected: a string)",
                "servers[0].hostgroup: missing (expected: an integer)",
                "users[0].name: missing (expected: a string)");
    }

    @Test
    void listElementsMustBeMappings() {
        assertThat(problemsOf("servers: [db1]\nhostgroups: {id: 0}"))
                .containsExactly("hostgroups: a mapping (expected: a list)", "servers[0]: \"db1\" (expected: a mapping)");
    }

    @Test
    void theTopLevelMustBeAMapping() {
        assertThat(problemsOf("- listener")).containsExactly("(top level): a list (expected: a mapping)");
    }

    @Test
    void brokenYamlNamesLineAndColumnOnOneLine() {
        assertThat(problemsOf("listener:\n  port: 1\n port: 2\n")).containsExactly(
                "line 3, column 2: expected <block end>, but found '<block mapping start>' (expected: valid YAML)");
        assertThat(problemsOf("hostgroups: [{id: 0, name: writer}\n")).containsExactly(
                "line 2, column 1: expected ',' or ']', but got <stream end> (expected: valid YAML)");
    }

    @Test
    void aDuplicateKeyIsAnError() {
        assertThat(problemsOf("listener:\n  port: 1\n  port: 2\n"))
                .containsExactly("line 3, column 7: Duplicate field 'port' (expected: valid YAML)");
    }

    @Test
    void parsedConfigIsValidated() {
        assertThatThrownBy(() -> ConfigLoader.parse("listener: {port: 70000}\nlimits: {max_retries: 11}"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("listener.port: 70000 (expected: 0..65535)\nlimits.max_retries: 11 (expected: 0..10)");
    }

    @Test
    void loadReadsAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("junction.yaml");
        Files.writeString(file, exampleYaml());
        assertThat(ConfigLoader.load(file)).isEqualTo(EXAMPLE);
    }

    @Test
    void loadOfAMissingFileNamesIt(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ConfigLoader.load(missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void toYamlRoundTripsTheExampleAndTheDefaults() {
        assertThat(ConfigLoader.parse(ConfigLoader.toYaml(EXAMPLE))).isEqualTo(EXAMPLE);
        assertThat(ConfigLoader.parse(ConfigLoader.toYaml(ConfigLoader.defaults()))).isEqualTo(ConfigLoader.defaults());
    }

    @Test
    void toYamlRoundTripsStringsThatLookLikeOtherTypes() {
        JunctionConfig tricky = new JunctionConfig(42,
                new ListenerConfig("::", 0, 4, -10, NetTransport.IO_URING),
                new AdminConfig("localhost", 0, false),
                List.of(new HostgroupConfig(0, "true"), new HostgroupConfig(2_000_000_000, "0x1F")),
                List.of(new ServerConfig("10.0.0.1", 3307, 0, 7, 5, ServerStatus.OFFLINE_SOFT),
                        new ServerConfig("db-2", 3306, 2_000_000_000, 1, 1, ServerStatus.OFFLINE_HARD)),
                List.of(new UserConfig("null", "0123", null, 0, "~", 1, true),
                        new UserConfig("it's \"quoted\"", "123456", "*6BB4837EB74329105EE4568DDA7DC67ED2CA2AD9", 0,
                                null, 5, true),
                        new UserConfig("yes", null, "*6bb4837eb74329105ee4568dda7dc67ed2ca2ad9", 0, "1e3", 1, true)),
                new LimitsConfig(1, 1024, true, 0),
                new TimeoutsConfig(1, 2, 3, 4, 86_400_000, 86_400_000));
        assertThat(ConfigValidator.validate(tricky)).isEmpty();
        assertThat(ConfigLoader.parse(ConfigLoader.toYaml(tricky))).isEqualTo(tricky);
    }

    @Test
    void toYamlLeavesOutUnsetStrings() {
        UserConfig hashOnly = TestConfigs.user("app", null, "*6BB4837EB74329105EE4568DDA7DC67ED2CA2AD9");
        String yaml = ConfigLoader.toYaml(TestConfigs.withUsers(hashOnly));
        String users = yaml.substring(yaml.indexOf("\nusers:"), yaml.indexOf("\nlimits:"));
        assertThat(users)
                .contains("password_hash:")
                .doesNotContain("password:")
                .doesNotContain("default_schema");
        assertThat(yaml).doesNotContain("null");
    }
}
