package io.junction.router.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PacketWriterTest {

    @ParameterizedTest
    @MethodSource("io.junction.router.protocol.PacketReaderTest#lenencBoundaries")
    void writesLenencInt(long value, String hex) {
        assertThat(hex(new PacketWriter().writeLenencInt(value))).isEqualTo(hex);
    }

    @ParameterizedTest
    @MethodSource("io.junction.router.protocol.PacketReaderTest#lenencBoundaries")
    void lenencIntReadsBackAsWritten(long value, String hex) {
        assertThat(new PacketReader(new PacketWriter().writeLenencInt(value).toByteArray()).readLenencInt()).isEqualTo(value);
    }

    @Test
    void negativeLenencIntIsRefused() {
        assertThatThrownBy(() -> new PacketWriter().writeLenencInt(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesFixedIntegersLittleEndian() {
        PacketWriter out = new PacketWriter()
                .writeInt1(0x01)
                .writeInt2(0x0102)
                .writeInt3(0x010203)
                .writeInt4(0xFFFFFFFEL)
                .writeInt8(0x0102030405060708L);

        assertThat(hex(out)).isEqualTo("01" + "0201" + "030201" + "feffffff" + "0807060504030201");
        assertThat(out.length()).isEqualTo(18);
    }

    @Test
    void writesStrings() {
        PacketWriter out = new PacketWriter()
                .writeStringNul("héllo")
                .writeStringLenenc("ab")
                .writeZeros(2)
                .writeStringEof("rest");

        assertThat(hex(out)).isEqualTo("68c3a96c6c6f00" + "026162" + "0000" + "72657374");
    }

    @Test
    void lenencBytesOf251UseTheThreeByteLength() {
        byte[] out = new PacketWriter().writeBytesLenenc(new byte[251]).toByteArray();

        assertThat(out).hasSize(3 + 251).startsWith(0xFC, 0xFB, 0x00);
    }

    @Test
    void growsPastItsCapacity() {
        PacketWriter out = new PacketWriter(1);
        for (int i = 0; i < 300; i++) {
            out.writeInt1(i);
        }
        out.writeBytes(new byte[] {9, 8, 7, 6}, 1, 2);

        byte[] bytes = out.toByteArray();
        assertThat(bytes).hasSize(302);
        assertThat(bytes[299]).isEqualTo((byte) 299);
        assertThat(bytes[300]).isEqualTo((byte) 8);
        assertThat(bytes[301]).isEqualTo((byte) 7);
    }

    private static String hex(PacketWriter out) {
        return HexFormat.of().formatHex(out.toByteArray());
    }
}
