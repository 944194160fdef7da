package io.junction.router.frontend;

import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import io.junction.router.TestJunction;
import io.junction.router.routing.PinCounters;
import io.junction.router.routing.PinReason;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.mysqlclient.MySQLConnection;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static io.junction.router.Sql.exec;
import static io.junction.router.Sql.single;
import static org.assertj.core.api.Assertions.assertThat;

/** Many clients, few backend connections: sharing must be invisible to every one of them. */
@ExtendWith(MariaDbExtension.class)
class MultiplexingTest {
    static final int CLIENTS = 500;
    static final int QUERIES_EACH = 20;
    static final int BACKEND_CAP = 16;
    static TestJunction junction;
    static MariaDb db;

    @BeforeAll
    static void start(MariaDb server) {
        db = server;
        TestJunction.prepare(db);
        db.execute("CREATE TABLE IF NOT EXISTS app.kv (id INT PRIMARY KEY, v VARCHAR(20))",
                "INSERT IGNORE INTO app.kv SELECT seq, CONCAT('v', seq) FROM mysql.seq_1_to_1000");
        junction = TestJunction.start(TestJunction.config(db, BACKEND_CAP));
    }

    @AfterAll
    static void stop() {
        junction.close();
    }

    @Test
    void fiveHundredClientsRunningPointSelectsShareAtMostSixteenBackendConnections() throws Exception {
        Vertx clients = Vertx.vertx();
        AtomicInteger maxBackends = new AtomicInteger();
        long sampler = junction.vertx().setPeriodic(2, id -> maxBackends.accumulateAndGet(
                junction.limits().backendConnections().values().stream().mapToInt(Integer::intValue).sum(), Math::max));
        try (Connection userVariable = junction.connect(); Connection temporary = junction.connect();
             Connection transaction = junction.connect()) {
            exec(userVariable, "SET @mine = 42");
            exec(temporary, "CREATE TEMPORARY TABLE scratch (n INT)");
            exec(temporary, "INSERT INTO scratch VALUES (7)");
            transaction.setAutoCommit(false);
            exec(transaction, "INSERT INTO kv VALUES (5001, 'uncommitted')");

            MySQLConnectOptions options = new MySQLConnectOptions().setHost("127.0.0.1").setPort(junction.port())
                    .setUser(TestJunction.USER).setPassword(TestJunction.PASSWORD).setDatabase(TestJunction.SCHEMA);
            List<MySQLConnection> connections = await(Future.all(IntStream.range(0, CLIENTS)
                    .mapToObj(i -> MySQLConnection.connect(clients, options)).toList())).list();
            AtomicInteger wrong = new AtomicInteger();
            List<Future<Void>> runs = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                runs.add(pointSelects(connections.get(i), i, wrong));
            }
            await(Future.all(runs));

            assertThat(wrong).hasValue(0);
            assertThat(single(userVariable, "SELECT @mine")).isEqualTo("42");
            assertThat(single(temporary, "SELECT n FROM scratch")).isEqualTo("7");
            assertThat(single(transaction, "SELECT v FROM kv WHERE id = 5001")).isEqualTo("uncommitted");
            assertThat(db.queryString("SELECT COUNT(*) FROM app.kv WHERE id = 5001")).as("not visible outside the transaction").isEqualTo("0");
            transaction.rollback();
        } finally {
            junction.vertx().cancelTimer(sampler);
            clients.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        org.slf4j.LoggerFactory.getLogger(MultiplexingTest.class).info("measured: {} clients x {} point selects, peak {} backend connections",
                CLIENTS, QUERIES_EACH, maxBackends.get());
        assertThat(maxBackends.get()).isBetween(1, BACKEND_CAP);
        PinCounters pins = junction.limits().pins();
        for (PinReason.Kind kind : PinReason.Kind.values()) {
            long expected = switch (kind) {
                case USER_VARIABLE, TEMPORARY_TABLE, TRANSACTION -> 1;
                default -> 0;
            };
            assertThat(pins.count(kind)).as("pins for %s", kind).isEqualTo(expected);
        }
        assertThat(Integer.parseInt(db.queryString(
                "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = 'app'"))).isLessThanOrEqualTo(BACKEND_CAP);
    }

    /**
     * Two event loops sharing a cap of two, with one loop made to open both connections first: every statement
     * still gets a connection within pool_wait_ms: the loop holding both idle connections gives one up when the
     * other starts waiting. (Until Junction resolved port 0 to one concrete port, every test client landed on one
     * loop and this test could not fail; with clients on both loops it failed on the lost wake-up fixed in
     * BackendPool.waitForRoom.)
     */
    @Test
    void eventLoopsShareTheServersCapFairly() throws Exception {
        io.junction.config.JunctionConfig base = TestJunction.config(db, 2, 2);
        io.junction.config.JunctionConfig fair = new io.junction.config.JunctionConfig(1, base.listener(), base.admin(),
                base.hostgroups(), base.servers(), base.users(), base.limits(),
                new io.junction.config.TimeoutsConfig(5_000, 2_000, 300, 60_000, 3_600_000, 0));
        Vertx clients = Vertx.vertx();
        try (TestJunction junction = TestJunction.start(fair)) {
            MySQLConnectOptions options = new MySQLConnectOptions().setHost("127.0.0.1").setPort(junction.port())
                    .setUser(TestJunction.USER).setPassword(TestJunction.PASSWORD).setDatabase(TestJunction.SCHEMA);
            List<MySQLConnection> connections = new ArrayList<>();
            for (int i = 0; i < 20; i++) { // one at a time: Vert.x hands accepted sockets to the two loops in turn
                connections.add(await(MySQLConnection.connect(clients, options)));
            }
            // clients 0 and 2 share a loop: two transactions make that loop open both connections the cap allows
            await(connections.get(0).query("START TRANSACTION").execute());
            await(connections.get(2).query("START TRANSACTION").execute());
            await(connections.get(0).query("COMMIT").execute());
            await(connections.get(2).query("COMMIT").execute());
            AtomicInteger failed = new AtomicInteger();
            List<Future<Void>> runs = new ArrayList<>();
            for (MySQLConnection connection : connections) {
                Future<Void> chain = Future.succeededFuture();
                for (int q = 0; q < 20; q++) {
                    chain = chain.compose(v -> connection.query("SELECT SLEEP(0.005)").execute()
                            .otherwise(e -> {
                                failed.incrementAndGet();
                                return null;
                            }).mapEmpty());
                }
                runs.add(chain.compose(v -> connection.close()));
            }
            await(Future.all(runs));
            assertThat(failed).as("statements that waited past pool_wait_ms").hasValue(0);
        } finally {
            clients.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private static Future<Void> pointSelects(MySQLConnection connection, int client, AtomicInteger wrong) {
        Future<Void> chain = Future.succeededFuture();
        for (int q = 0; q < QUERIES_EACH; q++) {
            int id = 1 + (client * QUERIES_EACH + q) % 1000;
            chain = chain.compose(v -> connection.query("SELECT v FROM kv WHERE id = " + id).execute().map(rows -> {
                Row row = rows.iterator().next();
                if (!row.getString(0).equals("v" + id)) {
                    wrong.incrementAndGet();
                }
                return null;
            }));
        }
        return chain.compose(v -> connection.close());
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    }
}
