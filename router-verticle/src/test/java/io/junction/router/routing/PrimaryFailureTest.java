package io.junction.router.routing;

import io.junction.config.QueryRuleConfig;
import io.junction.fixture.MariaDbExtension;
import io.junction.fixture.ReplicatedMariaDb;
import io.junction.router.RawClient;
import io.junction.router.TestJunction;
import io.junction.router.monitor.ServerHealth;
import io.junction.router.protocol.ComQuery;
import io.junction.router.protocol.ErrPacket;
import io.junction.router.protocol.Packet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.junction.router.Sql.exec;
import static io.junction.router.Sql.single;
import static org.assertj.core.api.Assertions.assertThat;

/** The primary dies in the middle of a result set. */
@ExtendWith(MariaDbExtension.class)
class PrimaryFailureTest {

    @Test
    void theReaderGetsAnErrorWithinASecondOthersGoOnAndWritesResumeWithThePrimary(ReplicatedMariaDb cluster) throws Exception {
        TestJunction.prepare(cluster.primary());
        cluster.primary().execute("CREATE USER IF NOT EXISTS 'monitor'@'%' IDENTIFIED BY 'mpw'",
                "GRANT REPLICATION CLIENT, SLAVE MONITOR ON *.* TO 'monitor'@'%'",
                "CREATE TABLE IF NOT EXISTS app.writes (id INT AUTO_INCREMENT PRIMARY KEY)");
        cluster.awaitReplicasCaughtUp(Duration.ofSeconds(30));
        QueryRuleConfig toPrimary = new QueryRuleConfig(1, true, null, null, null, "/\\*primary\\*/", null, null, 0, null, 0, null, true);
        try (TestJunction junction = TestJunction.start(ReadWriteSplitTest.config(cluster, List.of(toPrimary), FailoverTest.monitor()));
             RawClient reader = new RawClient(junction.port(), 10_000); Connection other = junction.connect()) {
            reader.login(TestJunction.USER, TestJunction.PASSWORD, TestJunction.SCHEMA);
            reader.send(0, ComQuery.of("SELECT /*primary*/ REPEAT('x', 1000) FROM seq_1_to_2000000").encode());
            for (int i = 0; i < 1000; i++) {
                assertThat(ErrPacket.is(reader.read().payload())).isFalse();
            }

            long killedAt = System.nanoTime();
            cluster.primary().kill();
            Packet packet = reader.read();
            while (!ErrPacket.is(packet.payload())) {
                packet = reader.read();
            }
            long tookMs = (System.nanoTime() - killedAt) / 1_000_000;
            assertThat(ErrPacket.decode(packet.payload()).code()).isEqualTo(2013);
            assertThat(tookMs).as("error %d ms after the kill", tookMs).isLessThan(1_000);

            assertThat(single(other, "SELECT 'reads go on'")).isEqualTo("reads go on");
            SQLException noPrimary = org.assertj.core.api.Assertions.catchThrowableOfType(SQLException.class,
                    () -> exec(other, "INSERT INTO writes VALUES ()"));
            assertThat(noPrimary.getErrorCode()).as("no primary to write to").isEqualTo(2003);

            cluster.primary().restart();
            String primary = cluster.primary().host() + ":" + cluster.primary().port();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (junction.limits().health().current().of(primary).shunned() && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
            ServerHealth health = junction.limits().health().current().of(primary);
            assertThat(health.shunned()).isFalse();
            exec(other, "INSERT INTO writes VALUES ()");
            assertThat(cluster.primary().queryString("SELECT COUNT(*) FROM app.writes")).isEqualTo("1");
        }
    }
}
