package io.junction.router.routing;

import io.junction.config.MonitorConfig;
import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import io.junction.fixture.ReplicatedMariaDb;
import io.junction.router.TestJunction;
import io.junction.router.monitor.ServerHealth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static io.junction.router.Sql.exec;
import static io.junction.router.Sql.single;
import static io.junction.router.routing.ReadWriteSplitTest.serverId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the health monitor on: a stopped replica is shunned and comes back, a lagging replica gets no reads, and a
 * promoted replica takes the writes, all without a config change. Ordered: each step leaves the cluster as it was,
 * except the last.
 */
@ExtendWith(MariaDbExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailoverTest {
    static final long CHECK_MS = 100;
    static ReplicatedMariaDb cluster;
    static TestJunction junction;
    static MariaDb a;
    static MariaDb b;

    @BeforeAll
    static void start(ReplicatedMariaDb replicated) {
        cluster = replicated;
        a = cluster.replicas().get(0);
        b = cluster.replicas().get(1);
        TestJunction.prepare(cluster.primary());
        cluster.primary().execute("CREATE USER IF NOT EXISTS 'monitor'@'%' IDENTIFIED BY 'mpw'",
                "GRANT REPLICATION CLIENT, SLAVE MONITOR ON *.* TO 'monitor'@'%'",
                "CREATE TABLE IF NOT EXISTS app.events (id INT AUTO_INCREMENT PRIMARY KEY, what VARCHAR(20))");
        cluster.awaitReplicasCaughtUp(Duration.ofSeconds(30));
        junction = TestJunction.start(ReadWriteSplitTest.config(cluster, List.of(), monitor()));
        awaitHealth(cluster.primary(), h -> Boolean.FALSE.equals(h.readOnly()));
        awaitHealth(a, h -> Boolean.TRUE.equals(h.readOnly()));
        awaitHealth(b, h -> Boolean.TRUE.equals(h.readOnly()));
    }

    static MonitorConfig monitor() {
        return new MonitorConfig(true, "monitor", "mpw", CHECK_MS, CHECK_MS, CHECK_MS, 500, 2, 2);
    }

    @AfterAll
    static void stop() {
        junction.close();
    }

    @Test
    @Order(1)
    void aStoppedReplicaIsShunnedWithinTwoChecksAndReadsGoOnOnTheOther() throws Exception {
        try (Connection c = junction.connect()) {
            long stoppedAt = System.nanoTime();
            b.stop();
            awaitHealth(b, ServerHealth::shunned);
            long tookMs = (System.nanoTime() - stoppedAt) / 1_000_000;
            assertThat(tookMs).as("shunned after %d ms", tookMs).isLessThan(20 * CHECK_MS);
            assertThat(readersSeen(c, 20)).containsExactly(serverId(a));

            b.restart();
            awaitHealth(b, h -> !h.shunned());
            assertThat(readersSeen(c, 40)).containsExactlyInAnyOrder(serverId(a), serverId(b));
        }
    }

    @Test
    @Order(2)
    void aReplicaLaggingPastItsLimitGetsNoReadsUntilItCatchesUp() throws Exception {
        try (Connection c = junction.connect()) {
            b.execute("STOP SLAVE");
            awaitHealth(b, h -> h.replicationLagSeconds() != null && h.replicationLagSeconds() > 5);
            assertThat(readersSeen(c, 20)).containsExactly(serverId(a));

            b.execute("START SLAVE");
            awaitHealth(b, h -> h.replicationLagSeconds() != null && h.replicationLagSeconds() <= 5);
            assertThat(readersSeen(c, 40)).containsExactlyInAnyOrder(serverId(a), serverId(b));
        }
    }

    @Test
    @Order(3)
    void aPromotedReplicaTakesTheWritesWithoutAConfigChange() throws Exception {
        try (Connection c = junction.connect()) {
            assertThat(single(c, "SELECT @@server_id FOR UPDATE")).isEqualTo(serverId(cluster.primary()));
            cluster.primary().execute("SET GLOBAL read_only = 1");
            a.execute("SET GLOBAL read_only = 0");
            awaitHealth(cluster.primary(), h -> Boolean.TRUE.equals(h.readOnly()));
            awaitHealth(a, h -> Boolean.FALSE.equals(h.readOnly()));

            assertThat(single(c, "SELECT @@server_id FOR UPDATE")).isEqualTo(serverId(a));
            exec(c, "INSERT INTO events (what) VALUES ('after promotion')");
            assertThat(a.queryString("SELECT COUNT(*) FROM app.events WHERE what = 'after promotion'")).isEqualTo("1");
            assertThat(readersSeen(c, 40)).as("the old primary now serves reads").contains(serverId(cluster.primary()));
        }
    }

    /** The server ids that answered {@code n} reads. */
    static Set<String> readersSeen(Connection c, int n) throws Exception {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            seen.add(single(c, "SELECT @@server_id"));
        }
        return seen;
    }

    static void awaitHealth(MariaDb server, Predicate<ServerHealth> condition) {
        String address = server.host() + ":" + server.port();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.test(junction.limits().health().current().of(address))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("health of " + address + " did not change as expected: "
                        + junction.limits().health().current().of(address));
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }
}
