package io.junction.router.frontend;

import io.junction.config.JunctionConfig;
import io.junction.config.UserConfig;
import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import io.junction.router.CapturedLog;
import io.junction.router.RawClient;
import io.junction.router.TestJunction;
import io.junction.router.auth.Ed25519Password;
import io.junction.router.protocol.Capabilities;
import io.junction.router.protocol.ComChangeUser;
import io.junction.router.protocol.ComQuery;
import io.junction.router.protocol.ErrPacket;
import io.junction.router.protocol.OkPacket;
import io.junction.router.protocol.Packet;
import io.junction.router.protocol.TextResultRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.junction.router.Sql.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * MariaDB's ed25519 through Junction, against a real MariaDB with {@code auth_ed25519} installed, whose users are
 * all {@code IDENTIFIED VIA ed25519}:
 * <ul>
 * <li>toward the backend: a client that speaks only mysql_native_password to Junction, which signs MariaDB's nonce
 * with the configured clear password;</li>
 * <li>toward clients: MariaDB Connector/J and the {@code mariadb} CLI (with libmariadb's {@code client_ed25519.so})
 * logging in with client_ed25519, checked against the key derived from the clear password or against the
 * configured public key (as MariaDB stores it), and COM_CHANGE_USER to such a user (a raw client: no driver here
 * both changes user and speaks client_ed25519);</li>
 * <li>the clear errors where Junction has no password for the backend, and no password in the log or in errors.</li>
 * </ul>
 */
@ExtendWith(MariaDbExtension.class)
class Ed25519AuthenticationTest {
    /** Native toward Junction, ed25519 toward MariaDB. */
    private static final String BACKEND = "ed_backend";
    private static final String BACKEND_PASSWORD = "Ed-Backend-Secret-4721";
    /** ed25519 toward Junction (key from the clear password) and toward MariaDB. */
    private static final String BOTH = "ed_both";
    private static final String BOTH_PASSWORD = "Ed-Both-Secret-4722 ✓";
    /** ed25519 toward Junction with only the public key configured: MariaDB cannot be logged in to. */
    private static final String KEY_ONLY = "ed_key";
    private static final String KEY_ONLY_PASSWORD = "Ed-Key-Secret-4723";
    /** Native toward Junction with only the hash: MariaDB's ed25519 cannot be answered. */
    private static final String HASH_ONLY = "ed_hash";
    private static final String HASH_ONLY_PASSWORD = "Ed-Hash-Secret-4724";
    private static final String WRONG_PASSWORD = "Ed-Wrong-Secret-4725";
    private static final List<String> SECRETS = List.of(BACKEND_PASSWORD, BOTH_PASSWORD, KEY_ONLY_PASSWORD,
            HASH_ONLY_PASSWORD, WRONG_PASSWORD);

    private static final String CLI = "/usr/bin/mariadb";
    /** Where Debian's libmariadb3 puts its client plugins, and where a MariaDB server package puts its own. */
    private static final List<Path> CLIENT_PLUGIN_DIRS = List.of(Path.of("/usr/lib/x86_64-linux-gnu/libmariadb3/plugin"),
            Path.of("/usr/lib/aarch64-linux-gnu/libmariadb3/plugin"), Path.of("/usr/lib/mysql/plugin"));
    private static final long CLI_TIMEOUT_SECONDS = 20;

    private static MariaDb db;
    private static TestJunction junction;

    @TempDir
    Path dir;

    @BeforeAll
    static void start(MariaDb server) {
        db = server;
        TestJunction.prepare(db);
        db.execute("INSTALL SONAME 'auth_ed25519'");
        for (String[] user : new String[][] {{BACKEND, BACKEND_PASSWORD}, {BOTH, BOTH_PASSWORD},
            {KEY_ONLY, KEY_ONLY_PASSWORD}, {HASH_ONLY, HASH_ONLY_PASSWORD}}) {
            db.execute("CREATE USER '" + user[0] + "'@'%' IDENTIFIED VIA ed25519 USING PASSWORD('" + user[1] + "')",
                    "GRANT ALL ON app.* TO '" + user[0] + "'@'%'");
        }
        String storedKey = db.queryString("SELECT JSON_VALUE(Priv, '$.authentication_string') FROM mysql.global_priv"
                + " WHERE User = '" + KEY_ONLY + "'");
        String nativeHash = db.queryString("SELECT PASSWORD('" + HASH_ONLY_PASSWORD + "')");
        JunctionConfig base = TestJunction.config(db, 8, 1);
        List<UserConfig> users = new ArrayList<>(base.users());
        users.add(UserConfig.withPassword(BACKEND, BACKEND_PASSWORD, "app"));
        users.add(UserConfig.withPassword(BOTH, BOTH_PASSWORD, "app").withAuthentication(UserConfig.CLIENT_ED25519, false));
        users.add(UserConfig.withPassword(KEY_ONLY, null, "app").withPasswords(null, null, storedKey)
                .withAuthentication(UserConfig.CLIENT_ED25519, false));
        users.add(UserConfig.withPassword(HASH_ONLY, null, "app").withPasswords(null, nativeHash, null));
        junction = TestJunction.start(base.withUsers(users));
    }

    @AfterAll
    static void stop() {
        if (junction != null) {
            junction.close();
        }
    }

    @Test
    void theMariaDbUsersReallyAreEd25519Users() {
        assertThat(db.queryString("SELECT GROUP_CONCAT(DISTINCT plugin) FROM mysql.user WHERE User LIKE 'ed\\_%'"))
                .isEqualTo("ed25519");
    }

    @Test
    void aNativeClientReachesAnEd25519BackendThroughJunction() throws Exception {
        try (Connection c = mariadbConnector(BACKEND, BACKEND_PASSWORD, "mysql_native_password")) {
            assertThat(single(c, "SELECT CURRENT_USER()")).isEqualTo(BACKEND + "@%");
        }
    }

    @Test
    void mariadbConnectorLogsInWithEd25519() throws Exception {
        try (Connection c = mariadbConnector(BOTH, BOTH_PASSWORD, null)) {
            assertThat(single(c, "SELECT CURRENT_USER()")).isEqualTo(BOTH + "@%");
        }
        assertThat(refusal(BOTH, WRONG_PASSWORD).getErrorCode()).isEqualTo(1045);
    }

    @Test
    void theConfiguredPublicKeyChecksClientsButLogsInToNoBackend() {
        SQLException right = refusal(KEY_ONLY, KEY_ONLY_PASSWORD);
        SQLException wrong = refusal(KEY_ONLY, WRONG_PASSWORD);

        assertThat(right.getMessage()).as("Junction accepted the client, then had nothing to log in to MariaDB with")
                .contains("no password to log in to the backend as " + KEY_ONLY + ": only password_ed25519 is configured");
        assertThat(wrong.getErrorCode()).isEqualTo(1045);
    }

    @Test
    void aHashOnlyUserCannotAnswerAnEd25519Backend() {
        SQLException e = refusal(HASH_ONLY, HASH_ONLY_PASSWORD);

        assertThat(e.getMessage()).contains("backend user " + HASH_ONLY + " authenticates with client_ed25519, which"
                + " needs the clear password: only its hash is configured");
    }

    /**
     * libmariadb's {@code client_ed25519.so} refuses a nonce of any length but 32: this also checks that Junction
     * sends it bare, without the NUL that MySQL's plugins get.
     */
    @Test
    void mariadbCliLogsInWithEd25519() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(CLI)), CLI + " is not installed");
        Path pluginDir = CLIENT_PLUGIN_DIRS.stream().filter(d -> Files.exists(d.resolve("client_ed25519.so"))).findFirst()
                .orElseThrow(() -> new AssertionError("client_ed25519.so is in none of " + CLIENT_PLUGIN_DIRS));

        Cli ok = cli(pluginDir, BOTH, BOTH_PASSWORD);
        Cli denied = cli(pluginDir, BOTH, WRONG_PASSWORD);

        assertThat(ok.exitCode()).as(ok.stderr()).isZero();
        assertThat(ok.stdout()).isEqualTo(BOTH + "@%\n");
        assertThat(denied.exitCode()).isEqualTo(1);
        assertThat(denied.stderr()).contains("ERROR 1045 (28000): Access denied for user '" + BOTH + "'");
    }

    @Test
    void changeUserToAnEd25519User() throws Exception {
        try (RawClient client = new RawClient(junction.port(), 5_000)) {
            assertThat(OkPacket.is(client.login(TestJunction.USER, TestJunction.PASSWORD, "app").payload())).isTrue();

            Packet answer = changeUser(client, BOTH, BOTH_PASSWORD);

            assertThat(OkPacket.is(answer.payload())).as("OK after the signature").isTrue();
            client.send(0, ComQuery.of("SELECT CURRENT_USER()").encode());
            List<Packet> result = List.of(client.read(), client.read(), client.read(), client.read(), client.read());
            assertThat(TextResultRow.decode(result.get(3).payload())).containsExactly(BOTH + "@%");
        }
    }

    @Test
    void changeUserWithAWrongPasswordIsRefusedAndClosed() throws Exception {
        try (RawClient client = new RawClient(junction.port(), 5_000)) {
            client.login(TestJunction.USER, TestJunction.PASSWORD, "app");

            Packet answer = changeUser(client, BOTH, WRONG_PASSWORD);

            assertThat(ErrPacket.is(answer.payload())).isTrue();
            assertThat(ErrPacket.decode(answer.payload()).code()).isEqualTo(1045);
            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void noPasswordInTheLogOrInErrors() throws Exception {
        List<String> errors = new ArrayList<>();
        String log;
        try (CapturedLog captured = new CapturedLog()) {
            for (String[] login : new String[][] {{BACKEND, BACKEND_PASSWORD}, {BACKEND, WRONG_PASSWORD},
                {BOTH, BOTH_PASSWORD}, {BOTH, WRONG_PASSWORD}, {KEY_ONLY, KEY_ONLY_PASSWORD}, {KEY_ONLY, WRONG_PASSWORD},
                {HASH_ONLY, HASH_ONLY_PASSWORD}}) {
                try (Connection c = mariadbConnector(login[0], login[1], null)) {
                    single(c, "SELECT 1");
                } catch (SQLException e) {
                    errors.add(e.getMessage());
                }
            }
            log = captured.text();
        }

        assertThat(log).as("the capture works: Junction's debug lines are in it").contains("user " + BOTH + ": Switch");
        assertThat(errors).as("three wrong passwords, a key-only user and a hash-only user").hasSize(5);
        for (String secret : SECRETS) {
            assertThat(log).doesNotContain(secret);
            assertThat(errors).noneMatch(e -> e.contains(secret));
        }
    }

    /** MariaDB Connector/J through Junction, allowed only {@code plugin} (any when null). */
    private static Connection mariadbConnector(String user, String password, String plugin) throws SQLException {
        String url = "jdbc:mariadb://127.0.0.1:" + junction.port() + "/app" + (plugin == null ? "" : "?restrictedAuth=" + plugin);
        return DriverManager.getConnection(url, user, password);
    }

    private static SQLException refusal(String user, String password) {
        SQLException e = catchThrowableOfType(SQLException.class, () -> mariadbConnector(user, password, null).close());
        assertThat((Throwable) e).as("the login as %s should have failed", user).isNotNull();
        return e;
    }

    /**
     * COM_CHANGE_USER to {@code user}, answering Junction's switch to client_ed25519 with the signature of its
     * nonce; returns Junction's verdict.
     */
    private static Packet changeUser(RawClient client, String user, String password) throws IOException {
        int capabilities = Capabilities.CLIENT_PROTOCOL_41 | Capabilities.CLIENT_SECURE_CONNECTION
                | Capabilities.CLIENT_PLUGIN_AUTH;
        client.send(0, new ComChangeUser(user, new byte[0], "app", 45, "mysql_native_password").encode(capabilities));
        Packet request = client.read();
        byte[] header = concat(new byte[] {(byte) 0xFE}, (Ed25519Password.NAME + "\0").getBytes(StandardCharsets.US_ASCII));
        byte[] payload = request.payload();
        assertThat(Arrays.copyOf(payload, header.length)).as("an AuthSwitchRequest to client_ed25519").isEqualTo(header);
        assertThat(payload.length - header.length).as("a bare 32-byte nonce").isEqualTo(Ed25519Password.NONCE_LENGTH);
        byte[] nonce = Arrays.copyOfRange(payload, header.length, payload.length);
        client.send(request.nextSequenceId(), Ed25519Password.sign(password.getBytes(StandardCharsets.UTF_8), nonce));
        return client.read();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** What a finished {@code mariadb} run left behind. */
    private record Cli(int exitCode, String stdout, String stderr) {
    }

    private Cli cli(Path pluginDir, String user, String password) throws Exception {
        List<String> command = List.of(CLI, "--no-defaults", "--plugin-dir=" + pluginDir, "-h", "127.0.0.1",
                "-P", String.valueOf(junction.port()), "-u", user, "-p" + password, "-N", "-B",
                "-e", "SELECT CURRENT_USER()", "app");
        File out = dir.resolve("stdout.txt").toFile();
        File err = dir.resolve("stderr.txt").toFile();
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out).redirectError(err).start();
        if (!process.waitFor(CLI_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            fail("mariadb did not finish within " + CLI_TIMEOUT_SECONDS + " s; stderr: " + Files.readString(err.toPath()));
        }
        return new Cli(process.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }
}
