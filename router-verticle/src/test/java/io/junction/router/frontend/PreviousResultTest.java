package io.junction.router.frontend;

import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import io.junction.router.TestJunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;

import static io.junction.router.Sql.exec;
import static io.junction.router.Sql.single;
import static org.assertj.core.api.Assertions.assertThat;

/** LAST_INSERT_ID(), ROW_COUNT() and FOUND_ROWS() read right after a statement answer for that statement. */
@ExtendWith(MariaDbExtension.class)
class PreviousResultTest {
    static MariaDb db;

    @BeforeAll
    static void start(MariaDb server) {
        db = server;
        TestJunction.prepare(db);
        db.execute("CREATE TABLE IF NOT EXISTS app.seq_a (id INT AUTO_INCREMENT PRIMARY KEY, v INT)",
                "CREATE TABLE IF NOT EXISTS app.seq_b (id INT AUTO_INCREMENT PRIMARY KEY, v INT) AUTO_INCREMENT = 1000");
    }

    @Test
    void lastInsertIdSurvivesAnotherClientUsingTheSameBackendConnection() throws Exception {
        try (TestJunction junction = TestJunction.start(TestJunction.config(db, 1, 1));
             Connection a = junction.connect(); Connection b = junction.connect()) {
            exec(a, "INSERT INTO seq_a (v) VALUES (1)");
            String aId = db.queryString("SELECT MAX(id) FROM app.seq_a");
            exec(b, "INSERT INTO seq_b (v) VALUES (2)");
            String bId = db.queryString("SELECT MAX(id) FROM app.seq_b");
            assertThat(single(b, "SELECT CONNECTION_ID()")).as("one backend connection for both")
                    .isEqualTo(single(a, "SELECT CONNECTION_ID()"));

            assertThat(single(a, "SELECT LAST_INSERT_ID()")).isEqualTo(aId);
            assertThat(single(b, "SELECT LAST_INSERT_ID()")).isEqualTo(bId);
            assertThat(single(a, "SELECT @@identity")).isEqualTo(aId);
        }
    }

    @Test
    void rowCountAndFoundRowsAfterAWriteComeFromTheSameConnection() throws Exception {
        try (TestJunction junction = TestJunction.start(TestJunction.config(db, 4, 1));
             Connection a = junction.connect(); Connection b = junction.connect()) {
            exec(b, "START TRANSACTION");
            exec(a, "SELECT 1");
            exec(b, "COMMIT");
            assertThat(junction.limits().backendConnections().values()).as("two backend connections, both idle").containsExactly(2);

            exec(a, "INSERT INTO seq_a (v) VALUES (10), (10), (10)");
            exec(a, "UPDATE seq_a SET v = 11 WHERE v = 10");
            String bBackend = single(b, "SELECT CONNECTION_ID()");
            try (java.sql.Statement s = a.createStatement();
                 java.sql.ResultSet rs = s.executeQuery("SELECT ROW_COUNT(), CONNECTION_ID()")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("3");
                assertThat(rs.getString(2)).as("b was given the other connection").isNotEqualTo(bBackend);
            }

            exec(a, "SELECT * FROM seq_a WHERE v = 11");
            assertThat(single(a, "SELECT FOUND_ROWS()")).isEqualTo("3");
        }
    }
}
