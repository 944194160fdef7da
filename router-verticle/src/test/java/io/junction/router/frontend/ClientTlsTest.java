package io.junction.router.frontend;

import io.junction.config.JunctionConfig;
import io.junction.config.TlsConfig;
import io.junction.config.UserConfig;
import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import io.junction.router.RawClient;
import io.junction.router.TestCertificates;
import io.junction.router.TestCertificates.Pair;
import io.junction.router.TestJunction;
import io.junction.router.TlsRawClient;
import io.junction.router.auth.NativePassword;
import io.junction.router.protocol.Capabilities;
import io.junction.router.protocol.ErrPacket;
import io.junction.router.protocol.HandshakeResponse41;
import io.junction.router.protocol.OkPacket;
import io.junction.router.protocol.Packet;
import io.junction.router.protocol.SslRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.junction.router.Sql.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * TLS toward clients with real drivers through Junction to a real MariaDB: the {@code mariadb} CLI, both JDBC
 * drivers verifying Junction's certificate, a user that requires TLS, and what a client that glues its ClientHello
 * to its SSLRequest, or sends garbage instead, gets.
 */
@ExtendWith(MariaDbExtension.class)
class ClientTlsTest {
    private static final String CLI = "/usr/bin/mariadb";
    static Path dir;
    static Pair certificate;
    static TestJunction junction;

    @BeforeAll
    static void start(MariaDb db) throws Exception {
        TestCertificates.assumeOpenssl();
        dir = Files.createTempDirectory("junction-tls");
        certificate = TestCertificates.selfSigned(dir, "junction", "junction-test", "IP:127.0.0.1,DNS:localhost");
        TestJunction.prepare(db);
        db.execute("CREATE USER IF NOT EXISTS 'secure'@'%' IDENTIFIED BY 'securepw'", "GRANT ALL ON app.* TO 'secure'@'%'");
        junction = TestJunction.start(db, config -> withTls(config, certificate));
    }

    /** {@code config} with TLS on and the user {@code secure} (password {@code securepw}), who requires it. */
    static JunctionConfig withTls(JunctionConfig config, Pair pair) {
        List<UserConfig> users = new ArrayList<>(config.users());
        users.add(new UserConfig("secure", "securepw", null, 0, "app", 100, true).withAuthentication(UserConfig.NATIVE_PASSWORD, true));
        return config.withTls(new TlsConfig(true, pair.certificate().toString(), pair.key().toString(), 0, null)).withUsers(users);
    }

    @AfterAll
    static void stop() {
        if (junction != null) {
            junction.close();
        }
    }

    @Test
    void theGreetingOffersTls() throws Exception {
        try (TlsRawClient client = new TlsRawClient(junction.port())) {
            assertThat(client.startTls(false).capabilities() & Capabilities.CLIENT_SSL).isEqualTo(Capabilities.CLIENT_SSL);
            assertThat(client.peerCertificate().getSubjectX500Principal().getName()).isEqualTo("CN=junction-test");
        }
    }

