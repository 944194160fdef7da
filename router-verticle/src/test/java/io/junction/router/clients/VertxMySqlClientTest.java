package io.junction.router.clients;

import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import io.junction.router.TestJunction;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLClient;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.mysqlclient.MySQLException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Vert.x reactive MySQL client (a pool with cached prepared statements) through Junction against a real
 * MariaDB. The test thread blocks on each future with a bound; what the server stored is read back as root.
 *
 * <p>Run with {@code -Dclients.direct=true} to point the same tests straight at MariaDB, which tells a wrong test
 * from a Junction bug.
 */
@ExtendWith(MariaDbExtension.class)
class VertxMySqlClientTest {
    private static MariaDb db;
    private static TestJunction junction;
    private static Vertx vertx;
    private static Pool pool;

    @BeforeAll
    static void start(MariaDb server) {
        db = server;
        TestJunction.prepare(db);
        junction = TestJunction.start(db);
        vertx = Vertx.vertx();
        int port = Boolean.getBoolean("clients.direct") ? db.port() : junction.port();
        pool = MySQLBuilder.pool()
                .with(new PoolOptions().setMaxSize(4))
                .connectingTo(new MySQLConnectOptions().setHost("127.0.0.1").setPort(port).setUser(TestJunction.USER)
                        .setPassword(TestJunction.PASSWORD).setDatabase(TestJunction.SCHEMA).setCachePreparedStatements(true))
                .using(vertx)
                .build();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            await(pool.close());
            await(vertx.close());
        } finally {
            junction.close();
        }
    }

    /** Blocks the test thread (never an event loop) until {@code future} completes, for at most 20 s. */
    private static <T> T await(Future<T> future) throws Exception {
        return future.await(20, TimeUnit.SECONDS);
    }

    /** The first column of the first row of a query run as root on the server itself. */
    private static String root(String sql) {
        return db.queryString(sql);
    }

    @Test
    void simpleQueries() throws Exception {
        RowSet<Row> rows = await(pool.query("SELECT 1 + 1 AS two, DATABASE() AS db, CURRENT_USER() AS who").execute());
        assertThat(rows.size()).isEqualTo(1);
        Row row = rows.iterator().next();
        assertThat(row.getInteger("two")).isEqualTo(2);
        assertThat(row.getString("db")).isEqualTo("app");
        assertThat(row.getString("who")).isEqualTo("app@%");

        await(pool.query("CREATE TABLE simple (id INT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(10))").execute());
        RowSet<Row> insert = await(pool.query("INSERT INTO simple (v) VALUES ('a'), ('b'), ('c')").execute());
        assertThat(insert.rowCount()).isEqualTo(3);
        assertThat(insert.property(MySQLClient.LAST_INSERTED_ID)).isEqualTo(1L);
        RowSet<Row> update = await(pool.query("UPDATE simple SET v = 'z' WHERE v <> 'b'").execute());
        assertThat(update.rowCount()).isEqualTo(2);

        List<String> values = new ArrayList<>();
        for (Row r : await(pool.query("SELECT id, v FROM simple ORDER BY id").execute())) {
            values.add(r.getInteger("id") + r.getString("v"));
        }
        assertThat(values).containsExactly("1z", "2b", "3z");

        assertThatThrownBy(() -> await(pool.query("SELECT * FROM no_such_table").execute()))
                .isInstanceOfSatisfying(MySQLException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(1146);
                    assertThat(e.getSqlState()).isEqualTo("42S02");
                });
        assertThat(root("SELECT GROUP_CONCAT(id, v ORDER BY id) FROM app.simple")).isEqualTo("1z,2b,3z");
    }

    @Test
    void preparedQueries() throws Exception {
        await(pool.query("CREATE TABLE prepared (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20), qty INT, price DOUBLE)").execute());
        String insert = "INSERT INTO prepared (name, qty, price) VALUES (?, ?, ?)";
        for (int i = 1; i <= 3; i++) { // the cached statement, run again
            RowSet<Row> result = await(pool.preparedQuery(insert).execute(Tuple.of("item " + i, i * 10, i * 1.25)));
            assertThat(result.rowCount()).isEqualTo(1);
            assertThat(result.property(MySQLClient.LAST_INSERTED_ID)).isEqualTo((long) i);
        }
        RowSet<Row> rows = await(pool.preparedQuery("SELECT id, name, qty, price FROM prepared WHERE qty >= ? ORDER BY id").execute(Tuple.of(20)));
        List<String> read = new ArrayList<>();
        for (Row row : rows) {
            read.add(row.getInteger("id") + ":" + row.getString("name") + ":" + row.getInteger("qty") + ":" + row.getDouble("price"));
        }
        assertThat(read).containsExactly("2:item 2:20:2.5", "3:item 3:30:3.75");

        RowSet<Row> nulls = await(pool.preparedQuery("SELECT ? IS NULL, ?").execute(Tuple.of(null, "x")));
        Row row = nulls.iterator().next();
        assertThat(row.getInteger(0)).isEqualTo(1);
        assertThat(row.getString(1)).isEqualTo("x");
        assertThat(root("SELECT GROUP_CONCAT(name, '=', qty ORDER BY id) FROM app.prepared")).isEqualTo("item 1=10,item 2=20,item 3=30");
    }

    @Test
    void executeBatch() throws Exception {
        await(pool.query("CREATE TABLE batched (id INT AUTO_INCREMENT PRIMARY KEY, n INT NOT NULL, v VARCHAR(20))").execute());
        List<Tuple> batch = new ArrayList<>();
        for (int n = 1; n <= 100; n++) {
            batch.add(Tuple.of(n, "row " + n));
        }
        RowSet<Row> result = await(pool.preparedQuery("INSERT INTO batched (n, v) VALUES (?, ?)").executeBatch(batch));
        int results = 0;
        for (RowSet<Row> each = result; each != null; each = each.next()) {
            assertThat(each.rowCount()).isEqualTo(1);
            results++;
        }
        assertThat(results).isEqualTo(100);
        assertThat(root("SELECT CONCAT(COUNT(*), ':', SUM(n), ':', COUNT(DISTINCT v)) FROM app.batched")).isEqualTo("100:5050:100");
        assertThat(root("SELECT v FROM app.batched WHERE n = 42")).isEqualTo("row 42");
    }

    @Test
    void transactionThatCommitsAndOneThatRollsBack() throws Exception {
        await(pool.query("CREATE TABLE ledger (id INT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(20)) ENGINE=InnoDB").execute());

        Integer committed = await(pool.withTransaction(conn -> conn.preparedQuery("INSERT INTO ledger (v) VALUES (?)").execute(Tuple.of("first"))
                .compose(r -> conn.preparedQuery("INSERT INTO ledger (v) VALUES (?)").execute(Tuple.of("second")))
                .compose(r -> conn.query("SELECT COUNT(*) FROM ledger").execute())
                .map(rows -> rows.iterator().next().getInteger(0))));
        assertThat(committed).as("the transaction sees its own rows").isEqualTo(2);
        assertThat(root("SELECT GROUP_CONCAT(v ORDER BY id) FROM app.ledger")).isEqualTo("first,second");

        Future<Integer> rolledBack = pool.withTransaction(conn -> conn.preparedQuery("INSERT INTO ledger (v) VALUES (?)").execute(Tuple.of("never"))
                .compose(r -> conn.query("DELETE FROM ledger WHERE v = 'first'").execute())
                .compose(r -> Future.failedFuture(new IllegalStateException("roll back"))));
        assertThatThrownBy(() -> await(rolledBack)).hasMessageContaining("roll back");
        assertThat(root("SELECT GROUP_CONCAT(v ORDER BY id) FROM app.ledger")).isEqualTo("first,second");
        RowSet<Row> after = await(pool.query("SELECT GROUP_CONCAT(v ORDER BY id) FROM ledger").execute());
        assertThat(after.iterator().next().getString(0)).isEqualTo("first,second");
    }

    @Test
    void openTransactionIsInvisibleUntilCommitted() throws Exception {
        await(pool.query("CREATE TABLE pending (id INT PRIMARY KEY) ENGINE=InnoDB").execute());
        SqlConnection conn = await(pool.getConnection());
        try {
            Transaction tx = await(conn.begin());
            await(conn.preparedQuery("INSERT INTO pending VALUES (?)").execute(Tuple.of(1)));
            assertThat(root("SELECT COUNT(*) FROM app.pending")).as("not visible before commit").isEqualTo("0");
            RowSet<Row> others = await(pool.query("SELECT COUNT(*) FROM pending").execute());
            assertThat(others.iterator().next().getInteger(0)).as("another pooled connection does not see it").isZero();
            await(tx.rollback());
            tx = await(conn.begin());
            await(conn.preparedQuery("INSERT INTO pending VALUES (?)").execute(Tuple.of(2)));
            await(tx.commit());
        } finally {
            await(conn.close());
        }
        assertThat(root("SELECT GROUP_CONCAT(id) FROM app.pending")).isEqualTo("2");
    }

    @Test
    void utf8mb4Text() throws Exception {
        List<String> values = List.of("emoji 😀🎉👍🏽", "日本語のテキスト", "中文 한국어", "Ünïcödé ß ñ €");
        await(pool.query("CREATE TABLE texts (id INT PRIMARY KEY, v VARCHAR(100)) CHARACTER SET utf8mb4").execute());
        for (int i = 0; i < values.size(); i++) {
            await(pool.preparedQuery("INSERT INTO texts VALUES (?, ?)").execute(Tuple.of(i, values.get(i))));
        }
        await(pool.query("INSERT INTO texts VALUES (100, '" + values.get(0) + "')").execute());
        List<String> read = new ArrayList<>();
        for (Row row : await(pool.query("SELECT v FROM texts ORDER BY id").execute())) {
            read.add(row.getString(0));
        }
        List<String> expected = new ArrayList<>(values);
        expected.add(values.get(0));
        assertThat(read).containsExactlyElementsOf(expected);
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            assertThat(root("SELECT CONCAT(CHAR_LENGTH(v), ':', HEX(v)) FROM app.texts WHERE id = " + i))
                    .isEqualTo(v.codePointCount(0, v.length()) + ":" + HexFormat.of().withUpperCase().formatHex(v.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void datetimeWithMicroseconds() throws Exception {
        LocalDateTime written = LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000);
        await(pool.query("CREATE TABLE times (id INT PRIMARY KEY, dt DATETIME(6))").execute());
        await(pool.preparedQuery("INSERT INTO times VALUES (?, ?)").execute(Tuple.of(1, written)));
        await(pool.query("INSERT INTO times VALUES (2, '1970-01-01 00:00:00.000001')").execute());

        RowSet<Row> prepared = await(pool.preparedQuery("SELECT dt FROM times WHERE id = ?").execute(Tuple.of(1)));
        assertThat(prepared.iterator().next().getLocalDateTime("dt")).isEqualTo(written);
        RowSet<Row> text = await(pool.query("SELECT dt FROM times ORDER BY id").execute());
        List<LocalDateTime> read = new ArrayList<>();
        text.forEach(row -> read.add(row.getLocalDateTime("dt")));
        assertThat(read).containsExactly(written, LocalDateTime.of(1970, 1, 1, 0, 0, 0, 1_000));
        RowSet<Row> byValue = await(pool.preparedQuery("SELECT id FROM times WHERE dt = ?").execute(Tuple.of(written)));
        assertThat(byValue.size()).as("found by its exact microsecond value").isEqualTo(1);
        assertThat(root("SELECT dt FROM app.times WHERE id = 1")).isEqualTo("2024-02-29 23:59:58.123456");
    }

    @Test
    void decimalWithThirtyDigits() throws Exception {
        List<BigDecimal> values = List.of(new BigDecimal("12345678901234567890.0123456789"), new BigDecimal("-0.0000000001"),
                new BigDecimal("99999999999999999999.9999999999"));
        await(pool.query("CREATE TABLE decimals (id INT PRIMARY KEY, d DECIMAL(30,10))").execute());
        for (int i = 0; i < values.size(); i++) {
            await(pool.preparedQuery("INSERT INTO decimals VALUES (?, ?)").execute(Tuple.of(i, values.get(i))));
        }
        List<BigDecimal> prepared = new ArrayList<>();
        await(pool.preparedQuery("SELECT d FROM decimals WHERE id >= ? ORDER BY id").execute(Tuple.of(0)))
                .forEach(row -> prepared.add(row.getBigDecimal("d")));
        assertThat(prepared).containsExactlyElementsOf(values);
        List<BigDecimal> text = new ArrayList<>();
        await(pool.query("SELECT d FROM decimals ORDER BY id").execute()).forEach(row -> text.add(row.getBigDecimal("d")));
        assertThat(text).containsExactlyElementsOf(values);
        assertThat(root("SELECT d FROM app.decimals WHERE id = 0")).isEqualTo("12345678901234567890.0123456789");
    }

    @Test
    void jsonColumn() throws Exception {
        String doc = "{\"name\": \"Ünïcode 😀\", \"list\": [1, 2.5, true, null], \"nested\": {\"k\": \"v\"}}";
        await(pool.query("CREATE TABLE docs (id INT PRIMARY KEY, doc JSON) CHARACTER SET utf8mb4").execute());
        await(pool.preparedQuery("INSERT INTO docs VALUES (?, ?)").execute(Tuple.of(1, doc)));
        Row row = await(pool.preparedQuery("SELECT doc, JSON_VALUE(doc, '$.name'), JSON_LENGTH(doc, '$.list') FROM docs WHERE id = ?")
                .execute(Tuple.of(1))).iterator().next();
        assertThat(row.getString(0)).isEqualTo(doc);
        assertThat(row.getString(1)).isEqualTo("Ünïcode 😀");
        assertThat(row.getInteger(2)).isEqualTo(4);
        assertThatThrownBy(() -> await(pool.preparedQuery("INSERT INTO docs VALUES (?, ?)").execute(Tuple.of(2, "{not json"))))
                .isInstanceOfSatisfying(MySQLException.class, e -> assertThat(e.getErrorCode()).as(e.getMessage()).isEqualTo(4025));
        assertThat(root("SELECT CONCAT(COUNT(*), ':', JSON_VALUE(doc, '$.nested.k')) FROM app.docs")).isEqualTo("1:v");
    }

    @Test
    void twentyMegabyteBlob() throws Exception {
        byte[] data = new byte[20 * 1024 * 1024];
        new Random(7).nextBytes(data);
        await(pool.query("CREATE TABLE blobs (id INT PRIMARY KEY, data LONGBLOB)").execute());
        RowSet<Row> insert = await(pool.preparedQuery("INSERT INTO blobs VALUES (?, ?)").execute(Tuple.of(1, Buffer.buffer(data))));
        assertThat(insert.rowCount()).isEqualTo(1);

        Row row = await(pool.preparedQuery("SELECT data, LENGTH(data) FROM blobs WHERE id = ?").execute(Tuple.of(1))).iterator().next();
        byte[] read = row.getBuffer(0).getBytes();
        assertThat(read.length).isEqualTo(data.length);
        assertThat(Arrays.mismatch(read, data)).as("index of the first byte that differs").isEqualTo(-1);
        assertThat(row.getLong(1)).isEqualTo(data.length);
        assertThat(root("SELECT CONCAT(LENGTH(data), ':', SHA2(data, 256)) FROM app.blobs WHERE id = 1"))
                .isEqualTo(data.length + ":" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)));

        RowSet<Row> after = await(pool.query("SELECT 'still in sync'").execute());
        assertThat(after.iterator().next().getString(0)).isEqualTo("still in sync");
    }
}
