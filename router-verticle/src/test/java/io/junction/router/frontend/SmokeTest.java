package io.junction.router.frontend;

import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import io.junction.router.TestJunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(MariaDbExtension.class)
class SmokeTest {
    static TestJunction junction;

    @BeforeAll
    static void start(MariaDb db) {
        TestJunction.prepare(db);
        junction = TestJunction.start(db);
    }

    @AfterAll
    static void stop() {
        junction.close();
    }

    @Test
    void selectsThroughJunction() throws Exception {
        try (Connection c = junction.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1 + 1, DATABASE()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(2);
            assertThat(rs.getString(2)).isEqualTo("app");
        }
    }
}
