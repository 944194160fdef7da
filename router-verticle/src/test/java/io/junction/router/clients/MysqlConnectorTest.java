package io.junction.router.clients;

import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import io.junction.router.TestJunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
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
 * MySQL Connector/J through Junction against a real MariaDB, once with client-side prepared statements (text
 * protocol) and once with cached server-side ones (binary protocol), checked against what the server stored.
 *
 * <p>Run with {@code -Dclients.direct=true} to point the same tests straight at MariaDB, which tells a wrong test
 * from a Junction bug.
 */
@ExtendWith(MariaDbExtension.class)
class MysqlConnectorTest {
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

    @Nested
    class ClientSidePrepare extends Matrix {
        ClientSidePrepare() {
            super("useServerPrepStmts=false", "client");
        }
    }

    @Nested
    class ServerSidePrepare extends Matrix {
        ServerSidePrepare() {
            super("useServerPrepStmts=true&cachePrepStmts=true", "server");
        }
    }

    /**
     * Every test, for one way of preparing statements; tables carry the variant's name so both share one server.
     * The two {@code @Nested} classes above only pick the variant: JUnit runs inherited tests once per nested class.
     */
    abstract static class Matrix extends JdbcDriverMatrix {
        private final String options;
        private final String tag;

        Matrix(String options, String tag) {
            // Not character_set_results: with its characterSetResults option unset, Connector/J sets it to NULL when
            // it connects, so the server sends each column in its own character set.
            super(List.of("character_set_client", "character_set_connection"));
            this.options = options;
            this.tag = tag;
        }

        @Override
        Connection connect(String more) throws SQLException {
            String all = "socketTimeout=20000&" + options + (more.isEmpty() ? "" : "&" + more);
            if (Boolean.getBoolean("clients.direct")) {
                return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + db.port() + "/" + TestJunction.SCHEMA + "?user="
                        + TestJunction.USER + "&password=" + TestJunction.PASSWORD + "&sslMode=DISABLED&allowPublicKeyRetrieval=true&" + all);
            }
            return DriverManager.getConnection(junction.mysqlUrl(all));
        }

        @Override
        MariaDb server() {
            return db;
        }

        @Override
        String name(String base) {
            return base + "_" + tag;
        }

        @Test
        void preparedStatementsWithEveryCommonType() throws Exception {
            everyCommonType("");
        }

        @ParameterizedTest
        @ValueSource(booleans = {false, true})
        void batchInserts(boolean rewrite) throws Exception {
            insertInOneBatch(name("batch_" + (rewrite ? "rewritten" : "plain")), "rewriteBatchedStatements=" + rewrite);
        }

        @ParameterizedTest
        @ValueSource(booleans = {false, true})
        void generatedKeysOfOneInsertAndOfABatch(boolean rewrite) throws Exception {
            generatedKeys(name("keyed_" + (rewrite ? "rewritten" : "plain")), "rewriteBatchedStatements=" + rewrite);
        }

        @Test
        void datetimeWithMicroseconds() throws Exception {
            String times = name("times");
            LocalDateTime written = LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000);
            try (Connection c = connect(""); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + times + " (id INT PRIMARY KEY, dt DATETIME(6), tm TIME(6))");
                // Connector/J reads MariaDB's "5.5.5-10.11..." greeting as MySQL 5.5.5, too old for fractional seconds, and
                // drops them from temporal parameters (straight to MariaDB too); as strings they reach the server whole.
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + times + " VALUES (?, ?, ?)")) {
                    insert.setInt(1, 1);
                    insert.setString(2, "2024-02-29 23:59:58.123456");
                    insert.setString(3, "01:02:03.999999");
                    insert.executeUpdate();
                }
                s.executeUpdate("INSERT INTO " + times + " VALUES (2, '1970-01-01 00:00:00.000001', '00:00:00.000001')");
                try (PreparedStatement select = c.prepareStatement("SELECT dt, tm, MICROSECOND(dt) FROM " + times + " WHERE id > ? ORDER BY id")) {
                    select.setInt(1, 0);
                    try (ResultSet rs = select.executeQuery()) {
                        rs.next();
                        assertThat(rs.getObject(1, LocalDateTime.class)).isEqualTo(written);
                        assertThat(rs.getObject(2, LocalTime.class)).isEqualTo(LocalTime.of(1, 2, 3, 999_999_000));
                        assertThat(rs.getInt(3)).isEqualTo(123456);
                        rs.next();
                        assertThat(rs.getObject(1, LocalDateTime.class)).isEqualTo(LocalDateTime.of(1970, 1, 1, 0, 0, 0, 1_000));
                        assertThat(rs.getObject(2, LocalTime.class)).isEqualTo(LocalTime.of(0, 0, 0, 1_000));
                        assertThat(rs.getInt(3)).isEqualTo(1);
                    }
                }
                try (PreparedStatement select = c.prepareStatement("SELECT id FROM " + times + " WHERE dt = ?")) {
                    select.setString(1, "2024-02-29 23:59:58.123456");
                    try (ResultSet rs = select.executeQuery()) {
                        assertThat(rs.next()).as("found by its exact microsecond value").isTrue();
                        assertThat(rs.getInt(1)).isEqualTo(1);
                    }
                }
            }
            assertThat(root("SELECT CONCAT(dt, ' ', tm) FROM app." + times + " WHERE id = 1")).isEqualTo("2024-02-29 23:59:58.123456 01:02:03.999999");
        }

        @Test
        void twentyMegabyteBlobRoundTrip() throws Exception {
            int size = 20 * 1024 * 1024;
            blobRoundTrip("", name("blob"), 1, randomBytes(size, size), false);
        }

        @Test
        void blobSentAsAStream() throws Exception {
            int size = 3 * 1024 * 1024 + 17;
            blobRoundTrip("", name("blob_stream"), 1, randomBytes(size, size), true);
        }
    }
}
