package io.junction.router.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HandshakeV10Test {

    @Test
    void decodesMariaDbGreeting() {
        HandshakeV10 greeting = HandshakeV10.decode(greeting("cli-login.hex"));

        assertThat(greeting.serverVersion()).isEqualTo("5.5.5-10.11.19-MariaDB-0+deb12u1");
        assertThat(greeting.connectionId()).isEqualTo(5);
        assertThat(HexFormat.of().formatHex(greeting.authPluginData())).isEqualTo("6c68486d6d59582f" + "7e515743273a2d7071662d49");
        assertThat(greeting.capabilities()).isEqualTo(0x81FFF7FE);
        assertThat(greeting.characterSet()).as("latin1_swedish_ci").isEqualTo(8);
        assertThat(greeting.statusFlags()).isEqualTo(StatusFlags.AUTOCOMMIT);
        assertThat(greeting.authPluginName()).isEqualTo("mysql_native_password");
        assertThat(greeting.mariadbCapabilities()).isEqualTo(0x1D);
    }

    @Test
    void mariaDbClearsClientMysqlAndOffersWhatJunctionAsksOfBackends() {
        int capabilities = HandshakeV10.decode(greeting("cli-login.hex")).capabilities();

        assertThat(Capabilities.has(capabilities, Capabilities.CLIENT_LONG_PASSWORD)).isFalse();
        int backendNeeds = Capabilities.BACKEND_BASE & ~Capabilities.CLIENT_LONG_PASSWORD;
        assertThat(capabilities & backendNeeds).isEqualTo(backendNeeds);
        assertThat(Capabilities.has(capabilities, Capabilities.CLIENT_DEPRECATE_EOF)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cli-login.hex", "deprecate-eof-login.hex"})
    void encodeOfDecodedGreetingGivesBackTheCapturedBytes(String name) {
        byte[] payload = greeting(name);

        assertThat(HandshakeV10.decode(payload).encode()).isEqualTo(payload);
    }

    @Test
    void junctionGreetingDecodesToWhatWasEncoded() {
        byte[] nonce = HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f1011121314");
        HandshakeV10 greeting = new HandshakeV10("8.0.34-junction", 77, nonce, Capabilities.SUPPORTED,
                Collations.DEFAULT.id(), StatusFlags.AUTOCOMMIT, "mysql_native_password");

        byte[] payload = greeting.encode();
        HandshakeV10 decoded = HandshakeV10.decode(payload);

        assertThat(payload).startsWith(0x0A, '8', '.', '0');
        assertThat(decoded.serverVersion()).isEqualTo("8.0.34-junction");
        assertThat(decoded.connectionId()).isEqualTo(77);
        assertThat(decoded.authPluginData()).isEqualTo(nonce);
        assertThat(decoded.capabilities()).isEqualTo(Capabilities.SUPPORTED);
        assertThat(decoded.characterSet()).isEqualTo(45);
        assertThat(decoded.statusFlags()).isEqualTo(StatusFlags.AUTOCOMMIT);
        assertThat(decoded.authPluginName()).isEqualTo("mysql_native_password");
        assertThat(decoded.mariadbCapabilities()).isZero();
    }

    @Test
    void protocolVersion9IsMalformed() {
        byte[] payload = greeting("cli-login.hex");
        payload[0] = 9;

        assertThatThrownBy(() -> HandshakeV10.decode(payload))
                .isInstanceOf(MalformedPacketException.class)
                .hasMessage("handshake protocol version 9 (expected: 10)");
    }

    @Test
    void truncatedGreetingIsMalformed() {
        byte[] payload = greeting("cli-login.hex");

        assertThatThrownBy(() -> HandshakeV10.decode(Arrays.copyOf(payload, 40)))
                .isInstanceOf(MalformedPacketException.class);
    }

    private static byte[] greeting(String name) {
        return CapturesTest.load(name).server().get(0).payload();
    }
}
