package io.junction.router.protocol;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class ErrPacketTest {
    private static final byte[] CAPTURED = CapturesTest.load("cli-err-no-such-table.hex").serverPayloads().get(0);

    @Test
    void decodesCapturedErr() {
        ErrPacket err = ErrPacket.decode(CAPTURED);

        assertThat(err.code()).isEqualTo(1146);
        assertThat(err.sqlState()).isEqualTo("42S02");
        assertThat(err.message()).isEqualTo("Table 'mysql.nope' doesn't exist");
        assertThat(err).hasToString("ERROR 1146 (42S02): Table 'mysql.nope' doesn't exist");
    }

    @Test
    void encodeOfDecodedErrGivesBackTheCapturedBytes() {
        assertThat(ErrPacket.decode(CAPTURED).encode()).isEqualTo(CAPTURED);
    }

    @Test
    void isLooksAtTheHeaderOnly() {
        assertThat(ErrPacket.is(CAPTURED)).isTrue();
        assertThat(ErrPacket.is(new byte[0])).isFalse();
        assertThat(ErrPacket.is(new byte[] {0, 0, 0, 2, 0, 0, 0})).isFalse();
    }

    @Test
    void errWithoutSqlStateMarkerIsGeneralError() {
        // pre-4.1 form, as a server sends before it knows the client's capabilities
        ErrPacket err = ErrPacket.decode(HexFormat.of().parseHex("ff" + "1504" + "427965"));

        assertThat(err.code()).isEqualTo(1045);
        assertThat(err.sqlState()).isEqualTo("HY000");
        assertThat(err.message()).isEqualTo("Bye");
    }

    @Test
    void encodesJunctionErrors() {
        byte[] payload = ErrPacket.of(MysqlError.ACCESS_DENIED, "no").encode();

        assertThat(HexFormat.of().formatHex(payload)).isEqualTo("ff" + "1504" + "23" + "3238303030" + "6e6f");
    }
}
