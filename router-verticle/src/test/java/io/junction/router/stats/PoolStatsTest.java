package io.junction.router.stats;

import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import io.junction.router.TestJunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The pool rows of {@code RouterDeployment.stats()}, observed through a real node and server. */
@ExtendWith(MariaDbExtension.class)
class PoolStatsTest {
    private static final int STATEMENTS = 25;

    static MariaDb db;

    @BeforeAll
    static void start(MariaDb server) {
        db = server;
        TestJunction.prepare(db);
    }

    @Test
    void statementsConnectionsAndBytesAreCounted() throws Exception {
        try (TestJunction junction = TestJunction.start(TestJunction.config(db, 4, 2))) {
            String address = db.host() + ":" + db.port();
            try (Connection c = junction.connect(); Statement s = c.createStatement()) {
                long before = stats(junction).pools().stream().mapToLong(PoolStatsRow::queries).sum(); // no row before a first pool
                for (int i = 0; i < STATEMENTS; i++) {
                    try (ResultSet rs = s.executeQuery("SELECT " + i)) {
                        assertThat(rs.next()).isTrue();
                    }
                }
                PoolStatsRow after = row(junction, address);
                assertThat(after.queries() - before).isGreaterThanOrEqualTo(STATEMENTS);
            }

            PoolStatsRow row = awaitRow(junction, address, r -> r.used() == 0);
            assertThat(row.connectionsOk()).isGreaterThanOrEqualTo(1);
            assertThat(row.connectErrors()).isZero();
            assertThat(row.maxUsed()).isGreaterThanOrEqualTo(1);
            assertThat(row.free()).as("idle = open, nothing lent").isEqualTo(junction.limits().backendConnections().get(address));
            assertThat(row.free()).isGreaterThanOrEqualTo(1);
            assertThat(row.bytesSent()).isPositive();
            assertThat(row.bytesReceived()).isGreaterThan(row.bytesSent()); // greetings and result sets outweigh commands
            assertThat(stats(junction).pools()).as("one row per server, the loops merged").hasSize(1);
        }
    }

    @Test
    void aServerThatIsDownCountsConnectErrors() throws Exception {
        try (TestJunction junction = TestJunction.start(TestJunction.config(db, 4, 1)); Connection c = junction.connect()) {
            String address = db.host() + ":" + db.port();
            c.createStatement().executeQuery("SELECT 1").close();
            assertThat(row(junction, address).connectErrors()).isZero();
            db.stop();
            try {
                awaitRow(junction, address, r -> r.free() == 0 && r.used() == 0); // the server closed the idle ones
                SQLException e = catchThrowableOfType(SQLException.class, () -> c.createStatement().executeQuery("SELECT 2"));
                assertThat((Throwable) e).as("a statement with no server to run on fails").isNotNull();
                PoolStatsRow row = awaitRow(junction, address, r -> r.connectErrors() >= 1);
                assertThat(row.connectionsOk()).isGreaterThanOrEqualTo(1);
            } finally {
                db.restart();
            }
        }
    }

    private static StatsSnapshot stats(TestJunction junction) throws Exception {
        return junction.deployment().stats().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static PoolStatsRow row(TestJunction junction, String address) throws Exception {
        StatsSnapshot stats = stats(junction);
        return stats.pools().stream().filter(r -> r.server().equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError("no pool row for " + address + " in " + stats.pools()));
    }

    private static PoolStatsRow awaitRow(TestJunction junction, String address, Predicate<PoolStatsRow> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        PoolStatsRow row = row(junction, address);
        while (!condition.test(row)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("pool row never reached the expected state: " + row);
            }
            TimeUnit.MILLISECONDS.sleep(20);
            row = row(junction, address);
        }
        return row;
    }
}
