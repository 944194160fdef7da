package io.junction.router.clients;

import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import io.junction.router.TestJunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real {@code mariadb} command-line client through Junction against a real MariaDB: batch mode output, its own
 * handling of {@code USE} and {@code DELIMITER}, and the error lines a person sees.
 *
 * <p>Run with {@code -Dclients.direct=true} to point the same tests straight at MariaDB, which tells a wrong test
 * from a Junction bug.
 */
@ExtendWith(MariaDbExtension.class)
class MariaDbCliTest {
    private static final String CLIENT = "/usr/bin/mariadb";
    private static final long TIMEOUT_SECONDS = 20;

    private static MariaDb db;
    private static TestJunction junction;

    @TempDir
    Path dir;

    @BeforeAll
    static void start(MariaDb server) {
        assumeTrue(Files.isExecutable(Path.of(CLIENT)), CLIENT + " is not installed");
        db = server;
        TestJunction.prepare(db);
        junction = TestJunction.start(db);
    }

    @AfterAll
    static void stop() {
        if (junction != null) { // null when the client is not installed
            junction.close();
        }
    }

    /** What a finished client run left behind. */
    private record Run(int exitCode, String stdout, String stderr) {
    }

    /** Runs the client as app with {@code password} on schema app, feeding it {@code stdin} (may be empty). */
    private Run runAs(String password, String stdin, String... args) throws Exception {
        int port = Boolean.getBoolean("clients.direct") ? db.port() : junction.port();
        List<String> command = new ArrayList<>(List.of(CLIENT, "--no-defaults", "-h", "127.0.0.1", "-P", String.valueOf(port),
                "-u", TestJunction.USER, "-p" + password, "-N", "-B"));
        command.addAll(List.of(args));
        command.add(TestJunction.SCHEMA);
        Path in = Files.writeString(dir.resolve("stdin.sql"), stdin, StandardCharsets.UTF_8);
        File out = dir.resolve("stdout.txt").toFile();
        File err = dir.resolve("stderr.txt").toFile();
        Process process = new ProcessBuilder(command).redirectInput(in.toFile()).redirectOutput(out).redirectError(err).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            fail("mariadb did not finish within " + TIMEOUT_SECONDS + " s; stdout: " + Files.readString(out.toPath())
                    + "; stderr: " + Files.readString(err.toPath()));
        }
        return new Run(process.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8), Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }

    /** Runs the client as app with the right password and nothing on standard input. */
    private Run mariadb(String... args) throws Exception {
        return runAs(TestJunction.PASSWORD, "", args);
    }

    @Test
    void query() throws Exception {
        Run run = mariadb("-e", "SELECT 1 + 1, DATABASE(), CURRENT_USER()");
        assertThat(run.stderr()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("2\tapp\tapp@%\n");
    }

    @Test
    void batchThatSwitchesSchema() throws Exception {
        Run run = mariadb("-e", "SELECT DATABASE(); USE other; SELECT DATABASE(); CREATE TABLE cli_t (id INT);"
                + " INSERT INTO cli_t VALUES (7), (8); SELECT SUM(id) FROM cli_t");
        assertThat(run.stderr()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("app\nother\n15\n");
        assertThat(root("SELECT GROUP_CONCAT(id ORDER BY id) FROM other.cli_t")).isEqualTo("7,8");
    }

    @Test
    void scriptOnStandardInputWithADelimiterAndAProcedure() throws Exception {
        String script = """
                -- a script as a person would pipe it in
                CREATE TABLE cli_script (id INT PRIMARY KEY, v VARCHAR(20));
                INSERT INTO cli_script VALUES (1, 'one'), (2, 'two');
                DELIMITER //
                CREATE PROCEDURE cli_proc(IN n INT)
                BEGIN
                  SELECT v FROM cli_script WHERE id = n;
                  SELECT COUNT(*) FROM cli_script;
                END //
                DELIMITER ;
                CALL cli_proc(2);
                UPDATE cli_script SET v = 'uno' WHERE id = 1;
                SELECT v FROM cli_script ORDER BY id;
                """;
        Run run = runAs(TestJunction.PASSWORD, script);
        assertThat(run.stderr()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo("two\n2\nuno\ntwo\n");
        assertThat(root("SELECT GROUP_CONCAT(v ORDER BY id) FROM app.cli_script")).isEqualTo("uno,two");
    }

    @Test
    void utf8mb4Text() throws Exception {
        Run run = mariadb("--default-character-set=utf8mb4", "-e", "SELECT '😀 日本語', HEX('😀'), CHAR_LENGTH('😀 日本語'), @@character_set_client");
        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout()).isEqualTo("😀 日本語\tF09F9880\t5\tutf8mb4\n");
    }

    @Test
    void missingTableGivesError1146() throws Exception {
        Run run = mariadb("-e", "SELECT 1; SELECT * FROM no_such_table; SELECT 2");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).as("stops at the error").isEqualTo("1\n");
        assertThat(run.stderr()).contains("ERROR 1146 (42S02)").contains("Table 'app.no_such_table' doesn't exist");
    }

    @Test
    void errorInTheMiddleOfAForcedScriptLeavesTheSessionUsable() throws Exception {
        Run run = runAs(TestJunction.PASSWORD, "SELECT 'before';\nSELECT * FROM no_such_table;\nSELECT 'after';\n", "--force");
        assertThat(run.exitCode()).as("the last statement succeeded").isZero();
        assertThat(run.stdout()).isEqualTo("before\nafter\n");
        assertThat(run.stderr()).contains("ERROR 1146 (42S02) at line 2");
    }

    @Test
    void wrongPasswordGivesError1045() throws Exception {
        Run run = runAs("wrong-password", "", "-e", "SELECT 1");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("ERROR 1045 (28000)").contains("Access denied for user 'app'");
    }

    /** The first column of the first row of a query run as root on the server itself. */
    private static String root(String sql) {
        return db.queryString(sql);
    }
}
