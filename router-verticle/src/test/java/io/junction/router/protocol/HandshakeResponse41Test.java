package io.junction.router.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HandshakeResponse41Test {

    @Test
    void decodesTheMariaDbCliResponse() {
        HandshakeResponse41 response = HandshakeResponse41.decode(response("cli-login.hex"));

        assertThat(response.capabilities()).isEqualTo(0x00BFA284);
        assertThat(response.maxPacketSize()).isEqualTo(1 << 20);
        assertThat(response.characterSet()).as("utf8mb3_general_ci").isEqualTo(33);
        assertThat(response.username()).isEqualTo("junction");
        assertThat(HexFormat.of().formatHex(response.authResponse())).isEqualTo("6bed4cf38a185c1e819c5d188269764c9d1ba6c1");
        assertThat(response.database()).isNull();
        assertThat(response.authPluginName()).isEqualTo("mysql_native_password");
        assertThat(response.mariadbCapabilities()).isEqualTo(0x1D);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("_os", "Linux");
        attributes.put("_client_name", "libmariadb");
        attributes.put("_pid", "20263");
        attributes.put("_client_version", "3.3.20");
        attributes.put("_platform", "x86_64");
        attributes.put("program_name", "mysql");
        attributes.put("_server_host", "127.0.0.1");
        assertThat(response.connectAttributes()).containsExactlyEntriesOf(attributes);
    }

    @Test
    void theCliAsksForNoDeprecateEofAndTracksSessionState() {
        int capabilities = HandshakeResponse41.decode(response("cli-login.hex")).capabilities();

        assertThat(Capabilities.has(capabilities, Capabilities.CLIENT_DEPRECATE_EOF)).isFalse();
        assertThat(Capabilities.has(capabilities, Capabilities.CLIENT_SESSION_TRACK)).isTrue();
        assertThat(Capabilities.has(capabilities, Capabilities.CLIENT_MULTI_STATEMENTS)).isTrue();
        assertThat(Capabilities.has(capabilities, Capabilities.CLIENT_CONNECT_WITH_DB)).isFalse();
    }

    @Test
    void decodesAResponseClaimingCachingSha2() {
        HandshakeResponse41 response = HandshakeResponse41.decode(response("deprecate-eof-login.hex"));

        assertThat(response.capabilities()).isEqualTo(0x01AFA205);
        assertThat(response.maxPacketSize()).isEqualTo(1 << 24);
        assertThat(response.characterSet()).isEqualTo(45);
        assertThat(response.username()).isEqualTo("junction");
        assertThat(response.authResponse()).hasSize(32);
        assertThat(response.authPluginName()).isEqualTo("caching_sha2_password");
        assertThat(response.connectAttributes()).isEmpty();
        assertThat(response.mariadbCapabilities()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cli-login.hex", "deprecate-eof-login.hex"})
    void encodeOfDecodedResponseGivesBackTheCapturedBytes(String name) {
        byte[] payload = response(name);

        assertThat(HandshakeResponse41.decode(payload).encode()).isEqualTo(payload);
    }

    @Test
    void responseWithSchemaAndAttributesDecodesToWhatWasEncoded() {
        int capabilities = Capabilities.BACKEND_BASE | Capabilities.CLIENT_CONNECT_ATTRS;
        byte[] auth = new byte[20];
        auth[19] = 1;
        HandshakeResponse41 response = new HandshakeResponse41(capabilities, 1 << 30, 45, "app", auth, "shop",
                "mysql_native_password", Map.of("_client_name", "junction"));

        HandshakeResponse41 decoded = HandshakeResponse41.decode(response.encode());

        assertThat(decoded.capabilities()).isEqualTo(capabilities);
        assertThat(decoded.maxPacketSize()).isEqualTo(1 << 30);
        assertThat(decoded.characterSet()).isEqualTo(45);
        assertThat(decoded.username()).isEqualTo("app");
        assertThat(decoded.authResponse()).isEqualTo(auth);
        assertThat(decoded.database()).isEqualTo("shop");
        assertThat(decoded.authPluginName()).isEqualTo("mysql_native_password");
        assertThat(decoded.connectAttributes()).containsExactly(Map.entry("_client_name", "junction"));
    }

    @Test
    void lengthPrefixedAuthResponseWithoutLenencCapability() {
        int capabilities = Capabilities.CLIENT_PROTOCOL_41 | Capabilities.CLIENT_SECURE_CONNECTION;
        HandshakeResponse41 response = new HandshakeResponse41(capabilities, 0, 8, "u", new byte[] {1, 2}, null, null, Map.of());

        byte[] payload = response.encode();

        // caps, max packet, charset, 23 reserved, "u" NUL, 1-byte length 2, the two bytes
        assertThat(HexFormat.of().formatHex(payload))
                .isEqualTo("00820000" + "00000000" + "08" + "00".repeat(23) + "7500" + "02" + "0102");
        assertThat(HandshakeResponse41.decode(payload).authResponse()).containsExactly(1, 2);
    }

    @Test
    void clientWithoutProtocol41IsMalformed() {
        byte[] payload = response("cli-login.hex");
        payload[1] &= ~(Capabilities.CLIENT_PROTOCOL_41 >> 8);

        assertThatThrownBy(() -> HandshakeResponse41.decode(payload))
                .isInstanceOf(MalformedPacketException.class)
                .hasMessage("client does not speak protocol 4.1");
    }

    private static byte[] response(String name) {
        return CapturesTest.load(name).client().get(0).payload();
    }
}
