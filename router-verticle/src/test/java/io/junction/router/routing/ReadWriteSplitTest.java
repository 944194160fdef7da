package io.junction.router.routing;

import io.junction.config.HostgroupConfig;
import io.junction.config.JunctionConfig;
import io.junction.config.MonitorConfig;
import io.junction.config.QueryRuleConfig;
import io.junction.config.ReplicationHostgroupConfig;
import io.junction.config.ServerConfig;
import io.junction.config.ServerStatus;
import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import io.junction.fixture.ReplicatedMariaDb;
import io.junction.router.TestJunction;
import io.junction.router.stats.DigestStatsRow;
import io.junction.router.stats.PoolStatsRow;
import io.junction.router.stats.StatsSnapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.junction.router.Sql.exec;
import static io.junction.router.Sql.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Query rules over a real primary with two replicas: the read/write split, a firewall rule and a timeout rule. */
@ExtendWith(MariaDbExtension.class)
class ReadWriteSplitTest {
    static final int FIREWALL = 10;
    static final int TIMEOUT = 20;
    static final int LOCKING_TO_WRITER = 30;
    static final int BY_USER_AND_ADDRESS = 35;
    static final int ELSEWHERE = 34;
    static final int SELECT_TO_READERS = 40;
    static ReplicatedMariaDb cluster;
    static TestJunction junction;

    @BeforeAll
    static void start(ReplicatedMariaDb replicated) {
        cluster = replicated;
        TestJunction.prepare(cluster.primary());
        cluster.primary().execute("CREATE TABLE IF NOT EXISTS app.orders (id INT AUTO_INCREMENT PRIMARY KEY, item VARCHAR(20))");
        cluster.awaitReplicasCaughtUp(Duration.ofSeconds(30));
        junction = TestJunction.start(config(cluster, List.of(), MonitorConfig.DEFAULT));
    }

    @AfterAll
    static void stop() {
        junction.close();
    }

    /** Hostgroup 0 = the primary, 1 = the replicas, as a replication pair, with the split and two more rules. */
    static JunctionConfig config(ReplicatedMariaDb cluster, List<QueryRuleConfig> extraRules, MonitorConfig monitor) {
        JunctionConfig base = TestJunction.config(cluster.primary(), 16);
        List<ServerConfig> servers = new java.util.ArrayList<>();
        servers.add(new ServerConfig(cluster.primary().host(), cluster.primary().port(), 0, 1, 16, ServerStatus.ONLINE, 0, 0));
        for (MariaDb replica : cluster.replicas()) {
            servers.add(new ServerConfig(replica.host(), replica.port(), 1, 1, 16, ServerStatus.ONLINE, 5, 0));
        }
        List<QueryRuleConfig> rules = new java.util.ArrayList<>(List.of(
                rule(FIREWALL, "^\\s*DROP\\s+TABLE", null, "DROP TABLE is not allowed through Junction", 0, true),
                rule(TIMEOUT, "SLEEP\\(", null, null, 500, false),
                rule(LOCKING_TO_WRITER, "^\\s*SELECT.*\\bFOR\\s+UPDATE\\b", 0, null, 0, true),
                new QueryRuleConfig(ELSEWHERE, true, "app", null, "10.9.9.9", "by-address", null, null, 0, "not from here", 0, null, true),
                new QueryRuleConfig(BY_USER_AND_ADDRESS, true, "app", "app", "127.0.0.1", "by-address", null, null, 0, null, 0, null, true),
                rule(SELECT_TO_READERS, "^\\s*SELECT", 1, null, 0, true)));
        rules.addAll(extraRules);
        return new JunctionConfig(1, base.listener(), base.admin(),
                List.of(new HostgroupConfig(0, "writer"), new HostgroupConfig(1, "readers")), servers, base.users(),
                base.limits(), base.timeouts(), rules, List.of(new ReplicationHostgroupConfig(0, 1, false)), monitor);
    }

    static QueryRuleConfig rule(int id, String pattern, Integer destination, String error, long timeoutMs, boolean apply) {
        return new QueryRuleConfig(id, true, null, null, null, pattern, null, null, destination, error, timeoutMs, null, apply);
    }

    static String serverId(MariaDb db) {
        return db.queryString("SELECT @@server_id");
    }

    @Test
    void selectsGoToTheReplicasWritesAndLockingReadsToThePrimary() throws Exception {
        Set<String> readers = new HashSet<>();
        try (Connection c = junction.connect()) {
            for (int i = 0; i < 30; i++) {
                readers.add(single(c, "SELECT @@server_id"));
            }
            assertThat(readers).containsExactlyInAnyOrder(serverId(cluster.replicas().get(0)), serverId(cluster.replicas().get(1)));
            assertThat(single(c, "SELECT @@server_id FOR UPDATE")).isEqualTo(serverId(cluster.primary()));

            exec(c, "INSERT INTO orders (item) VALUES ('split')");
            assertThat(cluster.primary().queryString("SELECT COUNT(*) FROM app.orders WHERE item = 'split'")).isEqualTo("1");
        }
    }

    @Test
    void rulesMatchOnUserSchemaAndClientAddress() throws Exception {
        try (Connection c = junction.connect()) {
            assertThat(single(c, "SELECT @@server_id, 'by-address'")).isEqualTo(serverId(cluster.primary()));
            assertThat(junction.limits().rules().hits()).containsEntry(BY_USER_AND_ADDRESS, 1L).containsEntry(ELSEWHERE, 0L);
            exec(c, "USE other");
            assertThat(single(c, "SELECT @@server_id, 'by-address'")).as("another schema: the SELECT rule applies")
                    .isIn(serverId(cluster.replicas().get(0)), serverId(cluster.replicas().get(1)));
        }
    }

