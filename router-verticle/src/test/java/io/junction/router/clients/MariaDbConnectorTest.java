package io.junction.router.clients;

import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import io.junction.router.TestJunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MariaDB Connector/J through Junction against a real MariaDB: what an application does with it, checked against
 * what the server stored (read back as root, straight from the server). The driver prepares statements on the
 * client unless a test asks for {@code useServerPrepStmts=true}.
 *
 * <p>Run with {@code -Dclients.direct=true} to point the same tests straight at MariaDB, which tells a wrong test
 * from a Junction bug.
 */
@ExtendWith(MariaDbExtension.class)
class MariaDbConnectorTest extends JdbcDriverMatrix {
    private static MariaDb db;
    private static TestJunction junction;

    @BeforeAll
    static void start(MariaDb server) {
        db = server;
        TestJunction.prepare(db);
        junction = TestJunction.start(db);
    }

    @AfterAll
    static void stop() {
        junction.close();
    }

    MariaDbConnectorTest() {
        super(List.of("character_set_client", "character_set_connection", "character_set_results"));
    }

    @Override
    Connection connect(String options) throws SQLException {
        String bounded = "socketTimeout=20000" + (options.isEmpty() ? "" : "&" + options);
        if (Boolean.getBoolean("clients.direct")) {
            return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + db.port() + "/" + TestJunction.SCHEMA
                    + "?user=" + TestJunction.USER + "&password=" + TestJunction.PASSWORD + "&" + bounded);
        }
        return DriverManager.getConnection(junction.mariadbUrl(bounded));
    }

    @Override
    MariaDb server() {
        return db;
    }

    @Test
    void serverPreparedStatementsWithEveryCommonType() throws Exception {
        everyCommonType("useServerPrepStmts=true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"useBulkStmts=false&rewriteBatchedStatements=false", "useBulkStmts=true"})
    void batchInserts(String options) throws Exception {
        insertInOneBatch("batch_" + (options.startsWith("useBulkStmts=true") ? "bulk" : "plain"), options);
    }

    @Test
    void generatedKeysOfOneInsertAndOfABatch() throws Exception {
        generatedKeys("keyed", "");
    }

    @Test
    void datetimeWithMicroseconds() throws Exception {
        LocalDateTime written = LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000);
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE times (id INT PRIMARY KEY, dt DATETIME(6), tm TIME(6))");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO times VALUES (?, ?, ?)")) {
                insert.setInt(1, 1);
                insert.setObject(2, written);
                insert.setObject(3, LocalTime.of(1, 2, 3, 999_999_000));
                insert.executeUpdate();
            }
            s.executeUpdate("INSERT INTO times VALUES (2, '1970-01-01 00:00:00.000001', '-838:59:59.000000')");
            try (ResultSet rs = s.executeQuery("SELECT dt, tm, MICROSECOND(dt) FROM times ORDER BY id")) {
                rs.next();
                assertThat(rs.getObject(1, LocalDateTime.class)).isEqualTo(written);
                assertThat(rs.getObject(2, LocalTime.class)).isEqualTo(LocalTime.of(1, 2, 3, 999_999_000));
                assertThat(rs.getInt(3)).isEqualTo(123456);
                rs.next();
                assertThat(rs.getObject(1, LocalDateTime.class)).isEqualTo(LocalDateTime.of(1970, 1, 1, 0, 0, 0, 1_000));
                assertThat(rs.getString(2)).isEqualTo("-838:59:59.000000");
                assertThat(rs.getInt(3)).isEqualTo(1);
            }
            try (PreparedStatement select = c.prepareStatement("SELECT dt FROM times WHERE dt = ?")) {
                select.setObject(1, written);
                try (ResultSet rs = select.executeQuery()) {
                    assertThat(rs.next()).as("found by its exact microsecond value").isTrue();
                }
            }
        }
        assertThat(root("SELECT CONCAT(dt, ' ', tm) FROM app.times WHERE id = 1")).isEqualTo("2024-02-29 23:59:58.123456 01:02:03.999999");
    }

    @ParameterizedTest
    @ValueSource(strings = {"useServerPrepStmts=false", "useServerPrepStmts=true"})
    void twentyMegabyteBlobRoundTrip(String options) throws Exception {
        blobRoundTrip(options, "blobs", options.endsWith("true") ? 2 : 1, randomBytes(20 * 1024 * 1024, 42), false);
    }

    @Test
    void procedureOutParameterInAUserVariable() throws Exception {
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            s.execute("CREATE PROCEDURE triple(IN n INT, OUT total INT) BEGIN SET total = n * 3; END");
            s.execute("CALL triple(5, @total)");
            try (ResultSet rs = s.executeQuery("SELECT @total")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the user variable survives to the next statement").isEqualTo(15);
            }
        }
    }
}
