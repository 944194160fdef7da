package io.junction.router.backend;

import io.junction.config.JunctionConfig;
import io.junction.config.TimeoutsConfig;
import io.junction.config.UserConfig;
import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import io.junction.router.TestJunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The pool's cap, wait queue, and upkeep, observed through real clients and the server's own process list. */
@ExtendWith(MariaDbExtension.class)
public class BackendPoolTest {
    static MariaDb db;

    @BeforeAll
    static void start(MariaDb server) {
        db = server;
        TestJunction.prepare(db);
    }

    static JunctionConfig config(int cap, long poolWaitMs, long idlePingMs, long maxAgeMs) {
        JunctionConfig base = TestJunction.config(db, cap, 1);
        return new JunctionConfig(1, base.listener(), base.admin(), base.hostgroups(), base.servers(), base.users(), base.limits(),
                new TimeoutsConfig(5_000, 2_000, poolWaitMs, idlePingMs, maxAgeMs, 0));
    }

    @Test
    void aStatementThatWaitsPastThePoolTimeoutGets9001() throws Exception {
        try (TestJunction junction = TestJunction.start(config(1, 300, 60_000, 3_600_000));
             Connection holder = junction.connect(); Connection waiter = junction.connect()) {
            holder.createStatement().execute("START TRANSACTION");
            long start = System.nanoTime();
            SQLException e = catchThrowableOfType(SQLException.class, () -> waiter.createStatement().executeQuery("SELECT 1"));
            long waitedMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(e.getErrorCode()).isEqualTo(9001);
            assertThat(e.getMessage()).contains("max_connections 1");
            assertThat(waitedMs).isGreaterThanOrEqualTo(300);
            holder.createStatement().execute("COMMIT");
            assertThat(value(waiter, "SELECT 5")).isEqualTo("5");
        }
    }

