package io.junction.router.monitor;

import io.junction.config.JunctionConfig;
import io.junction.config.MonitorConfig;
import io.junction.config.ReplicationHostgroupConfig;
import io.junction.config.ServerConfig;
import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import io.junction.fixture.ReplicatedMariaDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The monitor against a real primary and two replicas: health, shunning, read_only and lag as they change. */
@ExtendWith(MariaDbExtension.class)
class MonitorVerticleTest {
    static final int WRITERS = 10;
    static final int READERS = 20;

    static ReplicatedMariaDb cluster;
    static String primary;
    static String replica1;
    static String replica2;

    RunningMonitor monitor;

    @BeforeAll
    static void createMonitorUser(ReplicatedMariaDb servers) {
        cluster = servers;
        cluster.primary().execute("CREATE USER 'monitor'@'%' IDENTIFIED BY 'mpw'",
                "GRANT REPLICATION CLIENT, SLAVE MONITOR ON *.* TO 'monitor'@'%'");
        cluster.awaitReplicasCaughtUp(Duration.ofSeconds(10));
        primary = address(cluster.primary());
        replica1 = address(cluster.replicas().get(0));
        replica2 = address(cluster.replicas().get(1));
    }

    @BeforeEach
    void startMonitor() {
        monitor = RunningMonitor.start(config(TestConfigs.FAST));
    }

    @AfterEach
    void stopMonitor() {
        monitor.close();
    }

    static JunctionConfig config(MonitorConfig monitorConfig) {
        List<ServerConfig> servers = new ArrayList<>();
        servers.add(server(cluster.primary(), WRITERS));
        cluster.replicas().forEach(replica -> servers.add(server(replica, READERS)));
        return TestConfigs.config(servers, List.of(new ReplicationHostgroupConfig(WRITERS, READERS, false)), monitorConfig);
    }

    static ServerConfig server(MariaDb db, int hostgroup) {
        return TestConfigs.server(db.host(), db.port(), hostgroup);
    }

    static String address(MariaDb db) {
        return db.host() + ":" + db.port();
    }

    static boolean healthy(HealthSnapshot snapshot, String address) {
        ServerHealth health = snapshot.of(address);
        return !health.shunned() && health.latencyMicros() > 0;
    }

    @Test
    void aHealthySetShowsEveryServerUpWithItsRole() {
        HealthSnapshot snapshot = monitor.await("all up, read_only and lag known", s ->
                healthy(s, primary) && healthy(s, replica1) && healthy(s, replica2)
                        && Boolean.FALSE.equals(s.of(primary).readOnly())
                        && Boolean.TRUE.equals(s.of(replica1).readOnly()) && Boolean.TRUE.equals(s.of(replica2).readOnly())
                        && s.of(replica1).replicationLagSeconds() != null && s.of(replica2).replicationLagSeconds() != null);
        assertThat(snapshot.servers()).containsOnlyKeys(primary, replica1, replica2);
        assertThat(snapshot.of(primary).replicationLagSeconds()).as("the primary is not a replica").isNull();
        assertThat(snapshot.of(replica1).replicationLagSeconds()).isBetween(0, 5);
        assertThat(snapshot.version()).isPositive();
    }

    @Test
    void aStoppedReplicaIsShunnedAndRecoversWhenItComesBack() {
        MariaDb replica = cluster.replicas().get(0);
        monitor.await("all up", s -> healthy(s, primary) && healthy(s, replica1) && healthy(s, replica2));
        replica.stop();
        long stopped = System.nanoTime();
        try {
            HealthSnapshot shunned = monitor.await("replica shunned", Duration.ofSeconds(3), s -> s.of(replica1).shunned());
            long shunnedAfterMs = (System.nanoTime() - stopped) / 1_000_000;
            assertThat(shunnedAfterMs).as("2 failed pings, 100 ms apart").isLessThan(1_500);
            assertThat(shunned.of(primary).shunned()).isFalse();
            assertThat(shunned.of(replica2).shunned()).isFalse();
        } finally {
            replica.restart();
        }
        HealthSnapshot recovered = monitor.await("replica recovered", s -> !s.of(replica1).shunned());
        assertThat(recovered.of(primary).shunned()).isFalse();
        assertThat(recovered.of(replica2).shunned()).isFalse();
    }

    @Test
    void aFlippedReadOnlyShows() {
        MariaDb replica = cluster.replicas().get(1);
        monitor.await("roles known", s -> Boolean.FALSE.equals(s.of(primary).readOnly())
                && Boolean.TRUE.equals(s.of(replica2).readOnly()));
        try {
            cluster.primary().execute("SET GLOBAL read_only=1");
            replica.execute("SET GLOBAL read_only=0");
            monitor.await("roles swapped", s -> Boolean.TRUE.equals(s.of(primary).readOnly())
                    && Boolean.FALSE.equals(s.of(replica2).readOnly()));
        } finally {
            cluster.primary().execute("SET GLOBAL read_only=0");
            replica.execute("SET GLOBAL read_only=1");
        }
        monitor.await("roles restored", s -> Boolean.FALSE.equals(s.of(primary).readOnly())
                && Boolean.TRUE.equals(s.of(replica2).readOnly()));
    }

    @Test
    void stoppedReplicationIsAnEndlessLag() {
        MariaDb replica = cluster.replicas().get(1);
        monitor.await("lag known", s -> s.of(replica2).replicationLagSeconds() != null
                && s.of(replica2).replicationLagSeconds() < 5);
        try {
            replica.execute("STOP SLAVE SQL_THREAD");
            monitor.await("replication stopped", s -> s.of(replica2).replicationLagSeconds() == Integer.MAX_VALUE);
        } finally {
            replica.execute("START SLAVE");
        }
        HealthSnapshot running = monitor.await("replication running again",
                s -> s.of(replica2).replicationLagSeconds() != null && s.of(replica2).replicationLagSeconds() < 5);
        assertThat(running.of(replica1).replicationLagSeconds()).isBetween(0, 5);
    }

    @Test
    void aDisabledMonitorPublishesNothing() {
        MonitorConfig off = new MonitorConfig(false, "monitor", "mpw", 100, 100, 100, 500, 2, 2);
        try (RunningMonitor disabled = RunningMonitor.start(config(off))) {
            // the enabled monitor of this test publishes; the disabled one, watched as long, never does
            monitor.await("enabled monitor saw all", s -> healthy(s, primary) && healthy(s, replica1) && healthy(s, replica2));
            assertThat(disabled.board.current()).isSameAs(HealthSnapshot.EMPTY);
        }
    }
}
