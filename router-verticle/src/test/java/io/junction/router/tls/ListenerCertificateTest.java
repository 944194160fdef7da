package io.junction.router.tls;

import io.junction.router.TestCertificates;
import io.junction.router.TestCertificates.Pair;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListenerCertificateTest {
    private static Vertx vertx;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        TestCertificates.assumeOpenssl();
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }

    @Test
    void loadsAnRsaPair() {
        Pair pair = TestCertificates.selfSigned(dir, "server", "junction-test", "DNS:localhost");

        ListenerCertificate loaded = ListenerCertificate.load(vertx, pair.certificate(), pair.key());

        assertThat(loaded.subject()).isEqualTo("CN=junction-test");
        assertThat(loaded.context().isServer()).isTrue();
    }

    @Test
    void loadsAnEcPairAndAPkcs1RsaKey() throws Exception {
        Path ecKey = dir.resolve("ec-key.pem");
        Path ecCert = dir.resolve("ec.pem");
        TestCertificates.run(dir, List.of("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-days", "7", "-subj", "/CN=ec", "-keyout", ecKey.toString(), "-out", ecCert.toString()));
        Pair rsa = TestCertificates.selfSigned(dir, "rsa", "rsa", null);
        Path pkcs1 = dir.resolve("rsa-pkcs1.pem");
        TestCertificates.run(dir, List.of("rsa", "-in", rsa.key().toString(), "-traditional", "-out", pkcs1.toString()));
        assertThat(Files.readString(pkcs1)).startsWith("-----BEGIN RSA PRIVATE KEY-----");

        assertThat(ListenerCertificate.load(vertx, ecCert, ecKey).subject()).isEqualTo("CN=ec");
        assertThat(ListenerCertificate.load(vertx, rsa.certificate(), pkcs1).subject()).isEqualTo("CN=rsa");
    }

    @Test
    void aKeyOfAnotherCertificateIsRefused() {
        Pair one = TestCertificates.selfSigned(dir, "one", "one", null);
        Pair two = TestCertificates.selfSigned(dir, "two", "two", null);

        assertThatThrownBy(() -> ListenerCertificate.load(vertx, one.certificate(), two.key()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the key in " + two.key() + " does not belong to the certificate in " + one.certificate());
    }

    @Test
    void aMissingOrBrokenFileIsNamed() throws Exception {
        Pair pair = TestCertificates.selfSigned(dir, "server", "s", null);
        Path missing = dir.resolve("missing.pem");
        Path broken = Files.writeString(dir.resolve("broken.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> ListenerCertificate.load(vertx, missing, pair.key())).hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> ListenerCertificate.load(vertx, pair.certificate(), broken))
                .hasMessageContaining(broken.toString()).hasMessageNotContaining("AAAA");
    }

    @Test
    void theStampChangesWhenAFileIsReplaced() throws Exception {
        Pair pair = TestCertificates.selfSigned(dir, "server", "s", null);
        ListenerCertificate.FileStamp before = ListenerCertificate.FileStamp.of(pair.certificate(), pair.key());

        Files.setLastModifiedTime(pair.key(), java.nio.file.attribute.FileTime.fromMillis(before.keyModified() + 1_000));

        assertThat(ListenerCertificate.FileStamp.of(pair.certificate(), pair.key())).isNotEqualTo(before);
    }
}
