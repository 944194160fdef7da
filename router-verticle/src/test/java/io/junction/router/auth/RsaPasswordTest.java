package io.junction.router.auth;

import io.junction.router.TestCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The RSA step of caching_sha2_password, checked against OpenSSL (what MySQL servers and clients use). */
class RsaPasswordTest {
    private static final byte[] NONCE = HexFormat.of().parseHex("1112131415161718191a1b1c1d1e1f2021222324");
    private static final String PASSWORD = "pässwörd with a long tail, longer than the twenty-byte nonce";
    private static RsaKeyPair keys;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() {
        keys = RsaKeyPair.generate();
    }

    @Test
    void whatIsEncryptedDecryptsToThePassword() {
        byte[] encrypted = RsaPassword.encrypt(PASSWORD, NONCE, keys.publicKey());

        assertThat(encrypted).hasSize(keys.blockSize()).hasSize(256);
        assertThat(RsaPassword.decrypt(encrypted, NONCE, keys.privateKey())).isEqualTo(PASSWORD);
    }

    @Test
    void anotherNonceOrKeyOrGarbageDecryptsToNothing() {
        byte[] encrypted = RsaPassword.encrypt(PASSWORD, NONCE, keys.publicKey());
        byte[] otherNonce = NONCE.clone();
        otherNonce[0] ^= 1;

        assertThat(RsaPassword.decrypt(encrypted, otherNonce, keys.privateKey())).isNotEqualTo(PASSWORD);
        assertThat(RsaPassword.decrypt(encrypted, NONCE, RsaKeyPair.generate().privateKey())).isNull();
        assertThat(RsaPassword.decrypt(new byte[256], NONCE, keys.privateKey())).isNull();
        assertThat(RsaPassword.decrypt(new byte[3], NONCE, keys.privateKey())).isNull();
    }

    @Test
    void openSslDecryptsWhatJunctionSendsToBackends() throws Exception {
        TestCertificates.assumeOpenssl();
        Path key = TestCertificates.rsaKey(dir, "server", false);
        RsaKeyPair server = RsaKeyPair.fromPem(Files.readString(key));
        Path encrypted = Files.write(dir.resolve("encrypted.bin"), RsaPassword.encrypt(PASSWORD, NONCE, server.publicKey()));

        TestCertificates.run(dir, List.of("pkeyutl", "-decrypt", "-inkey", key.toString(), "-pkeyopt", "rsa_padding_mode:oaep",
                "-in", encrypted.toString(), "-out", dir.resolve("plain.bin").toString()));

        byte[] plain = NativePassword.xor(Files.readAllBytes(dir.resolve("plain.bin")), NONCE);
        assertThat(RsaPassword.fromNulTerminated(plain)).isEqualTo(PASSWORD);
    }

    @Test
    void junctionDecryptsWhatOpenSslEncryptsWithItsPublicKey() throws Exception {
        TestCertificates.assumeOpenssl();
        Path publicKey = Files.writeString(dir.resolve("public.pem"), keys.publicKeyPem());
        Path obfuscated = Files.write(dir.resolve("obfuscated.bin"), NativePassword.xor(RsaPassword.nulTerminated(PASSWORD), NONCE));

        TestCertificates.run(dir, List.of("pkeyutl", "-encrypt", "-pubin", "-inkey", publicKey.toString(),
                "-pkeyopt", "rsa_padding_mode:oaep", "-in", obfuscated.toString(), "-out", dir.resolve("encrypted.bin").toString()));

        assertThat(RsaPassword.decrypt(Files.readAllBytes(dir.resolve("encrypted.bin")), NONCE, keys.privateKey())).isEqualTo(PASSWORD);
    }

    @Test
    void publicKeyPemIsWhatOpenSslPrintsForThePrivateKey() throws Exception {
        TestCertificates.assumeOpenssl();
        for (boolean pkcs1 : new boolean[] {false, true}) {
            Path key = TestCertificates.rsaKey(dir, "key-" + pkcs1, pkcs1);
            String expected = TestCertificates.run(dir, List.of("pkey", "-in", key.toString(), "-pubout"));

            RsaKeyPair pair = RsaKeyPair.fromPem(Files.readString(key));

            assertThat(pair.publicKeyPem()).as(pkcs1 ? "PKCS#1" : "PKCS#8").isEqualTo(expected);
            assertThat(RsaPassword.parsePem(pair.publicKeyPem())).isEqualTo(pair.publicKey());
        }
    }

    @Test
    void keysThatAreNotRsaPrivateKeysAreRefusedWithoutQuotingThem() {
        assertThatThrownBy(() -> RsaKeyPair.fromPem("hello")).hasMessageContaining("no PEM private key");
        assertThatThrownBy(() -> RsaKeyPair.fromPem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
                .hasMessageStartingWith("not an RSA private key").hasMessageNotContaining("AAAA");
        assertThatThrownBy(() -> RsaPassword.parsePem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clearPasswordsAreNulTerminatedUtf8() {
        assertThat(RsaPassword.nulTerminated("é")).containsExactly(0xC3, 0xA9, 0);
        assertThat(RsaPassword.fromNulTerminated(new byte[] {'a', 'b', 0})).isEqualTo("ab");
        assertThat(RsaPassword.fromNulTerminated("ab".getBytes(StandardCharsets.UTF_8))).isNull();
    }
}
