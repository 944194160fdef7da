package io.junction.router.backend;

import io.junction.config.JunctionConfig;
import io.junction.config.ServerConfig;
import io.junction.config.ServerTls;
import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbOptions;
import io.junction.router.TestCertificates;
import io.junction.router.TestCertificates.Pair;
import io.junction.router.TestJunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static io.junction.router.Sql.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * TLS from Junction to a real MariaDB started with a certificate signed by a test CA, for the name
 * {@code localhost} only: every mode that should connect does, and the server itself says the session is
 * encrypted ({@code Ssl_cipher}); a wrong CA or a host the certificate does not name fails the login.
 */
class BackendTlsTest {
    private static final String SSL_CIPHER =
            "SELECT VARIABLE_VALUE FROM information_schema.SESSION_STATUS WHERE VARIABLE_NAME = 'Ssl_cipher'";
    static Path dir;
    static Pair ca;
    static MariaDb db;

    @BeforeAll
    static void start() throws Exception {
        TestCertificates.assumeOpenssl();
        dir = Files.createTempDirectory("junction-backend-tls");
        ca = TestCertificates.selfSigned(dir, "ca", "Junction Test CA", null);
        Pair server = TestCertificates.signed(dir, "mariadb", "mariadb-test", "DNS:localhost", ca);
        db = MariaDb.start(MariaDbOptions.defaults()
                .withArg("--ssl-cert=" + server.certificate())
                .withArg("--ssl-key=" + server.key())
                .withArg("--ssl-ca=" + ca.certificate()));
        TestJunction.prepare(db);
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
    }

    /** The cipher of the backend session a query through Junction ran on; empty for plain TCP. */
    private static String cipherThrough(String host, ServerTls mode, String caFile) throws SQLException {
        JunctionConfig base = TestJunction.config(db, 4, 1);
        ServerConfig server = new ServerConfig(host, db.port(), 0, 1, 4, base.servers().get(0).status()).withTls(mode, caFile);
        try (TestJunction junction = TestJunction.start(base.withServers(List.of(server)));
             Connection c = junction.connect()) {
            return single(c, SSL_CIPHER);
        }
    }

    @Test
    void plainTcpIsNotEncrypted() throws Exception {
        assertThat(cipherThrough("127.0.0.1", ServerTls.OFF, null)).isEmpty();
    }

    @Test
    void requiredEncryptsWithoutCheckingTheCertificate() throws Exception {
        assertThat(cipherThrough("127.0.0.1", ServerTls.REQUIRED, null)).isNotEmpty();
    }

    @Test
    void verifyCaAcceptsACertificateOfTheCa() throws Exception {
        assertThat(cipherThrough("127.0.0.1", ServerTls.VERIFY_CA, ca.certificate().toString())).isNotEmpty();
    }

    @Test
    void verifyIdentityAcceptsTheNameTheCertificateGives() throws Exception {
        assertThat(cipherThrough("localhost", ServerTls.VERIFY_IDENTITY, ca.certificate().toString())).isNotEmpty();
    }

    @Test
    void verifyCaRefusesACertificateOfAnotherCa() {
        Pair stranger = TestCertificates.selfSigned(dir, "stranger-ca", "Stranger CA", null);

        SQLException e = catchThrowableOfType(SQLException.class,
                () -> cipherThrough("127.0.0.1", ServerTls.VERIFY_CA, stranger.certificate().toString()));

        assertThat((Throwable) e).as("the login should have failed").isNotNull();
        assertThat(e.getMessage()).contains("TLS (verify_ca)");
    }

    @Test
    void verifyIdentityRefusesAHostTheCertificateDoesNotName() {
        SQLException e = catchThrowableOfType(SQLException.class,
                () -> cipherThrough("127.0.0.1", ServerTls.VERIFY_IDENTITY, ca.certificate().toString()));

        assertThat((Throwable) e).as("the login should have failed").isNotNull();
        assertThat(e.getMessage()).contains("TLS (verify_identity)");
    }
}
