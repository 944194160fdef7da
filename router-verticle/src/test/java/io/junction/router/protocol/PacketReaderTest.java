package io.junction.router.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HexFormat;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PacketReaderTest {

    /** Every boundary of the length-encoded integer, with its bytes as the protocol docs give them. */
    static Stream<Arguments> lenencBoundaries() {
        return Stream.of(
                arguments(0L, "00"),
                arguments(250L, "fa"),
                arguments(251L, "fcfb00"),
                arguments(0xFFFFL, "fcffff"),
                arguments(0x10000L, "fd000001"),
                arguments(0xFFFFFFL, "fdffffff"),
                arguments(0x1000000L, "fe0000000100000000"),
                arguments(0x0102030405060708L, "fe0807060504030201"));
    }

    @ParameterizedTest
    @MethodSource("lenencBoundaries")
    void readsLenencInt(long value, String hex) {
        PacketReader in = reader(hex + "2a");

        assertThat(in.readLenencInt()).isEqualTo(value);
        assertThat(in.readInt1()).as("the byte after it").isEqualTo(0x2a);
    }

    @Test
    void lenencNullIsMinusOne() {
        assertThat(reader("fb").readLenencInt()).isEqualTo(-1);
    }

    @Test
    void lenencFirstByte0xFFIsMalformed() {
        assertThatThrownBy(() -> reader("ff0000").readLenencInt()).isInstanceOf(MalformedPacketException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "fc", "fcff", "fd", "fdffff", "fe", "fe00000000000000"})
    void truncatedLenencIntIsMalformed(String hex) {
        assertThatThrownBy(() -> reader(hex).readLenencInt()).isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void readsFixedIntegersLittleEndian() {
        PacketReader in = reader("01" + "0201" + "030201" + "04030201" + "060504030201" + "0807060504030201" + "ffffffff");

        assertThat(in.readInt1()).isEqualTo(0x01);
        assertThat(in.readInt2()).isEqualTo(0x0102);
        assertThat(in.readInt3()).isEqualTo(0x010203);
        assertThat(in.readInt4()).isEqualTo(0x01020304L);
        assertThat(in.readInt6()).isEqualTo(0x010203040506L);
        assertThat(in.readInt8()).isEqualTo(0x0102030405060708L);
        assertThat(in.readInt4()).as("unsigned").isEqualTo(0xFFFFFFFFL);
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void truncatedFixedIntegersAreMalformed() {
        assertThatThrownBy(() -> reader("").readInt1()).isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> reader("").peekInt1()).isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> reader("01").readInt2()).isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> reader("0102").readInt3()).isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> reader("010203").readInt4())
                .isInstanceOf(MalformedPacketException.class)
                .hasMessage("packet ends after 3 bytes, needed 4");
        assertThatThrownBy(() -> reader("0102030405").readInt6()).isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> reader("01020304050607").readInt8()).isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void readsStrings() {
        // "héllo" NUL, lenenc "ab", fixed "xyz", then "rest" to the end
        PacketReader in = reader("68c3a96c6c6f00" + "026162" + "78797a" + "72657374");

        assertThat(in.readStringNul()).isEqualTo("héllo");
        assertThat(in.readStringLenenc()).isEqualTo("ab");
        assertThat(in.readStringFixed(3)).isEqualTo("xyz");
        assertThat(in.position()).isEqualTo(13);
        assertThat(in.remaining()).isEqualTo(4);
        assertThat(in.readStringEof()).isEqualTo("rest");
        assertThat(in.readStringEof()).isEmpty();
    }

    @Test
    void lenencStringOf251BytesUsesTheThreeByteLength() {
        byte[] payload = new byte[3 + 251];
        payload[0] = (byte) 0xFC;
        payload[1] = (byte) 251;
        payload[3 + 250] = 7;

        byte[] value = new PacketReader(payload).readBytesLenenc();

        assertThat(value).hasSize(251);
        assertThat(value[250]).isEqualTo((byte) 7);
    }

    @Test
    void truncatedStringsAreMalformed() {
        assertThatThrownBy(() -> reader("616263").readStringNul())
                .isInstanceOf(MalformedPacketException.class)
                .hasMessage("string without NUL terminator");
        assertThatThrownBy(() -> reader("056162").readStringLenenc())
                .isInstanceOf(MalformedPacketException.class)
                .hasMessage("length-encoded string of 5 bytes, 2 left");
        assertThatThrownBy(() -> reader("fb").readBytesLenenc()).as("NULL is no string").isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> reader("fc0001").readBytesLenenc()).isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> reader("6162").readStringFixed(3)).isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> reader("6162").readBytes(-1)).isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> reader("6162").skip(3)).isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void peekDoesNotMove() {
        PacketReader in = reader("2301");

        assertThat(in.peekInt1()).isEqualTo(0x23);
        assertThat(in.readInt2()).isEqualTo(0x0123);
    }

    private static PacketReader reader(String hex) {
        return new PacketReader(HexFormat.of().parseHex(hex));
    }
}
