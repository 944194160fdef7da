package io.junction.router.frontend;

import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import io.junction.router.TestJunction;
import io.junction.router.routing.PinReason;
import io.junction.router.stats.PreparedCounters;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.mysqlclient.MySQLConnection;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static io.junction.router.Sql.single;
import static io.junction.router.frontend.MultiplexingTest.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Server-side prepared statements that do not pin: any backend connection runs them, preparing first if needed. */
@ExtendWith(MariaDbExtension.class)
class PreparedStatementsTest {
    static final int CLIENTS = 200;
    static final int STATEMENTS = 50;
    static final int CAP = 16;
    static MariaDb db;

    @BeforeAll
    static void start(MariaDb server) {
        db = server;
        TestJunction.prepare(db);
        db.execute("CREATE TABLE IF NOT EXISTS app.kv (id INT PRIMARY KEY, v VARCHAR(20))",
                "INSERT IGNORE INTO app.kv SELECT seq, CONCAT('v', seq) FROM mysql.seq_1_to_1000",
                "CREATE TABLE IF NOT EXISTS app.docs (id INT PRIMARY KEY, body LONGBLOB)");
    }

    @Test
    void twoHundredClientsRunningFiftyPreparedStatementsShareSixteenBackendConnections() throws Exception {
        Vertx clients = Vertx.vertx();
        try (TestJunction junction = TestJunction.start(TestJunction.config(db, CAP))) {
            MySQLConnectOptions options = new MySQLConnectOptions().setHost("127.0.0.1").setPort(junction.port())
                    .setUser(TestJunction.USER).setPassword(TestJunction.PASSWORD).setDatabase(TestJunction.SCHEMA)
                    .setCachePreparedStatements(true);
            List<MySQLConnection> connections = await(Future.all(IntStream.range(0, CLIENTS)
                    .mapToObj(i -> MySQLConnection.connect(clients, options)).toList())).list();
            AtomicInteger wrong = new AtomicInteger();
            long started = System.nanoTime();
            List<Future<Void>> runs = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                runs.add(run(connections.get(c), c, wrong));
            }
            await(Future.all(runs));

            assertThat(wrong).hasValue(0);
            org.slf4j.LoggerFactory.getLogger(PreparedStatementsTest.class).info(
                    "measured: vertx-mysql-client {} clients x {} statements x 3 in {} ms on {} backend connections; counters prepared {} reprepared {} evicted {}",
                    CLIENTS, STATEMENTS, (System.nanoTime() - started) / 1_000_000, junction.limits().backendConnections().values(),
                    junction.limits().prepared().preparedCount(), junction.limits().prepared().repreparedCount(),
                    junction.limits().prepared().evictedCount());
            assertThat(junction.limits().backendConnections().values().stream().mapToInt(Integer::intValue).sum())
                    .isBetween(1, CAP);
            assertThat(junction.limits().pins().count(PinReason.Kind.CURSOR) + junction.limits().pins().count(PinReason.Kind.LONG_DATA))
                    .as("prepared statements do not pin").isZero();
            PreparedCounters counters = junction.limits().prepared();
            assertThat(counters.preparedCount()).isGreaterThanOrEqualTo(STATEMENTS);
            long serverStatements = Long.parseLong(db.queryString(
                    "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'PREPARED_STMT_COUNT'"));
            assertThat(serverStatements).as("statements prepared on the server").isLessThanOrEqualTo((long) CAP * STATEMENTS);
        } finally {
            clients.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    /** Each client runs every statement three times, in an order of its own; each answer is checked. */
    private static Future<Void> run(MySQLConnection connection, int client, AtomicInteger wrong) {
        Future<Void> chain = Future.succeededFuture();
        for (int round = 0; round < 3; round++) {
            for (int s = 0; s < STATEMENTS; s++) {
                int statement = (s + client) % STATEMENTS;
                int id = 1 + (client * 7 + statement * 13 + round) % 1000;
                chain = chain.compose(v -> connection.preparedQuery("SELECT v, ? AS tag FROM kv WHERE id = ? /* s" + statement + " */")
                        .execute(Tuple.of("t" + statement, id)).map(rows -> {
                            Row row = rows.iterator().next();
                            if (!row.getString(0).equals("v" + id) || !row.getString(1).equals("t" + statement)) {
                                wrong.incrementAndGet();
                            }
                            return null;
                        }));
            }
        }
        return chain.compose(v -> connection.close());
    }

    @Test
    void mysql2ExecuteFromNodeWithTwoHundredConnectionsOnSixteenBackendConnections() throws Exception {
        java.nio.file.Path scripts = java.nio.file.Path.of("src/test/node").toAbsolutePath();
        assertThat(scripts.resolve("node_modules/mysql2")).as("mysql2 installed (bin/ensure-node-deps)").exists();
        try (TestJunction junction = TestJunction.start(TestJunction.config(db, CAP))) {
            java.nio.file.Path output = java.nio.file.Files.createTempFile("mysql2", ".out");
            Process node = new ProcessBuilder("node", "prepared.js", String.valueOf(junction.port()), String.valueOf(CLIENTS),
                    String.valueOf(STATEMENTS), "3").directory(scripts.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            assertThat(node.waitFor(120, TimeUnit.SECONDS)).as("node finished").isTrue();
            String printed = java.nio.file.Files.readString(output).strip();
            assertThat(node.exitValue()).as(printed).isZero();
            assertThat(printed).isEqualTo("{\"wrong\":0,\"executes\":" + CLIENTS * STATEMENTS * 3 + "}");
            assertThat(junction.limits().backendConnections().values().stream().mapToInt(Integer::intValue).sum())
                    .isBetween(1, CAP);
        }
    }

    @Test
    void connectorJWithServerSideAndCachedStatementsFromTwoHundredThreads() throws Exception {
        try (TestJunction junction = TestJunction.start(TestJunction.config(db, CAP))) {
            String url = junction.mysqlUrl("useServerPrepStmts=true&cachePrepStmts=true&prepStmtCacheSize=100");
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(CLIENTS);
            AtomicInteger wrong = new AtomicInteger();
            try {
                List<java.util.concurrent.Future<?>> runs = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    runs.add(threads.submit(() -> {
                        try (Connection connection = DriverManager.getConnection(url)) {
                            for (int s = 0; s < STATEMENTS; s++) {
                                int statement = (s + client) % STATEMENTS;
                                int id = 1 + (client * 7 + statement * 13) % 1000;
                                try (PreparedStatement p = connection.prepareStatement(
                                        "SELECT v, ? AS tag FROM kv WHERE id = ? /* s" + statement + " */")) {
                                    p.setString(1, "t" + statement);
                                    p.setInt(2, id);
                                    try (ResultSet rs = p.executeQuery()) {
                                        if (!rs.next() || !rs.getString(1).equals("v" + id) || !rs.getString(2).equals("t" + statement)) {
                                            wrong.incrementAndGet();
                                        }
                                    }
                                }
                            }
                        }
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> run : runs) {
                    run.get(120, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(wrong).hasValue(0);
            assertThat(junction.limits().backendConnections().values().stream().mapToInt(Integer::intValue).sum())
                    .isBetween(1, CAP);
        }
    }

    @Test
    void aStatementRunsOnAfterItsBackendConnectionWasKilled() throws Exception {
        try (TestJunction junction = TestJunction.start(TestJunction.config(db, 4, 1));
             Connection c = DriverManager.getConnection(junction.mariadbUrl("useServerPrepStmts=true"));
             PreparedStatement select = c.prepareStatement("SELECT v FROM kv WHERE id = ?")) {
            select.setInt(1, 7);
            assertThat(value(select)).isEqualTo("v7");
            String backend = single(c, "SELECT CONNECTION_ID()");
            db.execute("KILL " + backend);
            io.junction.router.backend.BackendPoolTest.awaitCondition(() -> junction.limits().backendConnections().values().iterator().next() == 0);

            long reprepared = junction.limits().prepared().repreparedCount();
            select.setInt(1, 8);
            assertThat(value(select)).isEqualTo("v8");
            assertThat(junction.limits().prepared().repreparedCount()).isEqualTo(reprepared + 1);
        }
    }

    @Test
    void aConnectionKeepsAtMostItsCapOfStatementsAndEvictsTheLeastRecentlyUsed() throws Exception {
        // 2,000 connections allowed to the server: each connection's share of max_prepared_stmt_count is 8
        try (TestJunction junction = TestJunction.start(TestJunction.config(db, 2_000, 1));
             Connection c = DriverManager.getConnection(junction.mariadbUrl("useServerPrepStmts=true&cachePrepStmts=false"))) {
            long before = serverPreparedCount();
            for (int i = 0; i < 20; i++) {
                try (PreparedStatement p = c.prepareStatement("SELECT v, " + i + " FROM kv WHERE id = ?")) {
                    p.setInt(1, i + 1);
                    assertThat(value(p)).isEqualTo("v" + (i + 1));
                }
            }
            assertThat(junction.limits().prepared().evictedCount()).isEqualTo(12);
            assertThat(serverPreparedCount() - before).as("statements left on the one backend connection").isEqualTo(8);
        }
    }

    @Test
    void longDataReachesTheConnectionThatRunsTheExecute() throws Exception {
        byte[] body = new byte[300_000];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 31);
        }
        try (TestJunction junction = TestJunction.start(TestJunction.config(db, 4));
             Connection c = DriverManager.getConnection(junction.mysqlUrl("useServerPrepStmts=true&blobSendChunkSize=65536"));
             PreparedStatement insert = c.prepareStatement("INSERT INTO docs VALUES (?, ?)")) {
            insert.setInt(1, 1);
            insert.setBlob(2, new ByteArrayInputStream(body));
            assertThat(insert.executeUpdate()).isEqualTo(1);
            assertThat(junction.limits().pins().count(PinReason.Kind.LONG_DATA)).as("long data was sent").isPositive();
            assertThat(db.queryString("SELECT SHA2(body, 256) FROM app.docs WHERE id = 1"))
                    .isEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body)));
        }
    }

    @Test
    void aCursorIsReadToTheEndThroughFetches() throws Exception {
        try (TestJunction junction = TestJunction.start(TestJunction.config(db, 4));
             Connection c = DriverManager.getConnection(junction.mysqlUrl("useServerPrepStmts=true&useCursorFetch=true&defaultFetchSize=7"));
             PreparedStatement select = c.prepareStatement("SELECT id FROM kv WHERE id <= ? ORDER BY id")) {
            select.setInt(1, 100);
            int rows = 0;
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    assertThat(rs.getInt(1)).isEqualTo(rows);
                }
            }
            assertThat(rows).isEqualTo(100);
            assertThat(junction.limits().pins().count(PinReason.Kind.CURSOR)).as("the cursor pinned while open").isPositive();
            assertThat(single(c, "SELECT COUNT(*) FROM kv")).isEqualTo("1000");
        }
    }

    private static String value(PreparedStatement p) throws Exception {
        try (ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long serverPreparedCount() {
        return Long.parseLong(db.queryString(
                "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'PREPARED_STMT_COUNT'"));
    }
}
