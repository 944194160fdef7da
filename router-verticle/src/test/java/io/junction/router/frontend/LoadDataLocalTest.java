package io.junction.router.frontend;

import io.junction.config.JunctionConfig;
import io.junction.config.LimitsConfig;
import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import io.junction.router.TestJunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.junction.router.Sql.single;
import static org.assertj.core.api.Assertions.assertThat;

/** With limits.local_infile on, the file a client sends is relayed to the server. */
@ExtendWith(MariaDbExtension.class)
class LoadDataLocalTest {

    @Test
    void loadDataLocalInfileIsRelayedWhenEnabled(MariaDb db, @TempDir Path dir) throws Exception {
        TestJunction.prepare(db);
        db.execute("CREATE TABLE IF NOT EXISTS app.loaded (id INT PRIMARY KEY, name VARCHAR(20))");
        Path file = dir.resolve("rows.tsv");
        Files.writeString(file, IntStream.rangeClosed(1, 5000).mapToObj(i -> i + "\tname" + i).collect(Collectors.joining("\n")) + "\n");
        JunctionConfig base = TestJunction.config(db, 4);
        JunctionConfig enabled = new JunctionConfig(1, base.listener(), base.admin(), base.hostgroups(), base.servers(), base.users(),
                new LimitsConfig(100, 64 * 1024 * 1024, true, 1), base.timeouts());
        try (TestJunction junction = TestJunction.start(enabled);
             Connection c = DriverManager.getConnection(junction.mariadbUrl("allowLocalInfile=true"));
             Statement s = c.createStatement()) {
            int loaded = s.executeUpdate("LOAD DATA LOCAL INFILE '" + file + "' INTO TABLE loaded");
            assertThat(loaded).isEqualTo(5000);
            assertThat(single(c, "SELECT name FROM loaded WHERE id = 4321")).isEqualTo("name4321");
            assertThat(db.queryString("SELECT COUNT(*) FROM app.loaded")).isEqualTo("5000");
        }
    }
}
