package io.junction.router.auth;

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

class CachingSha2PasswordTest {
    private static final byte[] NONCE = HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f1011121314");
    private static final String PASSWORD = "123456";

    @Test
    void scrambleIsSha256PasswordXorSha256OfTripleHashAndNonce() {
        byte[] once = sha256(PASSWORD.getBytes(StandardCharsets.UTF_8));
        byte[] mask = sha256(NativePasswordTest.concat(sha256(once), NONCE));
        byte[] expected = new byte[32];
        for (int i = 0; i < 32; i++) {
            expected[i] = (byte) (once[i] ^ mask[i]);
        }

        assertThat(CachingSha2Password.scramble(PASSWORD, NONCE)).isEqualTo(expected);
    }

    @Test
    void verifyAcceptsTheRightReplyOnly() {
        byte[] reply = CachingSha2Password.scramble(PASSWORD, NONCE);
        byte[] flipped = reply.clone();
        flipped[31] ^= (byte) 0x80;

        assertThat(CachingSha2Password.verify(reply, NONCE, PASSWORD)).isTrue();
        assertThat(CachingSha2Password.verify(flipped, NONCE, PASSWORD)).isFalse();
        assertThat(CachingSha2Password.verify(reply, NONCE, "1234567")).isFalse();
        assertThat(CachingSha2Password.verify(Arrays.copyOf(reply, 20), NONCE, PASSWORD)).isFalse();
        assertThat(CachingSha2Password.verify(new byte[0], NONCE, PASSWORD)).isFalse();
    }

    @Test
    void emptyPasswordIsAnEmptyReply() {
        assertThat(CachingSha2Password.scramble("", NONCE)).isEmpty();
        assertThat(CachingSha2Password.verify(new byte[0], NONCE, "")).isTrue();
        assertThat(CachingSha2Password.verify(new byte[32], NONCE, "")).isFalse();
    }

    @Test
    void replyAPythonClientComputedForACapturedNonceVerifies() {
        Capture login = CapturesTest.load("deprecate-eof-login.hex");
        byte[] nonce = HandshakeV10.decode(login.server().get(0).payload()).authPluginData();
        byte[] reply = HandshakeResponse41.decode(login.client().get(0).payload()).authResponse();

        assertThat(CachingSha2Password.verify(reply, nonce, "junction-secret")).isTrue();
    }

    static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
