package io.junction.router.protocol;

import io.junction.router.protocol.CapturesTest.Capture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class OkPacketTest {

    /** Every captured OK packet (0x00- and 0xFE-headed), with the capabilities of its connection. */
    static Stream<Arguments> capturedOks() {
        return Stream.of("cli-login.hex", "cli-session-state.hex", "deprecate-eof-login.hex", "deprecate-eof-resultset.hex",
                        "deprecate-eof-multi-result.hex", "session-state-transaction.hex", "session-state-replay.hex",
                        "local-infile.hex")
                .map(CapturesTest::load)
                .flatMap(capture -> capture.serverPayloads().stream()
                        .filter(payload -> payload[0] == 0x00 || (payload[0] & 0xFF) == 0xFE && payload.length == 7)
                        .map(payload -> arguments(capture.name() + " " + HexFormat.of().formatHex(payload),
                                capture.capabilities(), payload)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("capturedOks")
    void encodeOfDecodedOkGivesBackTheCapturedBytes(String name, int capabilities, byte[] payload) {
        assertThat(OkPacket.decode(payload, capabilities).encode(capabilities)).isEqualTo(payload);
    }

    @Test
    void decodesOkWithSessionStateChanges() {
        Capture capture = CapturesTest.load("cli-session-state.hex");
        OkPacket ok = OkPacket.decode(capture.serverPayloads().get(1), capture.capabilities());

        assertThat(ok.header()).isEqualTo(OkPacket.HEADER);
        assertThat(ok.affectedRows()).isZero();
        assertThat(ok.lastInsertId()).isZero();
        assertThat(ok.statusFlags()).isEqualTo(StatusFlags.AUTOCOMMIT | StatusFlags.SESSION_STATE_CHANGED);
        assertThat(ok.warnings()).isZero();
        assertThat(ok.info()).isEmpty();
        // SET time_zone='+01:00': system variable time_zone, then "state changed"
        assertThat(HexFormat.of().formatHex(ok.sessionStateChanges()))
                .isEqualTo("00" + "11" + "09" + hex("time_zone") + "06" + hex("+01:00") + "02" + "01" + "31");
        assertThat(ok.moreResults()).isFalse();
    }

    @Test
    void decodesLoginOk() {
        Capture capture = CapturesTest.load("cli-login.hex");
        OkPacket ok = OkPacket.decode(capture.serverPayloads().get(1), capture.capabilities());

        assertThat(ok.statusFlags()).isEqualTo(StatusFlags.AUTOCOMMIT);
        assertThat(ok.sessionStateChanges()).isEmpty();
        assertThat(ok.info()).isEmpty();
    }

    @Test
    void decodesOkWithInfoAndNoStateChange() {
        Capture capture = CapturesTest.load("local-infile.hex");
        OkPacket ok = OkPacket.decode(capture.serverPayloads().get(1), capture.capabilities());

        assertThat(ok.info()).isEqualTo("Records: 0  Deleted: 0  Skipped: 0  Warnings: 0");
        assertThat(ok.sessionStateChanges()).isEmpty();
    }

    @Test
    void decodesTheOkThatEndsAResultSetUnderDeprecateEof() {
        Capture capture = CapturesTest.load("deprecate-eof-multi-result.hex");
        List<byte[]> payloads = capture.serverPayloads();
        OkPacket first = OkPacket.decode(payloads.get(3), capture.capabilities());
        OkPacket last = OkPacket.decode(payloads.get(7), capture.capabilities());

        assertThat(first.header()).isEqualTo(OkPacket.EOF_HEADER);
        assertThat(first.statusFlags()).isEqualTo(StatusFlags.AUTOCOMMIT | StatusFlags.MORE_RESULTS_EXISTS);
        assertThat(first.moreResults()).isTrue();
        assertThat(last.moreResults()).isFalse();
        assertThat(OkPacket.is(payloads.get(3))).as("0xFE-headed OK only ends result sets").isFalse();
    }

    @Test
    /** Regression: MySQL Connector/J failed on "Records: 2 ..." OKs because Junction wrote the info without its length. */
    void peerWithoutSessionTrackGetsNoStateChangesAndALengthPrefixedInfo() {
        Capture capture = CapturesTest.load("cli-session-state.hex");
        OkPacket ok = OkPacket.decode(capture.serverPayloads().get(1), capture.capabilities());
        int untracked = capture.capabilities() & ~Capabilities.CLIENT_SESSION_TRACK;

        assertThat(ok.encode(untracked)).isEqualTo(HexFormat.of().parseHex("00" + "00" + "00" + "0200" + "0000"));
        OkPacket withInfo = new OkPacket(0, 3, 300, StatusFlags.AUTOCOMMIT, 1, "Rows matched: 3", new byte[0]);
        byte[] payload = withInfo.encode(untracked);
        assertThat(HexFormat.of().formatHex(payload))
                .isEqualTo("00" + "03" + "fc2c01" + "0200" + "0100" + "0f" + hex("Rows matched: 3"));
        assertThat(OkPacket.decode(payload, untracked).info()).isEqualTo("Rows matched: 3");
    }

    @Test
    void isAcceptsOnlyZeroHeadedPacketsOfSevenBytesOrMore() {
        assertThat(OkPacket.is(HexFormat.of().parseHex("00000002000000"))).isTrue();
        assertThat(OkPacket.is(HexFormat.of().parseHex("000000020000"))).isFalse();
        assertThat(OkPacket.is(CapturesTest.load("cli-err-no-such-table.hex").serverPayloads().get(0))).isFalse();
        assertThat(OkPacket.of(StatusFlags.AUTOCOMMIT).encode(Capabilities.SUPPORTED))
                .isEqualTo(HexFormat.of().parseHex("00000002000000"));
    }

    private static String hex(String ascii) {
        return HexFormat.of().formatHex(ascii.getBytes(StandardCharsets.US_ASCII));
    }
}
