package io.junction.router.auth;

import io.junction.router.protocol.AuthSwitchRequest;
import io.junction.router.protocol.CapturesTest;
import io.junction.router.protocol.CapturesTest.Capture;
import io.junction.router.protocol.HandshakeResponse41;
import io.junction.router.protocol.HandshakeV10;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NativePasswordTest {
    private static final byte[] NONCE = HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f1011121314");
    private static final String PASSWORD = "123456";

    @Test
    void doubleSha1Of123456IsMysqlsDocumentedHash() {
        assertThat(NativePassword.doubleSha1(PASSWORD)).isEqualTo(sha1(sha1(PASSWORD.getBytes(StandardCharsets.UTF_8))));
        assertThat("*" + HexFormat.of().withUpperCase().formatHex(NativePassword.doubleSha1(PASSWORD)))
                .isEqualTo("*6BB4837EB74329105EE4568DDA7DC67ED2CA2AD9");
        assertThat(NativePassword.parseHash("*6BB4837EB74329105EE4568DDA7DC67ED2CA2AD9"))
                .isEqualTo(NativePassword.doubleSha1(PASSWORD));
    }

    @Test
    void scrambleIsSha1PasswordXorSha1OfNonceAndDoubleSha1() {
        byte[] sha1Password = sha1(PASSWORD.getBytes(StandardCharsets.UTF_8));
        byte[] mask = sha1(concat(NONCE, sha1(sha1Password)));
        byte[] expected = new byte[20];
        for (int i = 0; i < 20; i++) {
            expected[i] = (byte) (sha1Password[i] ^ mask[i]);
        }

        assertThat(NativePassword.sha1(PASSWORD)).isEqualTo(sha1Password);
        assertThat(NativePassword.scramble(sha1Password, NONCE)).isEqualTo(expected);
    }

    @Test
    void verifyRecoversSha1Password() {
        byte[] reply = NativePassword.scramble(NativePassword.sha1(PASSWORD), NONCE);

        byte[] recovered = NativePassword.verify(reply, NONCE, NativePassword.parseHash("*6BB4837EB74329105EE4568DDA7DC67ED2CA2AD9"));

        assertThat(recovered).isEqualTo(sha1(PASSWORD.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void verifyRejectsAWrongReply() {
        byte[] doubleSha1 = NativePassword.doubleSha1(PASSWORD);
        byte[] reply = NativePassword.scramble(NativePassword.sha1(PASSWORD), NONCE);
        byte[] flipped = reply.clone();
        flipped[7] ^= 1;
        byte[] otherNonce = NONCE.clone();
        otherNonce[0] = 9;

        assertThat(NativePassword.verify(flipped, NONCE, doubleSha1)).isNull();
        assertThat(NativePassword.verify(reply, otherNonce, doubleSha1)).isNull();
        assertThat(NativePassword.verify(NativePassword.scramble(NativePassword.sha1("1234567"), NONCE), NONCE, doubleSha1)).isNull();
    }

    @Test
    void verifyRejectsAReplyOfTheWrongLength() {
        byte[] doubleSha1 = NativePassword.doubleSha1(PASSWORD);
        byte[] reply = NativePassword.scramble(NativePassword.sha1(PASSWORD), NONCE);

        assertThat(NativePassword.verify(Arrays.copyOf(reply, 19), NONCE, doubleSha1)).isNull();
        assertThat(NativePassword.verify(Arrays.copyOf(reply, 21), NONCE, doubleSha1)).isNull();
        assertThat(NativePassword.verify(new byte[0], NONCE, doubleSha1)).isNull();
    }

    @Test
    void emptyPasswordIsAnEmptyReply() {
        assertThat(NativePassword.scramble(new byte[0], NONCE)).isEmpty();
        assertThat(NativePassword.verify(new byte[0], NONCE, new byte[0])).isEmpty();
        assertThat(NativePassword.verify(new byte[20], NONCE, new byte[0])).as("a reply where none is due").isNull();
    }

    @Test
    void parseHashRefusesOtherForms() {
        assertThatThrownBy(() -> NativePassword.parseHash("6BB4837EB74329105EE4568DDA7DC67ED2CA2AD9"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NativePassword.parseHash("*6BB4837EB74329105EE4568DDA7DC67ED2CA2AD"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(NativePassword.parseHash("*6bb4837eb74329105ee4568dda7dc67ed2ca2ad9"))
                .isEqualTo(NativePassword.doubleSha1(PASSWORD));
    }

    @Test
    void replyOfTheRealMariadbCliVerifies() {
        Capture login = CapturesTest.load("cli-login.hex");
        byte[] nonce = HandshakeV10.decode(login.server().get(0).payload()).authPluginData();
        byte[] reply = HandshakeResponse41.decode(login.client().get(0).payload()).authResponse();

        assertThat(NativePassword.verify(reply, nonce, NativePassword.doubleSha1("junction-secret")))
                .isEqualTo(sha1("junction-secret".getBytes(StandardCharsets.UTF_8)));
        assertThat(NativePassword.verify(reply, nonce, NativePassword.doubleSha1("junction-secreT"))).isNull();
    }

    @Test
    void scrambleMatchesTheReplyMariaDbAcceptedAfterAnAuthSwitch() {
        Capture login = CapturesTest.load("deprecate-eof-login.hex");
        byte[] nonce = AuthSwitchRequest.decode(login.server().get(1).payload()).scramble();
        byte[] accepted = login.client().get(1).payload();

        assertThat(NativePassword.scramble(NativePassword.sha1("junction-secret"), nonce)).isEqualTo(accepted);
    }

    static byte[] sha1(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(in);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
