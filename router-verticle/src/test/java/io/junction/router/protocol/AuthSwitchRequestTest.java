package io.junction.router.protocol;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class AuthSwitchRequestTest {
    private static final byte[] CAPTURED = CapturesTest.load("deprecate-eof-login.hex").serverPayloads().get(1);

    @Test
    void decodesCapturedSwitchToNativePassword() {
        AuthSwitchRequest request = AuthSwitchRequest.decode(CAPTURED);

        assertThat(request.pluginName()).isEqualTo("mysql_native_password");
        assertThat(HexFormat.of().formatHex(request.scramble())).isEqualTo("4a4c215e36343e7d7b73507373672c434c356478");
        assertThat(request.pluginData()).as("as on the wire, NUL included").hasSize(21).endsWith(0);
    }

    @Test
    void encodeOfDecodedRequestGivesBackTheCapturedBytes() {
        assertThat(AuthSwitchRequest.decode(CAPTURED).encode()).isEqualTo(CAPTURED);
    }

    @Test
    void aScrambleGetsTheTrailingNulMySqlServersSend() {
        byte[] payload = AuthSwitchRequest.forScramble("p", new byte[] {1, 2}).encode();

        assertThat(payload).containsExactly(0xFE, 'p', 0, 1, 2, 0);
    }

    /** Regression: decode dropped a trailing zero, which can be the last byte of a bare ed25519 nonce. */
    @Test
    void bareDataIsKeptAsSentZeroEndingIncluded() {
        byte[] nonce = {9, 8, 7, 0};
        AuthSwitchRequest decoded = AuthSwitchRequest.decode(new AuthSwitchRequest("client_ed25519", nonce).encode());

        assertThat(decoded.pluginData()).containsExactly(9, 8, 7, 0);
    }
}
