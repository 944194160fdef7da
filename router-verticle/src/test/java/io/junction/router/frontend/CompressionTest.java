package io.junction.router.frontend;

import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import io.junction.router.TestJunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;

import static io.junction.router.Sql.single;
import static org.assertj.core.api.Assertions.assertThat;

/** The compressed protocol toward clients: the CLI and both Connector/Js with compression on. */
@ExtendWith(MariaDbExtension.class)
class CompressionTest {
    static TestJunction junction;

    @BeforeAll
    static void start(MariaDb db) {
        TestJunction.prepare(db);
        db.execute("CREATE TABLE IF NOT EXISTS app.texts (id INT PRIMARY KEY, body MEDIUMTEXT)");
        junction = TestJunction.start(db);
    }

    @AfterAll
    static void stop() {
        junction.close();
    }

    @Test
    void mariadbConnectorJWithCompression() throws Exception {
        long before = junction.limits().compressedSessions();
        roundTrip(DriverManager.getConnection(junction.mariadbUrl("useCompression=true")), 1);
        assertThat(junction.limits().compressedSessions()).as("the session negotiated compression").isEqualTo(before + 1);
    }

    @Test
    void mysqlConnectorJWithCompressionAndServerSidePrepare() throws Exception {
        long before = junction.limits().compressedSessions();
        roundTrip(DriverManager.getConnection(junction.mysqlUrl("useCompression=true&useServerPrepStmts=true")), 2);
        assertThat(junction.limits().compressedSessions()).as("the session negotiated compression").isEqualTo(before + 1);
    }

    @Test
    void theMariadbCliWithCompress() throws Exception {
        Path out = Files.createTempFile("cli", ".out");
        Process cli = new ProcessBuilder("mariadb", "--compress", "-h", "127.0.0.1", "-P", String.valueOf(junction.port()),
                "-u", TestJunction.USER, "-p" + TestJunction.PASSWORD, "-N", "-B", TestJunction.SCHEMA,
                "-e", "SELECT LENGTH(REPEAT('z', 300000)), 'compressed ok'; \\s").redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(cli.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String printed = Files.readString(out);
        assertThat(printed).startsWith("300000\tcompressed ok").containsPattern("Protocol:\\s+Compressed");
        assertThat(cli.exitValue()).isZero();
    }

    /** A big text both ways (it compresses, so frames carry inflated lengths), and a small statement (stored frames). */
    private static void roundTrip(Connection c, int id) throws Exception {
        try (c) {
            String body = "Junction ".repeat(100_000);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO texts VALUES (?, ?)")) {
                insert.setInt(1, id);
                insert.setString(2, body);
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement select = c.prepareStatement("SELECT body FROM texts WHERE id = ?")) {
                select.setInt(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo(body);
                }
            }
            assertThat(single(c, "SELECT 1 + 1")).isEqualTo("2");
        }
    }
}
