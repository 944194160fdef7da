package io.junction.router.backend;

import io.junction.router.auth.BackendSecret;
import io.junction.router.auth.CachingSha2Password;
import io.junction.router.auth.NativePassword;
import io.junction.router.auth.RsaKeyPair;
import io.junction.router.auth.RsaPassword;
import io.junction.router.backend.BackendLogin.Done;
import io.junction.router.backend.BackendLogin.Failed;
import io.junction.router.backend.BackendLogin.Send;
import io.junction.router.backend.BackendLogin.StartTls;
import io.junction.router.backend.BackendLogin.Step;
import io.junction.router.protocol.AuthMoreData;
import io.junction.router.protocol.AuthSwitchRequest;
import io.junction.router.protocol.Capabilities;
import io.junction.router.protocol.CapturesTest;
import io.junction.router.protocol.HandshakeResponse41;
import io.junction.router.protocol.HandshakeV10;
import io.junction.router.protocol.OkPacket;
import io.junction.router.protocol.SslRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backend logins over TLS and caching_sha2_password's full authentication, fed hand-made packets of a MySQL 8
 * server (MariaDB has no caching_sha2_password server plugin, so no real server here can send them).
 */
class BackendLoginSecurityTest {
    private static final String PASSWORD = "junction-secret";
    private static final BackendSecret WITH_CLEAR = new BackendSecret(NativePassword.sha1(PASSWORD), PASSWORD);
    private static final BackendSecret NATIVE_ONLY = new BackendSecret(NativePassword.sha1(PASSWORD), null);
    private static final HandshakeV10 MARIADB = HandshakeV10.decode(CapturesTest.load("cli-login.hex").server().get(0).payload());
    private static final byte[] NONCE = HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f1011121314");
    /** A MySQL 8 greeting: caching_sha2_password, TLS offered. */
    private static final byte[] MYSQL8 = new HandshakeV10("8.0.36", 9, NONCE, MARIADB.capabilities() | Capabilities.CLIENT_SSL,
            255, MARIADB.statusFlags(), CachingSha2Password.NAME).encode();
    private static final byte[] OK = OkPacket.of(0).encode(Capabilities.CLIENT_PROTOCOL_41);

    @Test
    void tlsLoginSendsAnSslRequestWithTheResponsesFlagsThenTheResponse() {
        Step step = new BackendLogin("app", WITH_CLEAR, "shop", 45, 0, true).accept(MYSQL8);

        assertThat(step).isInstanceOfSatisfying(StartTls.class, start -> {
            SslRequest request = SslRequest.decode(start.sslRequest());
            HandshakeResponse41 response = HandshakeResponse41.decode(start.response());
            assertThat(request.wantsTls()).isTrue();
            assertThat(response.capabilities()).isEqualTo(request.capabilities());
            assertThat(response.characterSet()).isEqualTo(request.characterSet()).isEqualTo(45);
            assertThat(response.database()).isEqualTo("shop");
            assertThat(response.authResponse()).isEqualTo(CachingSha2Password.scramble(PASSWORD, NONCE));
        });
    }

    @Test
    void plainLoginsDoNotAskForTls() {
        Step step = new BackendLogin("app", WITH_CLEAR, null, 45, 0, false).accept(MYSQL8);

        assertThat(step).isInstanceOfSatisfying(Send.class, send ->
                assertThat(HandshakeResponse41.decode(send.payload()).capabilities() & Capabilities.CLIENT_SSL).isZero());
    }

    @Test
    void aServerThatOffersNoTlsFailsATlsLogin() {
        Step step = new BackendLogin("app", WITH_CLEAR, null, 45, 0, true).accept(MARIADB.encode());

        assertThat(step).isEqualTo(new Failed("backend 5.5.5-10.11.19-MariaDB-0+deb12u1 does not offer TLS, which its tls setting requires"));
    }

