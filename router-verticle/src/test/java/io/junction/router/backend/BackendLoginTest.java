package io.junction.router.backend;

import io.junction.router.auth.BackendSecret;
import io.junction.router.auth.Ed25519Password;
import io.junction.router.backend.BackendLogin.Done;
import io.junction.router.backend.BackendLogin.Failed;
import io.junction.router.backend.BackendLogin.Send;
import io.junction.router.backend.BackendLogin.Step;
import io.junction.router.backend.BackendLogin.Wait;
import io.junction.router.protocol.AuthMoreData;
import io.junction.router.protocol.AuthSwitchRequest;
import io.junction.router.protocol.Capabilities;
import io.junction.router.protocol.CapturesTest;
import io.junction.router.protocol.CapturesTest.Capture;
import io.junction.router.protocol.ErrPacket;
import io.junction.router.protocol.HandshakeResponse41;
import io.junction.router.protocol.HandshakeV10;
import io.junction.router.protocol.MysqlError;
import io.junction.router.protocol.PacketWriter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class BackendLoginTest {
    private static final String PASSWORD = "junction-secret";
    private static final BackendSecret NATIVE_ONLY = new BackendSecret(digest("SHA-1", bytes(PASSWORD)), null);
    private static final BackendSecret WITH_CLEAR = new BackendSecret(digest("SHA-1", bytes(PASSWORD)), PASSWORD);
    private static final Capture CLI_LOGIN = CapturesTest.load("cli-login.hex");
    private static final byte[] GREETING = CLI_LOGIN.server().get(0).payload();
    private static final byte[] LOGIN_OK = CLI_LOGIN.server().get(1).payload();

    @Test
    void answersTheGreetingWithANativeHandshakeResponse() {
        BackendLogin login = new BackendLogin("app", NATIVE_ONLY, null, 45, 0);

        HandshakeResponse41 response = response(login.accept(GREETING));

        byte[] nonce = HexFormat.of().parseHex("6c68486d6d59582f7e515743273a2d7071662d49");
        assertThat(response.username()).isEqualTo("app");
        assertThat(response.authPluginName()).isEqualTo("mysql_native_password");
        assertThat(response.authResponse()).isEqualTo(nativeScramble(nonce));
        assertThat(response.characterSet()).isEqualTo(45);
        assertThat(response.database()).isNull();
        int capabilities = response.capabilities();
        assertThat(capabilities & ~0x81FFF7FE).as("only flags the server offered").isZero();
        for (int flag : new int[] {Capabilities.CLIENT_PROTOCOL_41, Capabilities.CLIENT_SECURE_CONNECTION,
            Capabilities.CLIENT_PLUGIN_AUTH, Capabilities.CLIENT_SESSION_TRACK, Capabilities.CLIENT_MULTI_RESULTS,
            Capabilities.CLIENT_TRANSACTIONS}) {
            assertThat(capabilities & flag).as("flag 0x%08X", flag).isEqualTo(flag);
        }
        for (int flag : new int[] {Capabilities.CLIENT_CONNECT_WITH_DB, Capabilities.CLIENT_DEPRECATE_EOF,
            Capabilities.CLIENT_MULTI_STATEMENTS, Capabilities.CLIENT_SSL, Capabilities.CLIENT_COMPRESS}) {
            assertThat(capabilities & flag).as("flag 0x%08X", flag).isZero();
        }
    }

    @Test
    void okAfterTheResponseIsDone() {
        BackendLogin login = new BackendLogin("app", NATIVE_ONLY, null, 45, 0);
        int sent = response(login.accept(GREETING)).capabilities();

        Step step = login.accept(LOGIN_OK);

        assertThat(step).isInstanceOfSatisfying(Done.class, done -> {
            assertThat(done.capabilities()).isEqualTo(sent);
            assertThat(done.greeting().serverVersion()).isEqualTo("5.5.5-10.11.19-MariaDB-0+deb12u1");
        });
        assertThat(login.accept(LOGIN_OK)).isEqualTo(new Failed("packet after login"));
    }

    @Test
    void schemaIsSentWithConnectWithDb() {
        HandshakeResponse41 response = response(new BackendLogin("app", NATIVE_ONLY, "shop", 45, 0).accept(GREETING));

        assertThat(response.database()).isEqualTo("shop");
        assertThat(Capabilities.has(response.capabilities(), Capabilities.CLIENT_CONNECT_WITH_DB)).isTrue();
    }

    @Test
    void clientWireFormatIsCarried() {
        int wireFormat = Capabilities.CLIENT_DEPRECATE_EOF | Capabilities.CLIENT_MULTI_STATEMENTS | Capabilities.CLIENT_FOUND_ROWS;

        HandshakeResponse41 response = response(new BackendLogin("app", NATIVE_ONLY, null, 45, wireFormat).accept(GREETING));

        assertThat(response.capabilities() & wireFormat).isEqualTo(wireFormat);
    }

    @Test
    void errAfterTheResponseFailsWithTheServersMessage() {
        BackendLogin login = new BackendLogin("app", NATIVE_ONLY, null, 45, 0);
        login.accept(GREETING);

        Step step = login.accept(ErrPacket.of(MysqlError.ACCESS_DENIED, "Access denied for user 'app'@'localhost' (using password: YES)").encode());

        assertThat(step).isEqualTo(new Failed("ERROR 1045 (28000): Access denied for user 'app'@'localhost' (using password: YES)"));
    }

    @Test
    void errInsteadOfAGreetingFails() {
        Step step = new BackendLogin("app", NATIVE_ONLY, null, 45, 0)
                .accept(ErrPacket.of(MysqlError.CON_COUNT_ERROR, "Too many connections").encode());

        assertThat(step).isEqualTo(new Failed("ERROR 1040 (08004): Too many connections"));
    }

    @Test
    void greetingWithoutSessionTrackingFails() {
        HandshakeV10 real = HandshakeV10.decode(GREETING);
        HandshakeV10 old = new HandshakeV10(real.serverVersion(), real.connectionId(), real.authPluginData(),
                real.capabilities() & ~Capabilities.CLIENT_SESSION_TRACK, real.characterSet(), real.statusFlags(),
                real.authPluginName());

        Step step = new BackendLogin("app", NATIVE_ONLY, null, 45, 0).accept(old.encode());

        assertThat(step).isEqualTo(new Failed("backend 5.5.5-10.11.19-MariaDB-0+deb12u1 lacks capabilities 0x00800000"));
    }

    @Test
    void authSwitchToNativeIsAnsweredAsMariaDbAcceptedIt() {
        Capture capture = CapturesTest.load("deprecate-eof-login.hex");
        BackendLogin login = new BackendLogin("junction", NATIVE_ONLY, null, 45,
                Capabilities.CLIENT_DEPRECATE_EOF | Capabilities.CLIENT_MULTI_STATEMENTS);
        login.accept(capture.server().get(0).payload());

        Step reply = login.accept(capture.server().get(1).payload());

        assertThat(reply).isInstanceOfSatisfying(Send.class, send ->
                assertThat(send.payload()).isEqualTo(capture.client().get(1).payload()));
        assertThat(login.accept(capture.server().get(2).payload())).isInstanceOf(Done.class);
    }

    @Test
    void authSwitchToNativeIsTheScrambleOfTheNewNonce() {
        byte[] nonce = HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f1011121314");
        BackendLogin login = new BackendLogin("app", NATIVE_ONLY, null, 45, 0);
        login.accept(GREETING);

        Step reply = login.accept(AuthSwitchRequest.forScramble("mysql_native_password", nonce).encode());

        assertThat(reply).isInstanceOfSatisfying(Send.class, send -> assertThat(send.payload()).isEqualTo(nativeScramble(nonce)));
    }

    @Test
    void authSwitchToCachingSha2NeedsTheClearPassword() {
        byte[] nonce = HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f1011121314");
        BackendLogin withClear = new BackendLogin("app", WITH_CLEAR, null, 45, 0);
        BackendLogin nativeOnly = new BackendLogin("app", NATIVE_ONLY, null, 45, 0);
        withClear.accept(GREETING);
        nativeOnly.accept(GREETING);
        byte[] request = AuthSwitchRequest.forScramble("caching_sha2_password", nonce).encode();

        assertThat(withClear.accept(request)).isInstanceOfSatisfying(Send.class,
                send -> assertThat(send.payload()).isEqualTo(sha2Scramble(nonce)));
        assertThat(nativeOnly.accept(request)).isInstanceOfSatisfying(Failed.class, failed -> assertThat(failed.reason())
                .startsWith("backend user app authenticates with caching_sha2_password, which needs the clear password:"
                        + " only its hash is configured"));
    }

    @Test
    void authSwitchToEd25519IsTheSignatureOfTheNonce() {
        byte[] nonce = HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
        BackendLogin login = new BackendLogin("app", WITH_CLEAR, null, 45, 0);
        login.accept(GREETING);

        Step reply = login.accept(ed25519Switch(nonce));

        assertThat(reply).isInstanceOfSatisfying(Send.class, send -> {
            assertThat(send.payload()).isEqualTo(Ed25519Password.sign(bytes(PASSWORD), nonce));
            assertThat(Ed25519Password.verify(Ed25519Password.publicKey(bytes(PASSWORD)), nonce, send.payload())).isTrue();
        });
        assertThat(login.accept(LOGIN_OK)).isInstanceOf(Done.class);
    }

    /** Regression: a bare ed25519 nonce whose last byte is 0 must be signed whole (MariaDB sends it without a NUL). */
    @Test
    void ed25519NonceEndingInZeroIsSignedWhole() {
        byte[] nonce = HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f00");
        BackendLogin login = new BackendLogin("app", WITH_CLEAR, null, 45, 0);
        login.accept(GREETING);

        assertThat(login.accept(ed25519Switch(nonce))).isInstanceOfSatisfying(Send.class,
                send -> assertThat(send.payload()).isEqualTo(Ed25519Password.sign(bytes(PASSWORD), nonce)));
    }

    @Test
    void authSwitchToEd25519NeedsTheClearPassword() {
        BackendLogin login = new BackendLogin("app", NATIVE_ONLY, null, 45, 0);
        login.accept(GREETING);

        assertThat(login.accept(ed25519Switch(new byte[32]))).isEqualTo(new Failed("backend user app authenticates with"
                + " client_ed25519, which needs the clear password: only its hash is configured (configure the password)"));
    }

    @Test
    void noSecretAtAllFailsBeforeAnythingIsSent() {
        Step step = new BackendLogin("app", BackendSecret.none(), null, 45, 0).accept(GREETING);

        assertThat(step).isEqualTo(new Failed("no password to log in to the backend as app: only password_ed25519 is"
                + " configured, and a client_ed25519 login does not reveal the password (configure password)"));
    }

    @Test
    void authSwitchToAnUnknownPluginFails() {
        BackendLogin login = new BackendLogin("app", WITH_CLEAR, null, 45, 0);
        login.accept(GREETING);

        assertThat(login.accept(new AuthSwitchRequest("auth_gssapi_client", new byte[32]).encode()))
                .isEqualTo(new Failed("backend asks for auth plugin auth_gssapi_client, which Junction does not support yet"));
    }

    @Test
    void cachingSha2GreetingIsAnsweredWithTheSha2ScrambleWhenTheClearPasswordIsKnown() {
        HandshakeV10 real = HandshakeV10.decode(GREETING);
        HandshakeV10 mysql8 = new HandshakeV10("8.0.36", 9, real.authPluginData(), real.capabilities(), 255,
                real.statusFlags(), "caching_sha2_password");

        HandshakeResponse41 withClear = response(new BackendLogin("app", WITH_CLEAR, null, 45, 0).accept(mysql8.encode()));
        HandshakeResponse41 nativeOnly = response(new BackendLogin("app", NATIVE_ONLY, null, 45, 0).accept(mysql8.encode()));

        assertThat(withClear.authPluginName()).isEqualTo("caching_sha2_password");
        assertThat(withClear.authResponse()).isEqualTo(sha2Scramble(real.authPluginData()));
        assertThat(nativeOnly.authPluginName()).isEqualTo("mysql_native_password");
        assertThat(nativeOnly.authResponse()).isEqualTo(nativeScramble(real.authPluginData()));
    }

    @Test
    void fastAuthSuccessWaitsForTheOk() {
        BackendLogin login = new BackendLogin("app", WITH_CLEAR, null, 45, 0);
        login.accept(GREETING);

        assertThat(login.accept(new AuthMoreData(new byte[] {3}).encode())).isEqualTo(new Wait());
        assertThat(login.accept(LOGIN_OK)).isInstanceOf(Done.class);
    }

    @Test
    void unexpectedPacketFails() {
        BackendLogin login = new BackendLogin("app", NATIVE_ONLY, null, 45, 0);
        login.accept(GREETING);

        assertThat(login.accept(new byte[] {0x02, 0x00})).isEqualTo(new Failed("unexpected packet 0x02 during backend login"));
    }

    /** An AuthSwitchRequest to client_ed25519 as MariaDB sends it: the nonce bare, with no NUL after it. */
    private static byte[] ed25519Switch(byte[] nonce) {
        return new AuthSwitchRequest("client_ed25519", nonce).encode();
    }

    private static HandshakeResponse41 response(Step step) {
        assertThat(step).isInstanceOf(Send.class);
        return HandshakeResponse41.decode(((Send) step).payload());
    }

    /** SHA1(pw) XOR SHA1(nonce || SHA1(SHA1(pw))), computed here. */
    private static byte[] nativeScramble(byte[] nonce) {
        byte[] once = digest("SHA-1", bytes(PASSWORD));
        return xor(once, digest("SHA-1", concat(nonce, digest("SHA-1", once))));
    }

    /** SHA256(pw) XOR SHA256(SHA256(SHA256(pw)) || nonce), computed here. */
    private static byte[] sha2Scramble(byte[] nonce) {
        byte[] once = digest("SHA-256", bytes(PASSWORD));
        return xor(once, digest("SHA-256", concat(digest("SHA-256", once), nonce)));
    }

    private static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] digest(String algorithm, byte[] in) {
        try {
            return MessageDigest.getInstance(algorithm).digest(in);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
