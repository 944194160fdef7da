package io.junction.router.clients;

import io.junction.fixture.MariaDb;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JDBC tests every driver runs through Junction against a real MariaDB, each checked against what the server
 * stored (read back as root, straight from the server).
 *
 * <p>Parameters go through prepared statements, which a driver that prepares on the server sends in the binary
 * protocol and one that prepares on the client as query text; plain statements carry the rest. A check a driver
 * runs with options of its own (batches, server-side prepare, blobs) is a method here without {@code @Test}, called
 * by that driver's test with the driver's options and names; what only one driver needs, such as Connector/J's way
 * around fractional seconds, is a test in that driver's class.
 */
abstract class JdbcDriverMatrix {
    private final List<String> utf8mb4Variables;

    /** {@code utf8mb4Variables}: the session variables the driver sets to utf8mb4 when it connects. */
    JdbcDriverMatrix(List<String> utf8mb4Variables) {
        this.utf8mb4Variables = utf8mb4Variables;
    }

    /**
     * A connection as the app user with these extra URL options ({@code ""} for none); a read that waits more than
     * 20 s fails the test instead of hanging it.
     */
    abstract Connection connect(String options) throws SQLException;

    /** The server behind Junction. */
    abstract MariaDb server();

    /** A table or procedure name of this variant; a driver that runs the matrix twice on one server tags them. */
    String name(String base) {
        return base;
    }

    /** The first column of the first row of a query run as root on the server itself. */
    String root(String sql) {
        return server().queryString(sql);
    }

    @Test
    void crudOnATableWithAutoIncrementKey() throws Exception {
        String crud = name("crud");
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + crud + " (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50) NOT NULL, qty INT NOT NULL)");

