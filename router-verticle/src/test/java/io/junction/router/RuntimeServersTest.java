package io.junction.router;

import io.junction.config.JunctionConfig;
import io.junction.config.ServerConfig;
import io.junction.config.ServerStatus;
import io.junction.config.TimeoutsConfig;
import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.junction.router.Sql.exec;
import static io.junction.router.Sql.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Servers changed in a running node with {@link RouterDeployment#apply}: added, removed, taken offline, capped
 * lower. Two MariaDB servers, told apart by {@code @@port}; what Junction holds open is checked on each server's
 * own process list.
 */
@ExtendWith(MariaDbExtension.class)
class RuntimeServersTest {
    static MariaDb a;
    static MariaDb b;

    @BeforeAll
    static void start(MariaDb first) {
        a = first;
        b = MariaDb.start();
        TestJunction.prepare(a);
        TestJunction.prepare(b);
    }

    @AfterAll
    static void stop() {
        b.close();
    }

    @Test
    void aServerAddedAtRuntimeTakesNewStatements() throws Exception {
        try (TestJunction junction = TestJunction.start(config(1, 2, server(a, 16)));
             Connection c = junction.connect()) {
            assertThat(ports(c, 10)).containsExactly(a.port());
            Poll.await(junction.deployment().apply(config(2, 2, server(a, 16), server(b, 16))));
            assertThat(ports(c, 60)).as("both servers take statements").containsExactlyInAnyOrder(a.port(), b.port());
        }
    }

    @Test
    void aRemovedServerLendsNothingMoreClosesItsIdleConnectionsAndLetsItsTransactionFinish() throws Exception {
        drains(config(2, 2, server(a, 16)));
    }

    @Test
    void anOfflineSoftServerDrainsTheSameWay() throws Exception {
        drains(config(2, 2, server(a, 16), server(b, 16, ServerStatus.OFFLINE_SOFT)));
    }

    /** Idle connections to b close at once; a transaction on b finishes there, then its connection closes too. */
    private void drains(JunctionConfig withoutB) throws Exception {
        boolean removed = withoutB.servers().size() == 1;
        try (TestJunction junction = TestJunction.start(config(1, 2, server(a, 16), server(b, 16)));
             Connection other = junction.connect(); Connection inTransaction = junction.connect()) {
            Poll.until("b has an idle connection", () -> ports(other, 5).contains(b.port()));
            transactionOn(inTransaction, b);

            Poll.await(junction.deployment().apply(withoutB));
            Poll.until("only the transaction's connection is left on b", () -> appConnections(b) == 1);
            assertThat(ports(other, 30)).containsExactly(a.port());
            assertThat(single(inTransaction, "SELECT @@port")).as("the transaction goes on on b").isEqualTo(String.valueOf(b.port()));
            exec(inTransaction, "COMMIT");
            Poll.until("the connection given back is closed", () -> appConnections(b) == 0);
            if (removed) {
                assertThat(junction.limits().backendConnections()).as("the removed server's budget is dropped")
                        .doesNotContainKey(address(b));
            } else {
                assertThat(junction.limits().backendConnections()).containsEntry(address(b), 0);
            }
            assertThat(ports(inTransaction, 10)).containsExactly(a.port());
        }
    }

    @Test
    void offlineHardClosesThePinnedSessionsConnectionAndOthersGoOn() throws Exception {
        try (TestJunction junction = TestJunction.start(config(1, 2, server(a, 16), server(b, 16)));
             Connection other = junction.connect(); Connection pinned = junction.connect()) {
            transactionOn(pinned, b);
            Poll.await(junction.deployment().apply(config(2, 2, server(a, 16), server(b, 16, ServerStatus.OFFLINE_HARD))));
            Poll.until("every connection to b is closed, the lent one too", () -> appConnections(b) == 0);
            assertThatThrownBy(() -> single(pinned, "SELECT @@port")).as("the pinned session learns its connection is gone")
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(2013))
                    .hasMessageContaining("OFFLINE_HARD");
            assertThat(ports(other, 30)).containsExactly(a.port());
        }
    }

    @Test
    void loweringMaxConnectionsCapsTheServerUnderLoad() throws Exception {
        int clients = 8;
        ExecutorService load = Executors.newFixedThreadPool(clients);
        AtomicBoolean running = new AtomicBoolean(true);
        try (TestJunction junction = TestJunction.start(config(1, 1, server(a, clients)))) {
            List<Future<Integer>> workers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                workers.add(load.submit(() -> {
                    int statements = 0;
                    try (Connection c = junction.connect()) {
                        while (running.get()) {
                            single(c, "SELECT SLEEP(0.01)");
                            statements++;
                        }
                    }
                    return statements;
                }));
            }
            Poll.until("the load opens more than 3 connections", () -> appConnections(a) > 3);

            Poll.await(junction.deployment().apply(config(2, 1, server(a, 3))));
            Poll.until("connections above the new cap are closed", () -> appConnections(a) <= 3);
            for (int sample = 0; sample < 50; sample++) {
                assertThat(appConnections(a)).as("connections on the server").isLessThanOrEqualTo(3);
                assertThat(junction.limits().backendConnections().get(address(a))).isLessThanOrEqualTo(3);
            }
            running.set(false);
            for (Future<Integer> worker : workers) {
                assertThat(worker.get(30, TimeUnit.SECONDS)).as("every client kept working").isPositive();
            }
        } finally {
            running.set(false);
            load.shutdownNow();
        }
    }

    /** Leaves {@code c} in a transaction on {@code server} (where the pool put it: retried until it is there). */
    static void transactionOn(Connection c, MariaDb server) throws SQLException {
        for (int attempt = 0; attempt < 100; attempt++) {
            exec(c, "START TRANSACTION");
            if (single(c, "SELECT @@port").equals(String.valueOf(server.port()))) {
                return;
            }
            exec(c, "COMMIT");
        }
        throw new AssertionError("no transaction landed on " + address(server));
    }

    /** The servers (by port) that answered {@code n} statements. */
    static Set<Integer> ports(Connection c, int n) {
        Set<Integer> seen = new HashSet<>();
        try {
            for (int i = 0; i < n; i++) {
                seen.add(Integer.parseInt(single(c, "SELECT @@port")));
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return seen;
    }

    /** Connections of the application user on {@code server}, by its own process list. */
    static int appConnections(MariaDb server) {
        return Integer.parseInt(server.queryString("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = 'app'"));
    }

    static String address(MariaDb server) {
        return server.host() + ":" + server.port();
    }

    static ServerConfig server(MariaDb db, int maxConnections) {
        return server(db, maxConnections, ServerStatus.ONLINE);
    }

    static ServerConfig server(MariaDb db, int maxConnections, ServerStatus status) {
        return new ServerConfig(db.host(), db.port(), 0, 1, maxConnections, status);
    }

    static JunctionConfig config(long version, int eventLoops, ServerConfig... servers) {
        JunctionConfig base = TestJunction.config(a, 16, eventLoops);
        return new JunctionConfig(version, base.listener(), base.admin(), base.hostgroups(), List.of(servers), base.users(),
                base.limits(), new TimeoutsConfig(5_000, 3_000, 10_000, 60_000, 3_600_000, 0));
    }
}
