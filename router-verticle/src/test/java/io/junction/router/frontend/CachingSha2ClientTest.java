package io.junction.router.frontend;

import io.junction.config.JunctionConfig;
import io.junction.config.TlsConfig;
import io.junction.config.UserConfig;
import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import io.junction.router.TestCertificates;
import io.junction.router.TestCertificates.Pair;
import io.junction.router.TestJunction;
import io.junction.router.auth.RsaKeyPair;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.mysqlclient.MySQLAuthOptions;
import io.vertx.mysqlclient.MySQLAuthenticationPlugin;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.mysqlclient.MySQLConnection;
import io.vertx.mysqlclient.MySQLException;
import io.vertx.mysqlclient.SslMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

import static io.junction.router.Sql.single;
import static io.junction.router.frontend.MultiplexingTest.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * caching_sha2_password toward clients with vertx-mysql-client: the fast path for a user whose clear password is
 * configured, and full authentication for one configured with only its mysql_native_password hash, over TLS (the
 * password in clear) and over plain TCP (RSA: the client asks for Junction's key, or has it already), plus
 * COM_CHANGE_USER to such a user; MariaDB Connector/J too. Junction then logs in to MariaDB with
 * mysql_native_password, as always.
 */
@ExtendWith(MariaDbExtension.class)
class CachingSha2ClientTest {
    private static final String HASHED = "sha2hash";
    /** ASCII: vertx-mysql-client's COM_CHANGE_USER writes the password's length in characters, not bytes. */
    private static final String HASHED_PASSWORD = "hashpw-42";
    private static final String CLEAR = "sha2clear";
    private static final String CLEAR_PASSWORD = "clearpw";
    static Path dir;
    static Pair certificate;
    static RsaKeyPair rsa;
    static TestJunction junction;
    static Vertx vertx;

    @BeforeAll
    static void start(MariaDb db) throws Exception {
        TestCertificates.assumeOpenssl();
        dir = Files.createTempDirectory("junction-sha2");
        certificate = TestCertificates.selfSigned(dir, "junction", "junction-test", "IP:127.0.0.1");
        Path rsaKey = TestCertificates.rsaKey(dir, "rsa", true);
        rsa = RsaKeyPair.fromPem(Files.readString(rsaKey));
        TestJunction.prepare(db);
        db.execute("CREATE USER IF NOT EXISTS '" + HASHED + "'@'%' IDENTIFIED BY '" + HASHED_PASSWORD + "'",
                "GRANT ALL ON app.* TO '" + HASHED + "'@'%'",
                "CREATE USER IF NOT EXISTS '" + CLEAR + "'@'%' IDENTIFIED BY '" + CLEAR_PASSWORD + "'",
                "GRANT ALL ON app.* TO '" + CLEAR + "'@'%'");
        String hash = db.queryString("SELECT PASSWORD('" + HASHED_PASSWORD + "')");
        JunctionConfig base = TestJunction.config(db, 8, 1);
        List<UserConfig> users = new ArrayList<>(base.users());
        users.add(new UserConfig(HASHED, null, hash, 0, "app", 100, true).withAuthentication(UserConfig.CACHING_SHA2_PASSWORD, false));
        users.add(UserConfig.withPassword(CLEAR, CLEAR_PASSWORD, "app").withAuthentication(UserConfig.CACHING_SHA2_PASSWORD, false));
        junction = TestJunction.start(base.withUsers(users).withTls(new TlsConfig(true, certificate.certificate().toString(),
                certificate.key().toString(), 0, rsaKey.toString())));
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        if (junction != null) {
            junction.close();
            vertx.close();
        }
    }

    private static MySQLConnectOptions options(String user, String password) {
        return new MySQLConnectOptions().setHost("127.0.0.1").setPort(junction.port()).setUser(user).setPassword(password)
                .setDatabase("app").setAuthenticationPlugin(MySQLAuthenticationPlugin.CACHING_SHA2_PASSWORD)
                .setSslMode(SslMode.DISABLED);
    }

    private static MySQLConnectOptions overTls(MySQLConnectOptions options) {
        return options.setSslMode(SslMode.VERIFY_CA)
                .setSslOptions(new ClientSSLOptions().setTrustOptions(new PemTrustOptions().addCertPath(certificate.certificate().toString())));
    }

    private static String currentUser(MySQLConnectOptions options) throws Exception {
        MySQLConnection connection = await(MySQLConnection.connect(vertx, options));
        try {
            assertThat(connection.isSSL()).isEqualTo(options.getSslMode() != SslMode.DISABLED);
            return await(connection.query("SELECT CURRENT_USER()").execute()).iterator().next().getString(0);
        } finally {
            await(connection.close());
        }
    }

    private static int refusal(MySQLConnectOptions options) {
        ExecutionException e = catchThrowableOfType(ExecutionException.class, () -> currentUser(options));
        assertThat(e).as("login should have failed").isNotNull();
        assertThat(e.getCause()).isInstanceOf(MySQLException.class);
        return ((MySQLException) e.getCause()).getErrorCode();
    }

    @Test
    void fastPathForAUserWithItsClearPassword() throws Exception {
        assertThat(currentUser(options(CLEAR, CLEAR_PASSWORD))).isEqualTo(CLEAR + "@%");
        assertThat(currentUser(overTls(options(CLEAR, CLEAR_PASSWORD)))).isEqualTo(CLEAR + "@%");
        assertThat(refusal(options(CLEAR, "wrong"))).isEqualTo(1045);
    }

    @Test
    void fullAuthenticationOverTlsWithOnlyTheHash() throws Exception {
        assertThat(currentUser(overTls(options(HASHED, HASHED_PASSWORD)))).isEqualTo(HASHED + "@%");
        assertThat(refusal(overTls(options(HASHED, "wrong")))).isEqualTo(1045);
    }

    @Test
    void fullAuthenticationOverPlainTcpWithTheKeyTheClientAsksFor() throws Exception {
        assertThat(currentUser(options(HASHED, HASHED_PASSWORD))).isEqualTo(HASHED + "@%");
        assertThat(refusal(options(HASHED, "wrong"))).isEqualTo(1045);
    }

    @Test
    void fullAuthenticationOverPlainTcpWithTheConfiguredKeyGivenToTheClient() throws Exception {
        MySQLConnectOptions options = options(HASHED, HASHED_PASSWORD).setServerRsaPublicKeyValue(Buffer.buffer(rsa.publicKeyPem()));

        assertThat(currentUser(options)).isEqualTo(HASHED + "@%");
        assertThat(refusal(new MySQLConnectOptions(options).setPassword("wrong"))).isEqualTo(1045);
    }

    @Test
    void aClientWithAnotherPublicKeyIsRefused() {
        MySQLConnectOptions options = options(HASHED, HASHED_PASSWORD)
                .setServerRsaPublicKeyValue(Buffer.buffer(RsaKeyPair.generate().publicKeyPem()));

        assertThat(refusal(options)).isEqualTo(1045);
    }

    @Test
    void mariadbConnectorDoesFullAuthenticationOverTlsAndWithRsa() throws Exception {
        String url = "jdbc:mariadb://127.0.0.1:" + junction.port() + "/app?user=" + HASHED + "&password=" + HASHED_PASSWORD;
        for (String options : List.of("&sslMode=verify-ca&serverSslCert=" + certificate.certificate(), "&allowPublicKeyRetrieval=true")) {
            try (Connection c = DriverManager.getConnection(url + options)) {
                assertThat(single(c, "SELECT CURRENT_USER()")).as(options).isEqualTo(HASHED + "@%");
            }
        }
    }

    @Test
    void changeUserToAHashOnlySha2UserOverTls() throws Exception {
        MySQLConnection connection = await(MySQLConnection.connect(vertx, overTls(options(CLEAR, CLEAR_PASSWORD))));
        try {
            await(connection.changeUser(new MySQLAuthOptions().setUser(HASHED).setPassword(HASHED_PASSWORD).setDatabase("app")));
            assertThat(await(connection.query("SELECT CURRENT_USER()").execute()).iterator().next().getString(0))
                    .isEqualTo(HASHED + "@%");
        } finally {
            await(connection.close());
        }
    }
}
