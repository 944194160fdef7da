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
        assertThat(HexFormat.of().formatHex(request.pluginData())).isEqualTo("4a4c215e36343e7d7b73507373672c434c356478");
    }

    @Test
    void encodeOfDecodedRequestGivesBackTheCapturedBytes() {
        assertThat(AuthSwitchRequest.decode(CAPTURED).encode()).isEqualTo(CAPTURED);
    }

    @Test
    void encodesHeaderPluginNonceAndTrailingNul() {
        byte[] payload = new AuthSwitchRequest("p", new byte[] {1, 2}).encode();

        assertThat(payload).containsExactly(0xFE, 'p', 0, 1, 2, 0);
    }
}