            assertThat(s.executeUpdate("INSERT INTO " + crud + " (name, qty) VALUES ('apple', 3)")).isEqualTo(1);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + crud + " (name, qty) VALUES (?, ?), (?, ?)")) {
                insert.setString(1, "pear");
                insert.setInt(2, 5);
                insert.setString(3, "plum");
                insert.setInt(4, 7);
                assertThat(insert.executeUpdate()).isEqualTo(2);
            }
            try (ResultSet rs = s.executeQuery("SELECT LAST_INSERT_ID()")) {
                rs.next();
                assertThat(rs.getLong(1)).as("LAST_INSERT_ID() is the first id of the last insert").isEqualTo(2);
            }
            try (PreparedStatement select = c.prepareStatement("SELECT id, name, qty FROM " + crud + " WHERE qty >= ? ORDER BY id")) {
                select.setInt(1, 0);
                try (ResultSet rs = select.executeQuery()) {
                    List<String> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(rs.getInt(1) + ":" + rs.getString(2) + ":" + rs.getInt(3));
                    }
                    assertThat(rows).containsExactly("1:apple:3", "2:pear:5", "3:plum:7");
                }
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE " + crud + " SET qty = qty + ? WHERE name IN ('apple', 'plum')")) {
                update.setInt(1, 10);
                assertThat(update.executeUpdate()).isEqualTo(2);
            }
            assertThat(s.executeUpdate("DELETE FROM " + crud + " WHERE name = 'pear'")).isEqualTo(1);
            assertThat(s.executeUpdate("DELETE FROM " + crud + " WHERE name = 'nothing'")).isZero();
        }
        assertThat(root("SELECT GROUP_CONCAT(id, ':', name, ':', qty ORDER BY id) FROM app." + crud)).isEqualTo("1:apple:13,3:plum:17");
    }

    @Test
    void commitAndRollback() throws Exception {
        String tx = name("tx");
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + tx + " (id INT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(20)) ENGINE=InnoDB");
            c.setAutoCommit(false);

            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + tx + " (v) VALUES (?)")) {
                insert.setString(1, "committed");
                insert.executeUpdate();
                assertThat(root("SELECT COUNT(*) FROM app." + tx)).as("not visible before commit").isEqualTo("0");
                try (Connection other = connect(""); Statement o = other.createStatement();
                     ResultSet rs = o.executeQuery("SELECT COUNT(*) FROM " + tx)) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("another client through Junction does not see the open transaction").isZero();
                }
                c.commit();
                assertThat(root("SELECT GROUP_CONCAT(v) FROM app." + tx)).isEqualTo("committed");

                insert.setString(1, "rolled back");
                insert.executeUpdate();
            }
            s.executeUpdate("UPDATE " + tx + " SET v = 'changed' WHERE v = 'committed'");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + tx)) {
                rs.next();
                assertThat(rs.getInt(1)).as("the transaction sees its own insert").isEqualTo(2);
            }
            c.rollback();
            try (ResultSet rs = s.executeQuery("SELECT GROUP_CONCAT(v) FROM " + tx)) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("committed");
            }
            c.setAutoCommit(true);
        }
        assertThat(root("SELECT GROUP_CONCAT(v) FROM app." + tx)).isEqualTo("committed");
    }

    /** Three rows of every common column type through one prepared insert, read back by one prepared select. */
    void everyCommonType(String options) throws Exception {
        String types = name("types");
        String text = "x".repeat(5000) + " ü 😀";
        byte[] binary = {0, 1, (byte) 0x7F, (byte) 0x80, (byte) 0xFF, 0, 39, 92};
        try (Connection c = connect(options); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + types + " (id INT PRIMARY KEY, t TINYINT, sm SMALLINT, i INT, bi BIGINT, ubi BIGINT UNSIGNED,"
                    + " f FLOAT, d DOUBLE, dec2 DECIMAL(10,2), flag BOOLEAN, ch CHAR(3), vc VARCHAR(100), tx TEXT,"
                    + " vb VARBINARY(16), dt DATE, tm TIME, dtm DATETIME, y YEAR, e ENUM('red','green'), n INT NULL)"
                    + " CHARACTER SET utf8mb4");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + types
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int id = 1; id <= 3; id++) { // the same statement executed again with new values
                    insert.setInt(1, id);
                    insert.setByte(2, (byte) -128);
                    insert.setShort(3, (short) (32000 + id));
                    insert.setInt(4, -2_000_000_000 + id);
                    insert.setLong(5, Long.MAX_VALUE - id);
                    insert.setBigDecimal(6, new BigDecimal("18446744073709551615").subtract(BigDecimal.valueOf(id)));
                    insert.setFloat(7, 1.5f * id);
                    insert.setDouble(8, Math.PI * id);
                    insert.setBigDecimal(9, new BigDecimal("-12345678.9" + id));
                    insert.setBoolean(10, id % 2 == 1);
                    insert.setString(11, "ab" + id);
                    insert.setString(12, "varchar é " + id);
                    insert.setString(13, text + id);
                    insert.setBytes(14, binary);
                    insert.setObject(15, LocalDate.of(1999, 12, 28 + id));
                    insert.setObject(16, LocalTime.of(23, 59, 50 + id));
                    insert.setObject(17, LocalDateTime.of(2024, 2, 29, 12, 34, 50 + id));
                    insert.setInt(18, 2020 + id);
                    insert.setString(19, id == 2 ? "green" : "red");
                    insert.setNull(20, Types.INTEGER);
                    assertThat(insert.executeUpdate()).isEqualTo(1);
                }
            }
            try (PreparedStatement select = c.prepareStatement("SELECT * FROM " + types + " WHERE id = ?")) {
                for (int id = 1; id <= 3; id++) {
                    select.setInt(1, id);
                    try (ResultSet rs = select.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getInt("id")).isEqualTo(id);
                        assertThat(rs.getByte("t")).isEqualTo((byte) -128);
                        assertThat(rs.getShort("sm")).isEqualTo((short) (32000 + id));
                        assertThat(rs.getInt("i")).isEqualTo(-2_000_000_000 + id);
                        assertThat(rs.getLong("bi")).isEqualTo(Long.MAX_VALUE - id);
                        assertThat(rs.getBigDecimal("ubi")).isEqualTo(new BigDecimal("18446744073709551615").subtract(BigDecimal.valueOf(id)));
                        assertThat(rs.getFloat("f")).isEqualTo(1.5f * id);
                        assertThat(rs.getDouble("d")).isEqualTo(Math.PI * id);
                        assertThat(rs.getBigDecimal("dec2")).isEqualTo(new BigDecimal("-12345678.9" + id));
                        assertThat(rs.getBoolean("flag")).isEqualTo(id % 2 == 1);
                        assertThat(rs.getString("ch")).isEqualTo("ab" + id);
                        assertThat(rs.getString("vc")).isEqualTo("varchar é " + id);
                        assertThat(rs.getString("tx")).isEqualTo(text + id);
                        assertThat(rs.getBytes("vb")).isEqualTo(binary);
                        assertThat(rs.getObject("dt", LocalDate.class)).isEqualTo(LocalDate.of(1999, 12, 28 + id));
                        assertThat(rs.getObject("tm", LocalTime.class)).isEqualTo(LocalTime.of(23, 59, 50 + id));
                        assertThat(rs.getObject("dtm", LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 2, 29, 12, 34, 50 + id));
                        assertThat(rs.getInt("y")).isEqualTo(2020 + id);
                        assertThat(rs.getString("e")).isEqualTo(id == 2 ? "green" : "red");
                        rs.getInt("n");
                        assertThat(rs.wasNull()).isTrue();
                        assertThat(rs.next()).isFalse();
                    }
                }
            }
        }
        assertThat(root("SELECT CONCAT_WS('|', t, sm, i, bi, ubi, f, d, dec2, flag, ch, vc, LENGTH(tx), HEX(vb), dt, tm, dtm, y, e,"
                + " ISNULL(n)) FROM app." + types + " WHERE id = 2"))
                .isEqualTo("-128|32002|-1999999998|9223372036854775805|18446744073709551613|3|6.283185307179586|-12345678.92|0"
                        + "|ab2|varchar é 2|" + (text + 2).getBytes(StandardCharsets.UTF_8).length + "|00017F80FF00275C|1999-12-30"
                        + "|23:59:52|2024-02-29 12:34:52|2022|green|1");
    }

    /** 200 rows in one batch into a new {@code table}, with the driver's batch {@code options}. */
    void insertInOneBatch(String table, String options) throws Exception {
        try (Connection c = connect(options); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id INT AUTO_INCREMENT PRIMARY KEY, n INT NOT NULL, v VARCHAR(30))");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " (n, v) VALUES (?, ?)")) {
                for (int n = 1; n <= 200; n++) {
                    insert.setInt(1, n);
                    insert.setString(2, "row " + n);
                    insert.addBatch();
                }
                int[] counts = insert.executeBatch();
                assertThat(counts).hasSize(200);
                assertThat(Arrays.stream(counts).boxed()).allSatisfy(count -> assertThat(count).isIn(1, Statement.SUCCESS_NO_INFO));
            }
        }
        assertThat(root("SELECT CONCAT(COUNT(*), ':', SUM(n), ':', COUNT(DISTINCT v)) FROM app." + table)).isEqualTo("200:20100:200");
        assertThat(root("SELECT v FROM app." + table + " WHERE n = 137")).isEqualTo("row 137");
    }

    /** Generated keys of a plain insert, a prepared one and a batch of five into a new {@code table}. */
    void generatedKeys(String table, String options) throws Exception {
        try (Connection c = connect(options); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id BIGINT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(20)) AUTO_INCREMENT = 1000");

            s.executeUpdate("INSERT INTO " + table + " (v) VALUES ('one')", Statement.RETURN_GENERATED_KEYS);
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertThat(keys.next()).isTrue();
                assertThat(keys.getLong(1)).isEqualTo(1000);
                assertThat(keys.next()).isFalse();
            }

            try (PreparedStatement one = c.prepareStatement("INSERT INTO " + table + " (v) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
                one.setString(1, "two");
                one.executeUpdate();
                try (ResultSet keys = one.getGeneratedKeys()) {
                    assertThat(keys.next()).isTrue();
                    assertThat(keys.getLong(1)).isEqualTo(1001);
                }
            }

            List<Long> batchKeys = new ArrayList<>();
            try (PreparedStatement batch = c.prepareStatement("INSERT INTO " + table + " (v) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < 5; i++) {
                    batch.setString(1, "batch " + i);
                    batch.addBatch();
                }
                batch.executeBatch();
                try (ResultSet keys = batch.getGeneratedKeys()) {
                    while (keys.next()) {
                        batchKeys.add(keys.getLong(1));
                    }
                }
            }
            assertThat(batchKeys).containsExactly(1002L, 1003L, 1004L, 1005L, 1006L);
        }
        assertThat(root("SELECT GROUP_CONCAT(id, '=', v ORDER BY id) FROM app." + table))
                .isEqualTo("1000=one,1001=two,1002=batch 0,1003=batch 1,1004=batch 2,1005=batch 3,1006=batch 4");
    }

    @Test
    void utf8mb4TextRoundTrip() throws Exception {
        String texts = name("texts");
        List<String> values = List.of("emoji 😀🎉👍🏽", "日本語のテキスト", "中文 한국어", "Ünïcödé ß ñ €", "\uD834\uDD1E musical G clef");
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + texts + " (id INT PRIMARY KEY, v VARCHAR(100)) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            try (ResultSet rs = s.executeQuery("SELECT @@" + String.join(", @@", utf8mb4Variables))) {
                rs.next();
                List<String> read = new ArrayList<>();
                for (int i = 1; i <= utf8mb4Variables.size(); i++) {
                    read.add(rs.getString(i));
                }
                assertThat(read).containsOnly("utf8mb4");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + texts + " VALUES (?, ?)")) {
                for (int i = 0; i < values.size(); i++) {
                    insert.setInt(1, i);
                    insert.setString(2, values.get(i));
                    insert.executeUpdate();
                }
            }
            s.executeUpdate("INSERT INTO " + texts + " VALUES (100, '" + values.get(0) + "')");
            try (ResultSet rs = s.executeQuery("SELECT v FROM " + texts + " ORDER BY id")) {
                List<String> read = new ArrayList<>();
                while (rs.next()) {
                    read.add(rs.getString(1));
                }
                List<String> expected = new ArrayList<>(values);
                expected.add(values.get(0));
                assertThat(read).containsExactlyElementsOf(expected);
            }
            try (ResultSet rs = s.executeQuery("SELECT '" + values.get(1) + "', CHAR_LENGTH('😀')")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(values.get(1));
                assertThat(rs.getInt(2)).isEqualTo(1);
            }
            try (PreparedStatement select = c.prepareStatement("SELECT id FROM " + texts + " WHERE v = ?")) {
                select.setString(1, values.get(2));
                try (ResultSet rs = select.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(2);
                }
            }
        }
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            assertThat(root("SELECT CONCAT(CHAR_LENGTH(v), ':', HEX(v)) FROM app." + texts + " WHERE id = " + i))
                    .isEqualTo(v.codePointCount(0, v.length()) + ":" + HexFormat.of().withUpperCase().formatHex(v.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void decimalWithThirtyDigits() throws Exception {
        String decimals = name("decimals");
        List<BigDecimal> values = List.of(new BigDecimal("12345678901234567890.0123456789"), new BigDecimal("-0.0000000001"),
                new BigDecimal("99999999999999999999.9999999999"), new BigDecimal("-99999999999999999999.9999999999"));
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + decimals + " (id INT PRIMARY KEY, d DECIMAL(30,10))");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + decimals + " VALUES (?, ?)")) {
                for (int i = 0; i < values.size(); i++) {
                    insert.setInt(1, i);
                    insert.setBigDecimal(2, values.get(i));
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement select = c.prepareStatement("SELECT d FROM " + decimals + " WHERE id >= ? ORDER BY id")) {
                select.setInt(1, 0);
                try (ResultSet rs = select.executeQuery()) {
                    for (BigDecimal expected : values) {
                        rs.next();
                        assertThat(rs.getBigDecimal(1)).isEqualTo(expected);
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT SUM(d) FROM " + decimals)) {
                rs.next();
                assertThat(rs.getBigDecimal(1)).isEqualTo(new BigDecimal("12345678901234567890.0123456788"));
            }
        }
        assertThat(root("SELECT d FROM app." + decimals + " WHERE id = 0")).isEqualTo("12345678901234567890.0123456789");
    }

    @Test
    void jsonColumn() throws Exception {
        String docs = name("docs");
        String doc = "{\"name\": \"Ünïcode 😀\", \"list\": [1, 2.5, true, null], \"nested\": {\"k\": \"v\"}}";
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + docs + " (id INT PRIMARY KEY, doc JSON) CHARACTER SET utf8mb4");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + docs + " VALUES (?, ?)")) {
                insert.setInt(1, 1);
                insert.setString(2, doc);
                insert.executeUpdate();
            }
            try (PreparedStatement select = c.prepareStatement("SELECT doc, JSON_VALUE(doc, '$.name'), JSON_LENGTH(doc, '$.list'),"
                    + " JSON_EXTRACT(doc, '$.nested.k') FROM " + docs + " WHERE id = ?")) {
                select.setInt(1, 1);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo(doc);
                    assertThat(rs.getString(2)).isEqualTo("Ünïcode 😀");
                    assertThat(rs.getInt(3)).isEqualTo(4);
                    assertThat(rs.getString(4)).isEqualTo("\"v\"");
                }
            }
            try (PreparedStatement bad = c.prepareStatement("INSERT INTO " + docs + " VALUES (?, ?)")) {
                bad.setInt(1, 2);
                bad.setString(2, "{not json");
                assertThatThrownBy(bad::executeUpdate)
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).as(e.getMessage()).isEqualTo(4025));
            }
        }
        assertThat(root("SELECT CONCAT(COUNT(*), ':', MAX(JSON_VALUE(doc, '$.list[1]'))) FROM app." + docs)).isEqualTo("1:2.5");
    }

    /**
     * Writes {@code data} as row {@code id} of {@code table} (created if missing, so several rows may share it), in
     * one piece or as a stream, reads it back and checks the connection is still in step.
     */
    void blobRoundTrip(String options, String table, int id, byte[] data, boolean stream) throws Exception {
        try (Connection c = connect(options); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + table + " (id INT PRIMARY KEY, data LONGBLOB)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
                insert.setInt(1, id);
                if (stream) {
                    insert.setBinaryStream(2, new ByteArrayInputStream(data), data.length);
                } else {
                    insert.setBytes(2, data);
                }
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement select = c.prepareStatement("SELECT data, LENGTH(data) FROM " + table + " WHERE id = ?")) {
                select.setInt(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    byte[] read = rs.getBytes(1);
                    assertThat(read.length).isEqualTo(data.length);
                    assertThat(Arrays.mismatch(read, data)).as("index of the first byte that differs").isEqualTo(-1);
                    assertThat(rs.getLong(2)).isEqualTo(data.length);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT 'still in sync'")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("still in sync");
            }
        }
        assertThat(root("SELECT CONCAT(LENGTH(data), ':', SHA2(data, 256)) FROM app." + table + " WHERE id = " + id))
                .isEqualTo(data.length + ":" + sha256(data));
    }

    @Test
    void multiStatementQueryReturnsSeveralResults() throws Exception {
        String multi = name("multi");
        try (Connection c = connect("allowMultiQueries=true"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + multi + " (id INT AUTO_INCREMENT PRIMARY KEY, v VARCHAR(10))");
            boolean isResultSet = s.execute("SELECT 1 AS one; INSERT INTO " + multi + " (v) VALUES ('a'), ('b');"
                    + " SELECT v FROM " + multi + " ORDER BY id; UPDATE " + multi + " SET v = 'c' WHERE v = 'a'; SELECT DATABASE(), 'last'");

            assertThat(isResultSet).isTrue();
            assertThat(column(s.getResultSet())).containsExactly("1");
            assertThat(s.getMoreResults()).isFalse();
            assertThat(s.getUpdateCount()).isEqualTo(2);
            assertThat(s.getMoreResults()).isTrue();
            assertThat(column(s.getResultSet())).containsExactly("a", "b");
            assertThat(s.getMoreResults()).isFalse();
            assertThat(s.getUpdateCount()).isEqualTo(1);
            assertThat(s.getMoreResults()).isTrue();
            try (ResultSet rs = s.getResultSet()) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("app");
                assertThat(rs.getString(2)).isEqualTo("last");
            }
            assertThat(s.getMoreResults()).isFalse();
            assertThat(s.getUpdateCount()).isEqualTo(-1);

            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + multi)) {
                rs.next();
                assertThat(rs.getInt(1)).as("the connection is usable after the multi-statement").isEqualTo(2);
            }
        }
        assertThat(root("SELECT GROUP_CONCAT(v ORDER BY id) FROM app." + multi)).isEqualTo("c,b");
    }

    @Test
    void storedProcedureWithTwoResultSetsAndAnOutParameter() throws Exception {
        String procedure = name("two_results");
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            s.execute("CREATE PROCEDURE " + procedure + "(IN n INT, OUT total INT) BEGIN"
                    + " SELECT n AS first; SELECT n * 2 AS second, 'two' AS label; SET total = n * 3; END");
            try (CallableStatement call = c.prepareCall("{CALL " + procedure + "(?, ?)}")) {
                call.setInt(1, 7);
                call.registerOutParameter(2, Types.INTEGER);
                assertThat(call.execute()).isTrue();
                try (ResultSet rs = call.getResultSet()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt("first")).isEqualTo(7);
                }
                assertThat(call.getMoreResults()).isTrue();
                try (ResultSet rs = call.getResultSet()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt("second")).isEqualTo(14);
                    assertThat(rs.getString("label")).isEqualTo("two");
                }
                assertThat(call.getInt(2)).isEqualTo(21);
            }
            try (ResultSet rs = s.executeQuery("SELECT 'after the call'")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("after the call");
            }
        }
    }

    /** {@code size} bytes that are the same on every run. */
    static byte[] randomBytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    private static List<String> column(ResultSet rs) throws SQLException {
        List<String> values = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