    @Test
    void fullAuthenticationOverTlsSendsTheNulTerminatedPassword() {
        BackendLogin login = new BackendLogin("app", WITH_CLEAR, null, 45, 0, true);
        login.accept(MYSQL8);

        Step step = login.accept(new AuthMoreData(new byte[] {CachingSha2Password.PERFORM_FULL_AUTHENTICATION}).encode());

        assertThat(step).isInstanceOfSatisfying(Send.class, send ->
                assertThat(send.payload()).isEqualTo((PASSWORD + "\0").getBytes(StandardCharsets.UTF_8)));
        assertThat(login.accept(OK)).isInstanceOf(Done.class);
    }

    @Test
    void fullAuthenticationOverPlainTcpAsksForTheKeyAndSendsThePasswordEncrypted() {
        RsaKeyPair server = RsaKeyPair.generate();
        BackendLogin login = new BackendLogin("app", WITH_CLEAR, null, 45, 0, false);
        login.accept(MYSQL8);

        Step askKey = login.accept(new AuthMoreData(new byte[] {CachingSha2Password.PERFORM_FULL_AUTHENTICATION}).encode());
        Step encrypted = login.accept(new AuthMoreData(server.publicKeyPem().getBytes(StandardCharsets.US_ASCII)).encode());

        assertThat(askKey).isInstanceOfSatisfying(Send.class, send -> assertThat(send.payload()).containsExactly(2));
        assertThat(encrypted).isInstanceOfSatisfying(Send.class, send -> {
            assertThat(send.payload()).hasSize(256);
            assertThat(RsaPassword.decrypt(send.payload(), NONCE, server.privateKey())).isEqualTo(PASSWORD);
        });
        assertThat(login.accept(OK)).isInstanceOf(Done.class);
    }

    @Test
    void theNonceOfAnAuthSwitchIsTheOneTheEncryptionUses() {
        RsaKeyPair server = RsaKeyPair.generate();
        byte[] switchNonce = HexFormat.of().parseHex("2122232425262728292a2b2c2d2e2f3031323334");
        BackendLogin login = new BackendLogin("app", WITH_CLEAR, null, 45, 0, false);
        login.accept(MARIADB.encode());
        login.accept(AuthSwitchRequest.forScramble(CachingSha2Password.NAME, switchNonce).encode());
        login.accept(new AuthMoreData(new byte[] {CachingSha2Password.PERFORM_FULL_AUTHENTICATION}).encode());

        Step encrypted = login.accept(new AuthMoreData(server.publicKeyPem().getBytes(StandardCharsets.US_ASCII)).encode());

        assertThat(encrypted).isInstanceOfSatisfying(Send.class, send ->
                assertThat(RsaPassword.decrypt(send.payload(), switchNonce, server.privateKey())).isEqualTo(PASSWORD));
    }

    @Test
    void fullAuthenticationWithOnlyTheHashFailsNamingTheUserNotThePassword() {
        BackendLogin login = new BackendLogin("app", NATIVE_ONLY, null, 45, 0, false);
        login.accept(MYSQL8);

        Step full = login.accept(new AuthMoreData(new byte[] {CachingSha2Password.PERFORM_FULL_AUTHENTICATION}).encode());

        assertThat(full).isInstanceOfSatisfying(Failed.class, failed -> assertThat(failed.reason())
                .contains("backend user app", "caching_sha2_password", "only its hash is configured")
                .doesNotContain(PASSWORD));
    }

    @Test
    void anUnusableServerKeyFails() {
        BackendLogin login = new BackendLogin("app", WITH_CLEAR, null, 45, 0, false);
        login.accept(MYSQL8);
        login.accept(new AuthMoreData(new byte[] {CachingSha2Password.PERFORM_FULL_AUTHENTICATION}).encode());

        Step step = login.accept(new AuthMoreData("not a key".getBytes(StandardCharsets.US_ASCII)).encode());

        assertThat(step).isInstanceOfSatisfying(Failed.class, failed ->
                assertThat(failed.reason()).startsWith("backend sent an unusable RSA public key"));
    }
}
