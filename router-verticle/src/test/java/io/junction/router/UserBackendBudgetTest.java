package io.junction.router;

import io.junction.config.JunctionConfig;
import io.junction.config.TimeoutsConfig;
import io.junction.config.UserConfig;
import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static io.junction.router.Sql.exec;
import static io.junction.router.Sql.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A user's {@code max_backend_connections}: a cap on its backend connections over all event loops, watched in the
 * server's own process list; this node's share of it in a cluster; lowered at runtime.
 */
@ExtendWith(MariaDbExtension.class)
class UserBackendBudgetTest {
    private static final String CAPPED = "budgeted";
    private static final String FREE = "unbudgeted";
    static MariaDb db;

    @BeforeAll
    static void start(MariaDb server) {
        db = server;
        TestJunction.prepare(db);
        db.execute("CREATE USER IF NOT EXISTS 'budgeted'@'%' IDENTIFIED BY 'bpw'", "GRANT ALL ON app.* TO 'budgeted'@'%'",
                "CREATE USER IF NOT EXISTS 'unbudgeted'@'%' IDENTIFIED BY 'upw'", "GRANT ALL ON app.* TO 'unbudgeted'@'%'");
    }

    @Test
    void twentyClientsShareThreeBackendConnectionsWhileAnotherUserIsNotLimited() throws Exception {
        try (TestJunction junction = TestJunction.start(config(1, 3, 10_000))) {
            ExecutorService threads = Executors.newFixedThreadPool(21);
            try {
                CompletableFuture<Void> load = sleepers(junction, 20, threads);
                CompletableFuture<Peak> peak = CompletableFuture.supplyAsync(() -> peakUntil(load, junction), threads);
                Poll.until("the capped user's three connections are open", () -> connectionsOf(CAPPED) == 3 || load.isDone());

                List<Connection> free = new ArrayList<>();
                try {
                    for (int i = 0; i < 6; i++) {
                        Connection c = connect(junction, FREE, "upw");
                        free.add(c);
                        exec(c, "START TRANSACTION");
                        single(c, "SELECT 1");
                    }
                    assertThat(connectionsOf(FREE)).as("the other user holds six at once").isEqualTo(6);
                    for (Connection c : free) {
                        exec(c, "COMMIT");
                    }
                } finally {
                    for (Connection c : free) {
                        c.close();
                    }
                }

                load.get(30, TimeUnit.SECONDS); // fails if any statement failed
                Peak seen = peak.get(30, TimeUnit.SECONDS);
                System.out.println("capped user, 20 clients: peak backend connections in PROCESSLIST " + seen.processList()
                        + ", in its budget " + seen.counted());
                assertThat(seen.processList()).isBetween(1, 3);
                assertThat(seen.counted()).isBetween(1, 3);
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void aStatementThatWaitsForTheUsersCapTimesOutNamingIt() throws Exception {
        try (TestJunction junction = TestJunction.start(config(1, 1, 300));
             Connection holder = connect(junction, CAPPED, "bpw"); Connection waiter = connect(junction, CAPPED, "bpw")) {
            exec(holder, "START TRANSACTION");
            single(holder, "SELECT 1");
            assertThatThrownBy(() -> single(waiter, "SELECT 2")).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(e.getErrorCode()).isEqualTo(9001);
                assertThat(e.getMessage()).contains("max_backend_connections 1 of user budgeted");
            });
            exec(holder, "COMMIT");
            assertThat(single(waiter, "SELECT 3")).as("the idle connection is lent to the other session").isEqualTo("3");
            assertThat(connectionsOf(CAPPED)).isEqualTo(1);
        }
    }

    @Test
    void theCapIsThisNodesShareOfTheConfiguredValue() throws Exception {
        try (TestJunction junction = TestJunction.start(config(1, 3, 10_000))) {
            junction.deployment().share(0, 2);
            assertThat(junction.limits().userBudget(CAPPED).max()).isEqualTo(2);
            junction.deployment().share(1, 2);
            assertThat(junction.limits().userBudget(CAPPED).max()).isEqualTo(1);
            assertThat(concurrentPeak(junction, 6)).as("six clients on a share of one").isEqualTo(1);

            Poll.await(junction.deployment().apply(config(2, 5, 10_000)));
            assertThat(junction.limits().userBudget(CAPPED).max()).as("a new value is split too").isEqualTo(2);
            junction.deployment().share(0, 1);
            assertThat(junction.limits().userBudget(CAPPED).max()).isEqualTo(5);
            assertThat(junction.limits().userBudget(FREE).max()).as("no limit stays no limit").isEqualTo(Integer.MAX_VALUE);
        }
    }

    @Test
    void aLoweredValueClosesIdleConnectionsAboveTheNewCapAndKeepsTheOthers() throws Exception {
        try (TestJunction junction = TestJunction.start(config(1, 5, 10_000))) {
            List<Connection> sessions = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    Connection c = connect(junction, CAPPED, "bpw");
                    sessions.add(c);
                    exec(c, "START TRANSACTION");
                    single(c, "SELECT 1");
                }
                for (Connection c : sessions) {
                    exec(c, "COMMIT");
                }
                Set<String> before = threadIdsOf(CAPPED);
                assertThat(before).hasSize(5);

                Poll.await(junction.deployment().apply(config(2, 2, 10_000)));
                Poll.until("idle connections above the new cap of 2 are closed", () -> connectionsOf(CAPPED) == 2);
                assertThat(before).as("the rest are kept, not retired").containsAll(threadIdsOf(CAPPED));
                for (Connection c : sessions) {
                    assertThat(single(c, "SELECT 5")).isEqualTo("5");
                }
                assertThat(connectionsOf(CAPPED)).isLessThanOrEqualTo(2);
            } finally {
                for (Connection c : sessions) {
                    c.close();
                }
            }
        }
    }

    /** {@code clients} sessions of the capped user, each running {@code SELECT SLEEP(0.05)} three times. */
    private static CompletableFuture<Void> sleepers(TestJunction junction, int clients, ExecutorService threads) {
        List<CompletableFuture<Void>> sessions = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            sessions.add(CompletableFuture.runAsync(() -> {
                try (Connection c = connect(junction, CAPPED, "bpw")) {
                    for (int n = 0; n < 3; n++) {
                        assertThat(single(c, "SELECT SLEEP(0.05)")).isEqualTo("0");
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, threads));
        }
        return CompletableFuture.allOf(sessions.toArray(CompletableFuture[]::new));
    }

    /** The most backend connections of the capped user, as the server and as Junction's budget count them. */
    private record Peak(int processList, int counted) {
    }

    /** Samples the capped user's connections until {@code load} completes (at most 30 s). */
    private static Peak peakUntil(CompletableFuture<Void> load, TestJunction junction) {
        int processList = 0;
        int counted = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!load.isDone() && System.nanoTime() < deadline) {
            processList = Math.max(processList, connectionsOf(CAPPED));
            counted = Math.max(counted, junction.limits().userBudget(CAPPED).open());
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        return new Peak(Math.max(processList, connectionsOf(CAPPED)), counted);
    }

    /** The most backend connections of the capped user seen in the server while {@code clients} sessions sleep. */
    private static int concurrentPeak(TestJunction junction, int clients) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            CompletableFuture<Void> load = sleepers(junction, clients, threads);
            Peak peak = peakUntil(load, junction);
            load.get(30, TimeUnit.SECONDS);
            return peak.processList();
        } finally {
            threads.shutdownNow();
        }
    }

    /** Two event loops, a server cap well above the user's, the capped user and one without a cap. */
    private static JunctionConfig config(long version, int userMax, long poolWaitMs) {
        JunctionConfig base = TestJunction.config(db, 16, 2);
        return new JunctionConfig(version, base.listener(), base.admin(), base.hostgroups(), base.servers(),
                List.of(UserConfig.withPassword(CAPPED, "bpw", "app").withMaxBackendConnections(userMax),
                        UserConfig.withPassword(FREE, "upw", "app")),
                base.limits(), new TimeoutsConfig(5_000, 3_000, poolWaitMs, 60_000, 3_600_000, 0));
    }

    private static Connection connect(TestJunction junction, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + junction.port() + "/app?user=" + user
                + "&password=" + password);
    }

    private static int connectionsOf(String user) {
        return Integer.parseInt(db.queryString("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = '" + user + "'"));
    }

    private static Set<String> threadIdsOf(String user) {
        Set<String> ids = new TreeSet<>();
        String list = db.queryString("SELECT GROUP_CONCAT(ID) FROM information_schema.PROCESSLIST WHERE USER = '" + user + "'");
        if (list != null) {
            ids.addAll(List.of(list.split(",")));
        }
        return ids;
    }
}
