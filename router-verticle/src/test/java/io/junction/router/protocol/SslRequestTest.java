package io.junction.router.protocol;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SslRequestTest {
    /** What {@code mariadb --ssl} (10.11) sent to a greeting offering CLIENT_SSL: header and 32-byte payload. */
    private static final byte[] CLI_SSL_REQUEST = HexFormat.of().parseHex(
            "2000000184aabf0000001000210000000000000000000000000000000000000000000000");

    @Test
    void decodesTheCliRequest() {
        Packet packet = onlyPacket(CLI_SSL_REQUEST);

        assertThat(packet.sequenceId()).isEqualTo(1);
        assertThat(SslRequest.is(packet.payload())).isTrue();
        SslRequest request = SslRequest.decode(packet.payload());
        assertThat(request.wantsTls()).isTrue();
        assertThat(request.capabilities()).isEqualTo(0x00BFAA84);
        assertThat(request.maxPacketSize()).isEqualTo(0x100000L);
        assertThat(request.characterSet()).isEqualTo(33);
        assertThat(request.mariadbCapabilities()).isZero();
    }

    @Test
    void encodesBackToTheSameBytes() {
        Packet packet = onlyPacket(CLI_SSL_REQUEST);

        assertThat(PacketFramer.encode(1, SslRequest.decode(packet.payload()).encode())).isEqualTo(CLI_SSL_REQUEST);
        assertThat(SslRequest.WIRE_LENGTH).isEqualTo(CLI_SSL_REQUEST.length);
    }

    @Test
    void isThePrefixOfAFullResponseWithTheSameFlags() {
        int capabilities = Capabilities.CLIENT_PROTOCOL_41 | Capabilities.CLIENT_SECURE_CONNECTION | Capabilities.CLIENT_SSL
                | Capabilities.CLIENT_PLUGIN_AUTH;
        byte[] full = new HandshakeResponse41(capabilities, 1 << 24, 45, "app", new byte[20], null, "mysql_native_password",
                java.util.Map.of()).encode();

        byte[] request = new SslRequest(capabilities, 1 << 24, 45, 0).encode();

        assertThat(request).isEqualTo(Arrays.copyOf(full, SslRequest.LENGTH));
        assertThat(SslRequest.is(full)).isFalse();
    }

    @Test
    void aRequestWithoutClientSslDoesNotWantTls() {
        assertThat(new SslRequest(Capabilities.CLIENT_PROTOCOL_41, 0, 45, 0).wantsTls()).isFalse();
    }

    @Test
    void otherLengthsAreNotSslRequests() {
        assertThatThrownBy(() -> SslRequest.decode(new byte[31])).isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("32");
    }

    @Test
    void fedOneByteAtATimeItIsStillOnePacket() {
        PacketFramer framer = new PacketFramer(1024);
        java.util.List<Packet> packets = new java.util.ArrayList<>();
        for (byte b : CLI_SSL_REQUEST) {
            framer.feed(new byte[] {b}, packets::add);
        }
        assertThat(packets).hasSize(1);
        assertThat(SslRequest.decode(packets.get(0).payload()).wantsTls()).isTrue();
    }

    private static Packet onlyPacket(byte[] bytes) {
        java.util.List<Packet> packets = new java.util.ArrayList<>();
        new PacketFramer(1024).feed(bytes, packets::add);
        assertThat(packets).hasSize(1);
        return packets.get(0);
    }
}
