package io.junction.router.protocol;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EofPacketTest {

    @Test
    void decodesCapturedEofs() {
        List<byte[]> payloads = CapturesTest.load("cli-multi-result.hex").serverPayloads();

        EofPacket more = EofPacket.decode(payloads.get(4));
        assertThat(more.warnings()).isZero();
        assertThat(more.statusFlags()).isEqualTo(StatusFlags.AUTOCOMMIT | StatusFlags.MORE_RESULTS_EXISTS);
        EofPacket last = EofPacket.decode(payloads.get(9));
        assertThat(last.statusFlags()).isEqualTo(StatusFlags.AUTOCOMMIT);
    }

    @Test
    void encodeOfDecodedEofGivesBackTheCapturedBytes() {
        for (String name : List.of("cli-resultset.hex", "cli-multi-result.hex", "cli-select-database.hex", "stmt-prepare.hex")) {
            for (byte[] payload : CapturesTest.load(name).serverPayloads()) {
                if ((payload[0] & 0xFF) == EofPacket.HEADER) {
                    assertThat(EofPacket.decode(payload).encode()).as(name).isEqualTo(payload);
                }
            }
        }
    }

    @Test
    void isTellsEofFromARowStartingWith0xFE() {
        assertThat(EofPacket.is(HexFormat.of().parseHex("fe00000200"))).isTrue();
        // a row whose first value has an 8-byte length: 0xFE then at least 8 more bytes
        assertThat(EofPacket.is(HexFormat.of().parseHex("fe0100000000000000"))).isFalse();
        assertThat(EofPacket.is(HexFormat.of().parseHex("00000002000000"))).isFalse();
        assertThat(EofPacket.is(new byte[0])).isFalse();
    }

    @Test
    void encodesWarningsThenStatus() {
        assertThat(new EofPacket(3, StatusFlags.AUTOCOMMIT | StatusFlags.IN_TRANS).encode())
                .isEqualTo(HexFormat.of().parseHex("fe03000300"));
    }
}
