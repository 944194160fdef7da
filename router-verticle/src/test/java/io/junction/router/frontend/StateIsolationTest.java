package io.junction.router.frontend;

import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import io.junction.router.TestJunction;

import static io.junction.router.Sql.exec;
import static io.junction.router.Sql.single;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With one backend connection for the whole node, every client shares it: what one client sets must never be
 * seen by the next one, and each must find its own settings again.
 */
@ExtendWith(MariaDbExtension.class)
class StateIsolationTest {
    static TestJunction junction;

    @BeforeAll
    static void start(MariaDb db) {
        TestJunction.prepare(db);
        junction = TestJunction.start(TestJunction.config(db, 1, 1));
    }

    @AfterAll
    static void stop() {
        junction.close();
    }

    @Test
    void useSetNamesTimeZoneAndSqlModeDoNotLeakToAnotherClientOnTheSameBackendConnection() throws Exception {
        try (Connection a = junction.connect(); Connection b = junction.connect()) {
            List<String> bBefore = state(b);
            exec(a, "USE other");
            exec(a, "SET NAMES utf8mb3"); // MariaDB Connector/J refuses non-UTF-8 character sets itself
            exec(a, "SET time_zone = '+05:00'");
            exec(a, "SET sql_mode = 'ANSI_QUOTES'");
            long aBackend = backendId(a);

            assertThat(backendId(b)).as("both clients share the one backend connection").isEqualTo(aBackend);
            assertThat(state(b)).isEqualTo(bBefore);
            assertThat(state(a)).containsExactly("other", "utf8mb3", "utf8mb3_general_ci", "+05:00", "ANSI_QUOTES");
            assertThat(state(b)).isEqualTo(bBefore);
        }
    }

    @Test
    void autocommitOffIsKeptPerClient() throws Exception {
        try (Connection a = junction.connect(); Connection b = junction.connect()) {
            exec(a, "SET autocommit = 0");
            assertThat(single(a, "SELECT @@autocommit")).isEqualTo("0");
            assertThat(single(b, "SELECT @@autocommit")).isEqualTo("1");
            assertThat(single(a, "SELECT @@autocommit")).isEqualTo("0");
        }
    }

    @Test
    void anotherClientGetsTheConnectionWhileAClientThinks() throws Exception {
        try (Connection a = junction.connect(); Connection b = junction.connect()) {
            exec(a, "USE other");
            assertThat(single(b, "SELECT DATABASE()")).isEqualTo("app");
            assertThat(single(a, "SELECT DATABASE()")).isEqualTo("other");
        }
    }

    @Test
    void stateTheTextDoesNotShowIsPinnedFromTheServersReport() throws Exception {
        try (Connection a = junction.connect(); Connection b = junction.connect()) {
            exec(a, "CREATE PROCEDURE IF NOT EXISTS hide_a_variable() SET @hidden = 'kept'");
            exec(a, "CALL hide_a_variable()");
            assertThat(single(a, "SELECT @hidden")).isEqualTo("kept");
            assertThat(junction.limits().pins().count(io.junction.router.routing.PinReason.Kind.UNTRACKED_STATE_CHANGE))
                    .isGreaterThanOrEqualTo(1);
        }
    }

    private static List<String> state(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT DATABASE(), @@character_set_client, @@collation_connection, @@time_zone, @@sql_mode")) {
            rs.next();
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                values.add(rs.getString(i));
            }
            return values;
        }
    }

    private static long backendId(Connection c) throws SQLException {
        return Long.parseLong(single(c, "SELECT CONNECTION_ID()"));
    }


}