    @Test
    void everythingInATransactionStaysOnTheTransactionsFirstHostgroup() throws Exception {
        try (Connection c = junction.connect()) {
            exec(c, "START TRANSACTION");
            assertThat(single(c, "SELECT @@server_id")).isEqualTo(serverId(cluster.primary()));
            exec(c, "INSERT INTO orders (item) VALUES ('in-tx')");
            assertThat(single(c, "SELECT COUNT(*) FROM orders WHERE item = 'in-tx'")).isEqualTo("1");
            exec(c, "COMMIT");

            c.setAutoCommit(false);
            String first = single(c, "SELECT @@server_id, COUNT(*) FROM orders");
            assertThat(first).isIn(serverId(cluster.replicas().get(0)), serverId(cluster.replicas().get(1)));
            for (int i = 0; i < 5; i++) {
                assertThat(single(c, "SELECT @@server_id")).isEqualTo(first);
            }
            c.commit();
        }
    }

    @Test
    void digestAndPoolStatisticsCountAKnownWorkload() throws Exception {
        cluster.primary().execute("CREATE TABLE IF NOT EXISTS app.probe (id INT PRIMARY KEY, v INT)");
        cluster.awaitReplicasCaughtUp(Duration.ofSeconds(30));
        try (Connection c = junction.connect()) {
            for (int i = 1; i <= 5; i++) {
                exec(c, "INSERT INTO probe VALUES (" + i + ", " + (i * 10) + ")");
            }
            cluster.awaitReplicasCaughtUp(Duration.ofSeconds(30));
            for (int i = 1; i <= 7; i++) {
                single(c, "SELECT v FROM probe WHERE id = " + (1 + i % 5));
            }
            exec(c, "UPDATE probe SET v = v + 1 WHERE id <= 3");
        }
        StatsSnapshot stats = junction.deployment().stats().toCompletionStage().toCompletableFuture().get();
        DigestStatsRow insert = row(stats, "INSERT INTO probe VALUES (...)");
        assertThat(insert.count()).isEqualTo(5);
        assertThat(insert.rowsAffected()).isEqualTo(5);
        assertThat(insert.hostgroup()).isZero();
        DigestStatsRow select = row(stats, "SELECT v FROM probe WHERE id = ?");
        assertThat(select.count()).isEqualTo(7);
        assertThat(select.rowsSent()).isEqualTo(7);
        assertThat(select.hostgroup()).isEqualTo(1);
        assertThat(select.minTimeMicros()).isPositive().isLessThanOrEqualTo(select.maxTimeMicros());
        assertThat(select.sumTimeMicros()).isGreaterThanOrEqualTo(select.maxTimeMicros());
        DigestStatsRow update = row(stats, "UPDATE probe SET v = v + ? WHERE id <= ?");
        assertThat(update.rowsAffected()).isEqualTo(3);

        String primary = cluster.primary().host() + ":" + cluster.primary().port();
        PoolStatsRow primaryPool = stats.pools().stream().filter(p -> p.server().equals(primary)).findFirst().orElseThrow();
        assertThat(primaryPool.queries()).isGreaterThanOrEqualTo(6);
        assertThat(primaryPool.connectionsOk()).isPositive();
        assertThat(primaryPool.used()).isZero();
        assertThat(primaryPool.bytesReceived()).isPositive();
    }

    private static DigestStatsRow row(StatsSnapshot stats, String digestText) {
        return stats.digests().stream().filter(r -> r.digestText().equals(digestText)).findFirst()
                .orElseThrow(() -> new AssertionError("no digest " + digestText + " in " + stats.digests().stream()
                        .map(DigestStatsRow::digestText).toList()));
    }

    @Test
    void aFirewallRuleRefusesTheStatementWithoutTouchingABackend() throws Exception {
        cluster.primary().execute("CREATE TABLE IF NOT EXISTS app.precious (n INT)");
        try (Connection c = junction.connect()) {
            long hits = junction.limits().rules().hits().get(FIREWALL);
            SQLException e = catchThrowableOfType(SQLException.class, () -> exec(c, "DROP TABLE precious"));
            assertThat(e.getErrorCode()).isEqualTo(1148);
            assertThat(e.getMessage()).contains("DROP TABLE is not allowed through Junction");
            assertThat(junction.limits().rules().hits().get(FIREWALL)).isEqualTo(hits + 1);
        }
        assertThat(cluster.primary().queryString("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_NAME = 'precious'"))
                .isEqualTo("1");
    }

    @Test
    void aTimeoutRuleKillsTheStatementOnTheBackendAndTheClientGetsAnError() throws Exception {
        try (Connection c = junction.connect()) {
            long start = System.nanoTime();
            SQLException e = catchThrowableOfType(SQLException.class, () -> single(c, "SELECT SLEEP(10)"));
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(e.getErrorCode()).isEqualTo(1969);
            assertThat(e.getSQLState()).isEqualTo("70100");
            assertThat(tookMs).isLessThan(5_000);
            for (MariaDb replica : cluster.replicas()) {
                assertThat(replica.queryString("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT SLEEP(10)%'"))
                        .as("nothing left sleeping on the replica").isEqualTo("0");
            }
            assertThat(single(c, "SELECT 'still usable'")).isEqualTo("still usable");
        }
    }
}