    @Test
    void mariadbCliConnectsOverTlsAndVerifiesTheCertificate() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(CLI)), CLI + " is not installed");

        String status = cli("--ssl", "--ssl-ca=" + certificate.certificate(), "--ssl-verify-server-cert", "-e", "status; SELECT CURRENT_USER()");

        assertThat(status).containsPattern("SSL:\\s+Cipher in use is \\S+").contains("app@%");
    }

    @Test
    void mariadbConnectorVerifiesJunctionsCertificate() throws Exception {
        try (Connection c = DriverManager.getConnection(junction.mariadbUrl("sslMode=verify-ca&serverSslCert=" + certificate.certificate()))) {
            assertThat(single(c, "SELECT CURRENT_USER()")).isEqualTo("app@%");
        }
        Pair stranger = TestCertificates.selfSigned(dir, "stranger", "stranger", "IP:127.0.0.1");
        SQLException refused = catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(
                junction.mariadbUrl("sslMode=verify-ca&serverSslCert=" + stranger.certificate())));
        assertThat((Throwable) refused).as("a certificate Junction does not present fails verification").isNotNull();
    }

    @Test
    void mysqlConnectorVerifiesJunctionsCertificateFromATrustStore() throws Exception {
        Path trustStore = trustStore(certificate.certificate());
        String url = "jdbc:mysql://127.0.0.1:" + junction.port() + "/app?user=app&password=apppw&sslMode=VERIFY_CA"
                + "&trustCertificateKeyStoreUrl=" + trustStore.toUri() + "&trustCertificateKeyStoreType=PKCS12"
                + "&trustCertificateKeyStorePassword=changeit";
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(single(c, "SELECT CURRENT_USER()")).isEqualTo("app@%");
        }
    }

    @Test
    void aUserThatRequiresTlsIsRefusedOnPlainTcpAndServedOverTls() throws Exception {
        try (RawClient plain = new RawClient(junction.port(), 5_000)) {
            Packet answer = plain.login("secure", "securepw", "app");
            assertThat(ErrPacket.is(answer.payload())).isTrue();
            ErrPacket error = ErrPacket.decode(answer.payload());
            assertThat(error.code()).isEqualTo(1045);
            assertThat(error.sqlState()).isEqualTo("28000");
            assertThat(error.message()).isEqualTo("Access denied for user 'secure'@'127.0.0.1' (using password: YES): TLS required for this user");
        }
        try (RawClient wrongPassword = new RawClient(junction.port(), 5_000)) {
            assertThat(ErrPacket.decode(wrongPassword.login("secure", "nope", "app").payload()).message())
                    .as("no hint for someone without the password").doesNotContain("TLS");
        }
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + junction.port()
                + "/app?user=secure&password=securepw&sslMode=trust")) {
            assertThat(single(c, "SELECT CURRENT_USER()")).isEqualTo("secure@%");
        }
    }

    @Test
    void changingToAUserThatRequiresTlsNeedsTlsToo() throws Exception {
        try (Connection plain = DriverManager.getConnection(junction.mysqlUrl(""))) {
            SQLException e = catchThrowableOfType(SQLException.class,
                    () -> plain.unwrap(com.mysql.cj.jdbc.JdbcConnection.class).changeUser("secure", "securepw"));
            assertThat(e.getErrorCode()).isEqualTo(1045);
            assertThat(e.getMessage()).endsWith("TLS required for this user");
        }
        String overTls = "jdbc:mysql://127.0.0.1:" + junction.port() + "/app?user=app&password=apppw&sslMode=REQUIRED";
        try (Connection tls = DriverManager.getConnection(overTls)) {
            tls.unwrap(com.mysql.cj.jdbc.JdbcConnection.class).changeUser("secure", "securepw");
            assertThat(single(tls, "SELECT CURRENT_USER()")).isEqualTo("secure@%");
        }
    }

    /** Regression: bytes read together with the SSLRequest are the ClientHello, and must reach the TLS handler. */
    @Test
    void aClientHelloGluedToTheSslRequestStillStartsTls() throws Exception {
        try (TlsRawClient client = new TlsRawClient(junction.port())) {
            client.startTls(true);
            assertThat(login(client, TestJunction.USER, TestJunction.PASSWORD)).satisfies(ok -> assertThat(OkPacket.is(ok.payload())).isTrue());
        }
    }

    @Test
    void garbageInsteadOfATlsHandshakeClosesTheConnectionAndTheNodeServesOn() throws Exception {
        try (RawClient client = new RawClient(junction.port(), 5_000)) {
            client.read();
            int capabilities = Capabilities.CLIENT_PROTOCOL_41 | Capabilities.CLIENT_SECURE_CONNECTION | Capabilities.CLIENT_SSL;
            client.send(1, new SslRequest(capabilities, 1 << 24, 45, 0).encode());
            client.sendRaw("GET / HTTP/1.1\r\nHost: junction\r\n\r\n".repeat(20).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(client.closedByServer()).isTrue();
        }
        try (Connection c = junction.connect()) {
            assertThat(single(c, "SELECT 1")).isEqualTo("1");
        }
    }

    @Test
    void anSslRequestToAListenerWithoutTlsIsRefused(MariaDb db) throws Exception {
        try (TestJunction plain = TestJunction.start(db); RawClient client = new RawClient(plain.port(), 5_000)) {
            assertThat(client.read().payload()).isNotEmpty();
            client.send(1, new SslRequest(Capabilities.CLIENT_PROTOCOL_41 | Capabilities.CLIENT_SSL, 1 << 24, 45, 0).encode());
            ErrPacket error = client.readError();
            assertThat(error.code()).isEqualTo(1043);
            assertThat(error.message()).isEqualTo("Bad handshake: TLS is not enabled on this Junction listener");
        }
    }

    @Test
    void aListenerWhoseCertificateCannotBeReadDoesNotStart(MariaDb db) {
        Path missing = dir.resolve("missing.pem");
        JunctionConfig config = TestJunction.config(db, 4, 1)
                .withTls(new TlsConfig(true, missing.toString(), certificate.key().toString(), 0, null));

        IllegalStateException e = catchThrowableOfType(IllegalStateException.class, () -> TestJunction.start(config).close());

        assertThat(e).hasRootCauseInstanceOf(java.nio.file.NoSuchFileException.class);
        assertThat(e.getCause()).hasMessageContaining("tls: cannot read " + missing);
    }

    /** Logs in over an established TLS connection with mysql_native_password; returns the server's answer. */
    static Packet login(TlsRawClient client, String user, String password) throws Exception {
        int capabilities = Capabilities.CLIENT_PROTOCOL_41 | Capabilities.CLIENT_SECURE_CONNECTION | Capabilities.CLIENT_PLUGIN_AUTH
                | Capabilities.CLIENT_SSL | Capabilities.CLIENT_TRANSACTIONS;
        byte[] reply = NativePassword.scramble(NativePassword.sha1(password), client.greeting().authPluginData());
        client.send(2, new HandshakeResponse41(capabilities, 1 << 24, 45, user, reply, null, NativePassword.NAME, Map.of()).encode());
        return client.read();
    }

    private static Path trustStore(Path pem) throws Exception {
        X509Certificate cert;
        try (var in = Files.newInputStream(pem)) {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("junction", cert);
        Path file = dir.resolve("truststore.p12");
        try (FileOutputStream out = new FileOutputStream(file.toFile())) {
            store.store(out, "changeit".toCharArray());
        }
        return file;
    }

    private static String cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(CLI, "--no-defaults", "-h", "127.0.0.1", "-P", String.valueOf(junction.port()),
                "-u", TestJunction.USER, "-p" + TestJunction.PASSWORD));
        command.addAll(List.of(args));
        command.add(TestJunction.SCHEMA);
        File out = dir.resolve("cli.out").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out).start();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("mariadb did not finish: " + Files.readString(out.toPath()));
        }
        String output = Files.readString(out.toPath());
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
