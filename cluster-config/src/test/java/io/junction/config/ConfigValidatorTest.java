package io.junction.config;

import static io.junction.config.TestConfigs.EXAMPLE;
import static io.junction.config.TestConfigs.LIMITS;
import static io.junction.config.TestConfigs.READERS;
import static io.junction.config.TestConfigs.SERVER;
import static io.junction.config.TestConfigs.TIMEOUTS;
import static io.junction.config.TestConfigs.WRITER;
import static io.junction.config.TestConfigs.user;
import static io.junction.config.TestConfigs.withAdmin;
import static io.junction.config.TestConfigs.withHostgroups;
import static io.junction.config.TestConfigs.withLimits;
import static io.junction.config.TestConfigs.withListener;
import static io.junction.config.TestConfigs.withServers;
import static io.junction.config.TestConfigs.withTimeouts;
import static io.junction.config.TestConfigs.withUsers;
import static io.junction.config.TestConfigs.withVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigValidatorTest {
    /** mysql_native_password hash of "123456", as MySQL's PASSWORD('123456') prints it. */
    private static final String HASH_OF_123456 = "*6BB4837EB74329105EE4568DDA7DC67ED2CA2AD9";

    private static List<String> problems(JunctionConfig config) {
        return ConfigValidator.validate(config);
    }

    @Test
    void exampleAndDefaultsAreValid() {
        assertThat(problems(EXAMPLE)).isEmpty();
        assertThat(problems(ConfigLoader.defaults())).isEmpty();
    }

    @Test
    void versionStartsAtOne() {
        assertThat(problems(withVersion(0))).containsExactly("version: 0 (expected: >= 1)");
    }

    @Test
    void listenerPortIs0To65535() {
        assertThat(problems(withListener(new ListenerConfig("0.0.0.0", 70000, 0))))
                .containsExactly("listener.port: 70000 (expected: 0..65535)");
        assertThat(problems(withListener(new ListenerConfig("0.0.0.0", -1, 0))))
                .containsExactly("listener.port: -1 (expected: 0..65535)");
        assertThat(problems(withListener(new ListenerConfig("0.0.0.0", 0, 0)))).isEmpty();
    }

    @Test
    void listenerHostIsNotEmpty() {
        assertThat(problems(withListener(new ListenerConfig("", 6033, 0))))
                .containsExactly("listener.host: \"\" (expected: a host name or IP address)");
    }

    @Test
    void eventLoopsAre0To256() {
        assertThat(problems(withListener(new ListenerConfig("0.0.0.0", 6033, 257))))
                .containsExactly("listener.event_loops: 257 (expected: 0..256)");
        assertThat(problems(withListener(new ListenerConfig("0.0.0.0", 6033, 256)))).isEmpty();
    }

    @Test
    void eventLoopPriorityIsANiceValue() {
        assertThat(problems(withListener(new ListenerConfig("0.0.0.0", 6033, 0, -21))))
                .containsExactly("listener.event_loop_priority: -21 (expected: -20..19)");
        assertThat(problems(withListener(new ListenerConfig("0.0.0.0", 6033, 0, 20))))
                .containsExactly("listener.event_loop_priority: 20 (expected: -20..19)");
        assertThat(problems(withListener(new ListenerConfig("0.0.0.0", 6033, 0, -20)))).isEmpty();
        assertThat(problems(withListener(new ListenerConfig("0.0.0.0", 6033, 0, 19)))).isEmpty();
    }

    @Test
    void adminHostAndPort() {
        assertThat(problems(withAdmin(new AdminConfig(null, 65536, true)))).containsExactly(
                "admin.host: null (expected: a host name or IP address)",
                "admin.port: 65536 (expected: 0..65535)");
        assertThat(problems(withAdmin(new AdminConfig("127.0.0.1", 0, false)))).isEmpty();
    }

    @Test
    void missingSectionIsReportedNotThrown() {
        assertThat(problems(withListener(null))).containsExactly("listener: missing (expected: a listener section)");
    }

    @Test
    void hostgroupIdIsNotNegative() {
        assertThat(problems(withHostgroups(WRITER, READERS, new HostgroupConfig(-1, "x"))))
                .containsExactly("hostgroups[2].id: -1 (expected: 0..2147483647)");
    }

    @Test
    void hostgroupIdIsUnique() {
        assertThat(problems(withHostgroups(WRITER, READERS, new HostgroupConfig(1, "again"))))
                .containsExactly("hostgroups[2].id: 1 (expected: an id no other hostgroup has)");
    }

    @Test
    void hostgroupNameIsNotEmpty() {
        assertThat(problems(withHostgroups(WRITER, new HostgroupConfig(1, ""))))
                .containsExactly("hostgroups[1].name: \"\" (expected: a non-empty name)");
    }

    @Test
    void serverHostIsNotEmpty() {
        assertThat(problems(withServers(SERVER, ServerConfig.of("", 3306, 1))))
                .containsExactly("servers[1].host: \"\" (expected: a host name, IP address or Unix socket path)");
    }

    @Test
    void aUnixSocketServerHasPort0AndNoTls() {
        assertThat(problems(withServers(SERVER, ServerConfig.of("/run/mysqld/mysqld.sock", 0, 1)))).isEmpty();
        assertThat(problems(withServers(SERVER, ServerConfig.of("/run/mysqld/mysqld.sock", 3306, 1))))
                .containsExactly("servers[1].port: 3306 (expected: 0 with a Unix socket path as host)");
        assertThat(problems(withServers(SERVER, ServerConfig.of("/run/mysqld/mysqld.sock", 0, 1).withTls(ServerTls.REQUIRED, null))))
                .containsExactly("servers[1].tls: \"required\" (expected: off for a Unix socket (it never leaves the host))");
    }

    @Test
    void aNodeOnIoUringTakesNoUnixSocketServers() {
        JunctionConfig overSocket = withServers(SERVER, ServerConfig.of("/run/mysqld/mysqld.sock", 0, 1));
        ListenerConfig uring = new ListenerConfig("0.0.0.0", 6033, 0, 0, NetTransport.IO_URING);
        assertThat(problems(overSocket.withListener(uring))).containsExactly("servers[1].host: \"/run/mysqld/mysqld.sock\""
                + " (expected: a host name or IP address (listener.transport io_uring has no Unix sockets))");
        assertThat(problems(withServers(SERVER).withListener(uring))).isEmpty();
        assertThat(problems(overSocket.withListener(new ListenerConfig("0.0.0.0", 6033, 0, 0, NetTransport.NIO)))).isEmpty();
        // the shared sections alone (a REST or cluster change) do not know the node's transport
        assertThat(ConfigValidator.validateShared(overSocket.withListener(uring))).isEmpty();
    }

    @Test
    void aListenerNamesItsTransport() {
        assertThat(problems(withListener(new ListenerConfig("0.0.0.0", 6033, 0, 0, null))))
                .containsExactly("listener.transport: null (expected: one of native, io_uring, nio)");
    }

    @Test
    void serverPortIs1To65535() {
        assertThat(problems(withServers(SERVER, ServerConfig.of("db2", 0, 1), ServerConfig.of("db3", 65536, 1))))
                .containsExactly(
                        "servers[1].port: 0 (expected: 1..65535)",
                        "servers[2].port: 65536 (expected: 1..65535)");
    }

    @Test
    void serverHostgroupMustExist() {
        assertThat(problems(withServers(SERVER, ServerConfig.of("db2", 3306, 7))))
                .containsExactly("servers[1].hostgroup: 7 (expected: one of the hostgroup ids [0, 1])");
    }

    @Test
    void serverWeightIs1To1000000() {
        assertThat(problems(withServers(new ServerConfig("db", 3306, 0, 0, 100, ServerStatus.ONLINE))))
                .containsExactly("servers[0].weight: 0 (expected: 1..1000000)");
        assertThat(problems(withServers(new ServerConfig("db", 3306, 0, 1_000_001, 100, ServerStatus.ONLINE))))
                .containsExactly("servers[0].weight: 1000001 (expected: 1..1000000)");
    }

    @Test
    void serverMaxConnectionsIs1To100000() {
        assertThat(problems(withServers(new ServerConfig("db", 3306, 0, 1, 0, ServerStatus.ONLINE))))
                .containsExactly("servers[0].max_connections: 0 (expected: 1..100000)");
        assertThat(problems(withServers(new ServerConfig("db", 3306, 0, 1, 100_001, ServerStatus.ONLINE))))
                .containsExactly("servers[0].max_connections: 100001 (expected: 1..100000)");
    }

    @Test
    void serverStatusIsSet() {
        assertThat(problems(withServers(new ServerConfig("db", 3306, 0, 1, 100, null))))
                .containsExactly("servers[0].status: null (expected: one of [ONLINE, OFFLINE_SOFT, OFFLINE_HARD])");
    }

    @Test
    void maxReplicationLagIs0To86400Seconds() {
        assertThat(problems(withServers(new ServerConfig("db", 3306, 0, 1, 100, ServerStatus.ONLINE, -1, 0))))
                .containsExactly("servers[0].max_replication_lag: -1 (expected: 0..86400)");
        assertThat(problems(withServers(new ServerConfig("db", 3306, 0, 1, 100, ServerStatus.ONLINE, 86_401, 0))))
                .containsExactly("servers[0].max_replication_lag: 86401 (expected: 0..86400)");
        assertThat(problems(withServers(new ServerConfig("db", 3306, 0, 1, 100, ServerStatus.ONLINE, 86_400, 0))))
                .isEmpty();
    }

    @Test
    void maxLatencyIs0To600000Ms() {
        assertThat(problems(withServers(new ServerConfig("db", 3306, 0, 1, 100, ServerStatus.ONLINE, 0, -1))))
                .containsExactly("servers[0].max_latency_ms: -1 (expected: 0..600000)");
        assertThat(problems(withServers(new ServerConfig("db", 3306, 0, 1, 100, ServerStatus.ONLINE, 0, 600_001))))
                .containsExactly("servers[0].max_latency_ms: 600001 (expected: 0..600000)");
        assertThat(problems(withServers(new ServerConfig("db", 3306, 0, 1, 100, ServerStatus.ONLINE, 0, 600_000))))
                .isEmpty();
    }

    @Test
    void serverIsListedOncePerHostgroup() {
        ServerConfig sameInReaders = ServerConfig.of("127.0.0.1", 3306, 1);
        ServerConfig sameInWriter = ServerConfig.of("127.0.0.1", 3306, 0);
        assertThat(problems(withServers(SERVER, sameInReaders, sameInWriter)))
                .containsExactly("servers[2]: 127.0.0.1:3306 in hostgroup 0, like servers[0]"
                        + " (expected: each host:port at most once per hostgroup)");
    }

    @Test
    void userNameIs1To80Characters() {
        assertThat(problems(withUsers(user("", "pw", null))))
                .containsExactly("users[0].name: \"\" (expected: 1..80 characters)");
        String name81 = "u".repeat(81);
        assertThat(problems(withUsers(user(name81, "pw", null))))
                .containsExactly("users[0].name: \"" + name81 + "\" (expected: 1..80 characters)");
        assertThat(problems(withUsers(user("u".repeat(80), "pw", null)))).isEmpty();
    }

    @Test
    void aProblemStaysOnOneLine() {
        String name = "two\nlines" + "u".repeat(80);
        assertThat(problems(withUsers(user(name, "pw", null))))
                .containsExactly("users[0].name: \"two\\nlines" + "u".repeat(80) + "\" (expected: 1..80 characters)");
    }

    @Test
    void userNameIsUnique() {
        assertThat(problems(withUsers(user("app", "a", null), user("app", "b", null))))
                .containsExactly("users[1].name: \"app\" (expected: a name no other user has)");
    }

    @Test
    void userNeedsPasswordOrHash() {
        assertThat(problems(withUsers(user("app", null, null))))
                .containsExactly("users[0]: neither password nor password_hash is set (expected: one of them)");
        assertThat(problems(withUsers(user("app", null, HASH_OF_123456)))).isEmpty();
        assertThat(problems(withUsers(user("app", "", null)))).as("an empty password is a password").isEmpty();
    }

    @Test
    void passwordHashIsStarAnd40HexDigits() {
        assertThat(problems(withUsers(user("app", null, "abc"))))
                .containsExactly("users[0].password_hash: \"abc\" (expected: \"*\" followed by 40 hex digits)");
        assertThat(problems(withUsers(user("app", null, HASH_OF_123456.substring(1) + "0"))))
                .containsExactly("users[0].password_hash: \"" + HASH_OF_123456.substring(1) + "0\""
                        + " (expected: \"*\" followed by 40 hex digits)");
        assertThat(problems(withUsers(user("app", null, HASH_OF_123456.toLowerCase())))).isEmpty();
    }

    @Test
    void passwordHashMatchesPasswordWhenBothAreSet() {
        assertThat(problems(withUsers(user("app", "123456", HASH_OF_123456)))).isEmpty();
        assertThat(problems(withUsers(user("app", "secret", HASH_OF_123456)))).containsExactly(
                "users[0].password_hash: \"" + HASH_OF_123456 + "\" (expected: the hash of password, or no password_hash)");
    }

    @Test
    void defaultHostgroupMustExist() {
        UserConfig routedTo7 = new UserConfig("app", "pw", null, 7, null, 10, true);
        assertThat(problems(withUsers(routedTo7)))
                .containsExactly("users[0].default_hostgroup: 7 (expected: one of the hostgroup ids [0, 1])");
    }

    @Test
    void defaultHostgroupMustHoldAServer() {
        UserConfig routedToReaders = new UserConfig("app", "pw", null, 1, null, 10, true);
        assertThat(problems(withUsers(routedToReaders)))
                .containsExactly("users[0].default_hostgroup: 1 (expected: a hostgroup with at least one server)");
    }

    @Test
    void defaultSchemaIs1To64CharactersWhenSet() {
        UserConfig emptySchema = new UserConfig("app", "pw", null, 0, "", 10, true);
        assertThat(problems(withUsers(emptySchema)))
                .containsExactly("users[0].default_schema: \"\" (expected: 1..64 characters, or no default_schema)");
        assertThat(problems(withUsers(new UserConfig("app", "pw", null, 0, "s".repeat(64), 10, true)))).isEmpty();
    }

    @Test
    void userMaxConnectionsIs1To1000000() {
        assertThat(problems(withUsers(new UserConfig("app", "pw", null, 0, null, 0, true))))
                .containsExactly("users[0].max_connections: 0 (expected: 1..1000000)");
        assertThat(problems(withUsers(new UserConfig("app", "pw", null, 0, null, 1_000_001, true))))
                .containsExactly("users[0].max_connections: 1000001 (expected: 1..1000000)");
    }

    @Test
    void transactionPersistentCannotBeTurnedOff() {
        assertThat(problems(withUsers(new UserConfig("app", "pw", null, 0, null, 10, false))))
                .containsExactly("users[0].transaction_persistent: false"
                        + " (expected: true; transactions always stay on the connection they started on)");
    }

    @Test
    void maxClientConnectionsIs1To1000000() {
        assertThat(problems(withLimits(new LimitsConfig(0, LIMITS.maxPacketSize(), false, 1))))
                .containsExactly("limits.max_client_connections: 0 (expected: 1..1000000)");
        assertThat(problems(withLimits(new LimitsConfig(1_000_001, LIMITS.maxPacketSize(), false, 1))))
                .containsExactly("limits.max_client_connections: 1000001 (expected: 1..1000000)");
    }

    @Test
    void maxPacketSizeIs1KiBTo64MiB() {
        assertThat(problems(withLimits(new LimitsConfig(10, 70_000_000, false, 1))))
                .containsExactly("limits.max_packet_size: 70000000 (expected: 1024..67108864)");
        assertThat(problems(withLimits(new LimitsConfig(10, 1023, false, 1))))
                .containsExactly("limits.max_packet_size: 1023 (expected: 1024..67108864)");
        assertThat(problems(withLimits(new LimitsConfig(10, 1024, false, 1)))).isEmpty();
    }

    @Test
    void maxRetriesIs0To10() {
        assertThat(problems(withLimits(new LimitsConfig(10, 1024, false, 11))))
                .containsExactly("limits.max_retries: 11 (expected: 0..10)");
        assertThat(problems(withLimits(new LimitsConfig(10, 1024, false, -1))))
                .containsExactly("limits.max_retries: -1 (expected: 0..10)");
        assertThat(problems(withLimits(new LimitsConfig(10, 1024, false, 0)))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "0, handshake_ms, 0, 1..86400000",
            "1, connect_ms, 0, 1..86400000",
            "2, pool_wait_ms, 0, 1..86400000",
            "3, idle_ping_ms, 0, 1..86400000",
            "4, max_age_ms, 86400001, 1..86400000",
            "5, client_idle_ms, -1, 0..86400000",
            "5, client_idle_ms, 86400001, 0..86400000"})
    void timeoutsAreAtMostOneDay(int index, String key, long value, String expected) {
        long[] ms = {TIMEOUTS.handshakeMs(), TIMEOUTS.connectMs(), TIMEOUTS.poolWaitMs(), TIMEOUTS.idlePingMs(),
                TIMEOUTS.maxAgeMs(), TIMEOUTS.clientIdleMs()};
        ms[index] = value;
        TimeoutsConfig timeouts = new TimeoutsConfig(ms[0], ms[1], ms[2], ms[3], ms[4], ms[5]);
        assertThat(problems(withTimeouts(timeouts)))
                .containsExactly("timeouts." + key + ": " + value + " (expected: " + expected + ")");
    }

    @Test
    void clientIdleZeroMeansNever() {
        assertThat(problems(withTimeouts(new TimeoutsConfig(1, 1, 1, 1, 1, 0)))).isEmpty();
    }

    @Test
    void everyProblemIsReported() {
        JunctionConfig bad = new JunctionConfig(0, new ListenerConfig("0.0.0.0", 70000, 0), EXAMPLE.admin(),
                EXAMPLE.hostgroups(), List.of(ServerConfig.of("db", 3306, 9)), List.of(), LIMITS, TIMEOUTS);
        assertThat(problems(bad)).containsExactly(
                "version: 0 (expected: >= 1)",
                "listener.port: 70000 (expected: 0..65535)",
                "servers[0].hostgroup: 9 (expected: one of the hostgroup ids [0, 1])");
    }

    @Test
    void requireValidThrowsWithEveryProblemOnItsOwnLine() {
        JunctionConfig bad = new JunctionConfig(0, new ListenerConfig("", 1, 0), EXAMPLE.admin(), EXAMPLE.hostgroups(),
                EXAMPLE.servers(), EXAMPLE.users(), LIMITS, TIMEOUTS);
        assertThatThrownBy(() -> ConfigValidator.requireValid(bad))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.problems()).containsExactly(
                            "version: 0 (expected: >= 1)",
                            "listener.host: \"\" (expected: a host name or IP address)");
                    assertThat(e.getMessage()).isEqualTo(String.join("\n", e.problems()));
                });
        assertThat(ConfigValidator.requireValid(EXAMPLE)).isSameAs(EXAMPLE);
    }
}
