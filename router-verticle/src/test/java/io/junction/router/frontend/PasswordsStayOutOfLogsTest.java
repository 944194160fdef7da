package io.junction.router.frontend;

import io.junction.config.JunctionConfig;
import io.junction.config.TlsConfig;
import io.junction.config.UserConfig;
import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import io.junction.router.CapturedLog;
import io.junction.router.RawClient;
import io.junction.router.TestCertificates;
import io.junction.router.TestCertificates.Pair;
import io.junction.router.TestJunction;
import io.junction.router.protocol.ErrPacket;
import io.vertx.core.Vertx;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.mysqlclient.MySQLAuthenticationPlugin;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.mysqlclient.MySQLConnection;
import io.vertx.mysqlclient.SslMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static io.junction.router.frontend.MultiplexingTest.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Right and wrong passwords through every login path (mysql_native_password, caching_sha2_password fast path, full
 * authentication over TLS and with RSA, a refused require_tls, a backend that refuses Junction), with Junction's
 * loggers at DEBUG: no password, right or wrong, appears in the log or in an error a client gets.
 */
@ExtendWith(MariaDbExtension.class)
class PasswordsStayOutOfLogsTest {
    private static final String NATIVE_PASSWORD = "Native-Secret-4711";
    private static final String SHA2_PASSWORD = "Sha2-Secret-4712";
    private static final String HASHED_PASSWORD = "Hashed-Secret-4713";
    private static final String STALE_PASSWORD = "Stale-Secret-4714";
    private static final String WRONG_PASSWORD = "Wrong-Secret-4715";

    @TempDir
    Path dir;

    @Test
    void noPasswordInTheLogOrInErrors(MariaDb db) throws Exception {
        TestCertificates.assumeOpenssl();
        Pair certificate = TestCertificates.selfSigned(dir, "junction", "junction-test", "IP:127.0.0.1");
        TestJunction.prepare(db);
        db.execute(
                "CREATE USER IF NOT EXISTS 'natv'@'%' IDENTIFIED BY '" + NATIVE_PASSWORD + "'", "GRANT ALL ON app.* TO 'natv'@'%'",
                "CREATE USER IF NOT EXISTS 'sha2'@'%' IDENTIFIED BY '" + SHA2_PASSWORD + "'", "GRANT ALL ON app.* TO 'sha2'@'%'",
                "CREATE USER IF NOT EXISTS 'hashed'@'%' IDENTIFIED BY '" + HASHED_PASSWORD + "'", "GRANT ALL ON app.* TO 'hashed'@'%'",
                "CREATE USER IF NOT EXISTS 'stale'@'%' IDENTIFIED BY 'changed-on-the-server'", "GRANT ALL ON app.* TO 'stale'@'%'");
        JunctionConfig base = TestJunction.config(db, 4, 1);
        List<UserConfig> users = new ArrayList<>(base.users());
        users.add(new UserConfig("natv", NATIVE_PASSWORD, null, 0, "app", 100, true).withAuthentication(UserConfig.NATIVE_PASSWORD, true));
        users.add(UserConfig.withPassword("sha2", SHA2_PASSWORD, "app").withAuthentication(UserConfig.CACHING_SHA2_PASSWORD, false));
        users.add(new UserConfig("hashed", null, db.queryString("SELECT PASSWORD('" + HASHED_PASSWORD + "')"), 0, "app", 100, true)
                .withAuthentication(UserConfig.CACHING_SHA2_PASSWORD, false));
        users.add(UserConfig.withPassword("stale", STALE_PASSWORD, "app"));
        JunctionConfig config = base.withUsers(users).withTls(new TlsConfig(true, certificate.certificate().toString(),
                certificate.key().toString(), 0, null));

        List<String> clientErrors = new ArrayList<>();
        String log;
        try (CapturedLog captured = new CapturedLog(); TestJunction junction = TestJunction.start(config)) {
            Vertx vertx = Vertx.vertx();
            try {
                for (String password : List.of(NATIVE_PASSWORD, WRONG_PASSWORD)) {
                    clientErrors.add(jdbc(junction, "natv", password, "sslMode=trust"));
                    clientErrors.add(rawPlain(junction, "natv", password));
                    clientErrors.add(vertx(vertx, junction, "sha2", password.equals(WRONG_PASSWORD) ? password : SHA2_PASSWORD, false));
                    clientErrors.add(vertx(vertx, junction, "hashed", password.equals(WRONG_PASSWORD) ? password : HASHED_PASSWORD, true));
                    clientErrors.add(vertx(vertx, junction, "hashed", password.equals(WRONG_PASSWORD) ? password : HASHED_PASSWORD, false));
                }
                clientErrors.add(jdbc(junction, "stale", STALE_PASSWORD, ""));
            } finally {
                await(vertx.close());
            }
            log = captured.text();
        }

        assertThat(log).as("the capture works: Junction's debug lines are in it")
                .contains("user hashed: More").contains("user natv: Accept");
        assertThat(clientErrors.get(clientErrors.size() - 1)).as("the backend refused the stale password")
                .contains("Access denied for user 'stale'");
        assertThat(clientErrors).as("the wrong logins failed").filteredOn(e -> e != null && e.contains("Access denied")).hasSizeGreaterThanOrEqualTo(6);
        for (String secret : List.of(NATIVE_PASSWORD, SHA2_PASSWORD, HASHED_PASSWORD, STALE_PASSWORD, WRONG_PASSWORD)) {
            assertThat(log).doesNotContain(secret);
            assertThat(clientErrors).noneMatch(e -> e != null && e.contains(secret));
        }
    }

    /** Null if the login and a query worked, else the error message. */
    private static String jdbc(TestJunction junction, String user, String password, String options) {
        try (var c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + junction.port() + "/app?user=" + user
                + "&password=" + password + (options.isEmpty() ? "" : "&" + options))) {
            c.createStatement().execute("SELECT 1");
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static String rawPlain(TestJunction junction, String user, String password) throws Exception {
        try (RawClient client = new RawClient(junction.port(), 5_000)) {
            byte[] answer = client.login(user, password, "app").payload();
            return ErrPacket.is(answer) ? ErrPacket.decode(answer).message() : null;
        }
    }

    private static String vertx(Vertx vertx, TestJunction junction, String user, String password, boolean tls) {
        MySQLConnectOptions options = new MySQLConnectOptions().setHost("127.0.0.1").setPort(junction.port()).setUser(user)
                .setPassword(password).setDatabase("app").setAuthenticationPlugin(MySQLAuthenticationPlugin.CACHING_SHA2_PASSWORD)
                .setSslMode(tls ? SslMode.REQUIRED : SslMode.DISABLED).setSslOptions(new ClientSSLOptions().setTrustAll(true));
        try {
            MySQLConnection connection = await(MySQLConnection.connect(vertx, options));
            await(connection.query("SELECT 1").execute());
            await(connection.close());
            return null;
        } catch (Exception e) {
            return String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        }
    }
}
