package io.junction.router.tls;

import io.junction.config.TlsConfig;
import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import io.junction.router.TestCertificates;
import io.junction.router.TestCertificates.Pair;
import io.junction.router.TestJunction;
import io.junction.router.TlsRawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;

import static io.junction.router.Sql.single;
import static org.assertj.core.api.Assertions.assertThat;

/** A certificate replaced on disk is presented to new connections without a restart; open connections go on. */
@ExtendWith(MariaDbExtension.class)
class CertificateReloadTest {
    private static final long RELOAD_MS = 100;
    private static final long DEADLINE_MS = 10_000;

    @TempDir
    Path dir;

    @Test
    void newConnectionsGetTheReplacedCertificate(MariaDb db) throws Exception {
        TestCertificates.assumeOpenssl();
        Path live = Files.createDirectory(dir.resolve("live"));
        Pair first = TestCertificates.selfSigned(dir, "first", "first-certificate", "IP:127.0.0.1");
        Pair second = TestCertificates.selfSigned(dir, "second", "second-certificate", "IP:127.0.0.1");
        Path certificate = Files.copy(first.certificate(), live.resolve("cert.pem"));
        Path key = Files.copy(first.key(), live.resolve("key.pem"));
        TestJunction.prepare(db);

        try (TestJunction junction = TestJunction.start(db, config -> config.withTls(
                new TlsConfig(true, certificate.toString(), key.toString(), RELOAD_MS, null)));
             Connection before = DriverManager.getConnection(junction.mariadbUrl("sslMode=trust"))) {
            assertThat(subject(junction)).isEqualTo("CN=first-certificate");

            replace(second.key(), key);
            replace(second.certificate(), certificate);

            long deadline = System.nanoTime() + DEADLINE_MS * 1_000_000;
            String seen = subject(junction);
            while (!seen.equals("CN=second-certificate") && System.nanoTime() < deadline) {
                seen = subject(junction);
            }
            assertThat(seen).as("within " + DEADLINE_MS + " ms").isEqualTo("CN=second-certificate");
            assertThat(single(before, "SELECT 'still served'")).isEqualTo("still served");
        }
    }

    /** The subject of the certificate a new TLS connection is shown. */
    private static String subject(TestJunction junction) throws Exception {
        try (TlsRawClient client = new TlsRawClient(junction.port())) {
            client.startTls(false);
            return client.peerCertificate().getSubjectX500Principal().getName();
        }
    }

    /** As a deployment tool would: write next to the file, then rename over it. */
    private static void replace(Path source, Path target) throws Exception {
        Path temporary = target.resolveSibling(target.getFileName() + ".new");
        Files.copy(source, temporary);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