    @Test
    void aWaiterGetsTheConnectionAsSoonAsItIsGivenBack() throws Exception {
        try (TestJunction junction = TestJunction.start(config(1, 10_000, 60_000, 3_600_000));
             Connection holder = junction.connect(); Connection waiter = junction.connect()) {
            holder.createStatement().execute("START TRANSACTION");
            CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> value(waiter, "SELECT 6"));
            ServerBudget budget = junction.limits().budget(junction.config().servers().get(0));
            awaitCondition(budget::hasStarving);
            assertThat(waiting).as("still waiting while the connection is held").isNotDone();
            holder.createStatement().execute("COMMIT");
            assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo("6");
        }
    }

    /**
     * A session without a default schema cannot use a connection that has one (only a new login drops it), so the pool
     * at its cap must make room for a new connection rather than park the one given back: it used to leave the session
     * waiting out the whole pool timeout beside an idle connection, then fail with 9001.
     */
    @Test
    void aWaiterWithoutASchemaIsServedWhenTheConnectionGivenBackHasOne() throws Exception {
        JunctionConfig base = config(1, 30_000, 60_000, 3_600_000);
        JunctionConfig noDefaultSchema = new JunctionConfig(1, base.listener(), base.admin(), base.hostgroups(), base.servers(),
                List.of(new UserConfig(TestJunction.USER, TestJunction.PASSWORD, null, 0, null, 10_000, true)),
                base.limits(), base.timeouts());
        try (TestJunction junction = TestJunction.start(noDefaultSchema);
             Connection holder = junction.connect();
             Connection waiter = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + junction.port() + "/?user="
                     + TestJunction.USER + "&password=" + TestJunction.PASSWORD)) {
            holder.createStatement().execute("START TRANSACTION");
            assertThat(value(holder, "SELECT DATABASE()")).isEqualTo(TestJunction.SCHEMA);
            CompletableFuture<String> waiting = CompletableFuture.supplyAsync(
                    () -> value(waiter, "SELECT IFNULL(DATABASE(), 'none')"));
            ServerBudget budget = junction.limits().budget(junction.config().servers().get(0));
            awaitCondition(budget::hasStarving);
            holder.createStatement().execute("COMMIT");
            assertThat(waiting.get(10, TimeUnit.SECONDS)).as("well within the 30 s pool timeout").isEqualTo("none");
        }
    }

    @Test
    void idleConnectionsKilledOnTheServerAreDroppedAndReplaced() throws Exception {
        try (TestJunction junction = TestJunction.start(config(4, 2_000, 60_000, 3_600_000)); Connection c = junction.connect()) {
            String before = value(c, "SELECT CONNECTION_ID()");
            db.execute("KILL " + before);
            awaitCondition(() -> junction.limits().backendConnections().values().iterator().next() == 0);
            String after = value(c, "SELECT CONNECTION_ID()");
            assertThat(after).isNotEqualTo(before);
        }
    }

    @Test
    void connectionsPastTheirMaxAgeAreReplaced() throws Exception {
        try (TestJunction junction = TestJunction.start(config(4, 2_000, 60_000, 200)); Connection c = junction.connect()) {
            String first = value(c, "SELECT CONNECTION_ID()");
            awaitCondition(() -> !first.equals(value(c, "SELECT CONNECTION_ID()")));
            assertThat(Integer.parseInt(db.queryString("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = " + first)))
                    .as("the old connection is closed on the server").isZero();
        }
    }

    @Test
    void stoppingANodeWithIdleConnectionsClosesThemAll() throws Exception {
        TestJunction junction = TestJunction.start(config(4, 2_000, 60_000, 3_600_000));
        try (Connection a = junction.connect(); Connection b = junction.connect()) {
            a.createStatement().execute("START TRANSACTION");
            value(b, "SELECT 1");
            a.createStatement().execute("COMMIT");
            assertThat(junction.limits().backendConnections().values()).containsExactly(2);
        }
        junction.close();
        assertThat(junction.limits().backendConnections().values()).containsExactly(0);
        awaitCondition(() -> "0".equals(db.queryString("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = 'app'")));
    }

    @Test
    void aBorrowerWhoseStateMatchesAnIdleConnectionNeedsNoSync() throws Exception {
        try (TestJunction junction = TestJunction.start(config(2, 2_000, 60_000, 3_600_000));
             Connection plusOne = junction.connect(); Connection utc = junction.connect(); Connection root = db.connect()) {
            plusOne.createStatement().execute("SET time_zone = '+01:00'");
            utc.createStatement().execute("START TRANSACTION");
            value(plusOne, "SELECT 1");
            utc.createStatement().execute("COMMIT");
            assertThat(junction.limits().backendConnections().values()).as("one idle connection per state").containsExactly(2);

            long setsBefore = comSetOption(root);
            for (int i = 0; i < 10; i++) {
                assertThat(value(plusOne, "SELECT @@time_zone")).isEqualTo("+01:00");
                assertThat(value(utc, "SELECT @@time_zone")).isEqualTo("SYSTEM");
            }
            assertThat(comSetOption(root) - setsBefore).as("SET statements run to sync state").isZero();
        }
    }

    @Test
    void longIdleConnectionsArePingedAndKept() throws Exception {
        try (TestJunction junction = TestJunction.start(config(2, 2_000, 100, 3_600_000)); Connection c = junction.connect()) {
            String backend = value(c, "SELECT CONNECTION_ID()");
            long pingsBefore = adminCommands();
            awaitCondition(() -> adminCommands() > pingsBefore);
            assertThat(value(c, "SELECT CONNECTION_ID()")).isEqualTo(backend);
        }
    }

    /** Read over one connection opened beforehand: a new JDBC connection runs a SET of its own. */
    private static long comSetOption(Connection root) {
        return Long.parseLong(value(root, "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'COM_SET_OPTION'"));
    }

    /** COM_PING is counted as an admin command. */
    private static long adminCommands() {
        return Long.parseLong(db.queryString("SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'COM_ADMIN_COMMANDS'"));
    }

    static String value(Connection c, String sql) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }
}
