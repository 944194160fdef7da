package io.junction.router.protocol;

import io.junction.router.protocol.CapturesTest.Capture;
import io.junction.router.protocol.CapturesTest.Line;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PacketFramerTest {
    private static final int MAX_PART = 0xFFFFFF;
    private static final long NO_LIMIT = Long.MAX_VALUE;

    static Stream<String> captures() {
        return CapturesTest.files();
    }

    @ParameterizedTest
    @MethodSource("captures")
    void capturedStreamFedWholeYieldsOnePacketPerWireLine(String name) {
        Capture capture = load(name);
        for (List<Line> direction : List.of(capture.server(), capture.client())) {
            PacketFramer framer = new PacketFramer(NO_LIMIT);
            List<Packet> packets = new ArrayList<>();
            framer.feed(concat(direction), packets::add);

            assertThat(describe(packets)).isEqualTo(expected(direction));
            assertThat(framer.hasPartialPacket()).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("captures")
    void capturedStreamFedOneByteAtATimeYieldsTheSamePackets(String name) {
        Capture capture = load(name);
        for (List<Line> direction : List.of(capture.server(), capture.client())) {
            byte[] stream = concat(direction);
            PacketFramer framer = new PacketFramer(NO_LIMIT);
            List<Packet> packets = new ArrayList<>();
            int lineEnd = 0;
            int linesDone = 0;
            for (int i = 0; i < stream.length; i++) {
                framer.feed(new byte[] {stream[i]}, packets::add);
                if (i + 1 == lineEnd + direction.get(linesDone).wire().length) {
                    lineEnd = i + 1;
                    linesDone++;
                    assertThat(framer.hasPartialPacket()).isFalse();
                } else {
                    assertThat(framer.hasPartialPacket()).isTrue();
                }
                assertThat(packets).as("packets out after byte %d", i).hasSize(linesDone);
            }

            assertThat(describe(packets)).isEqualTo(expected(direction));
        }
    }

    @Test
    void payloadOfExactly16MbMinus1EndsWithAnEmptyPart() {
        byte[] payload = pattern(MAX_PART);
        byte[] wire = PacketFramer.encode(7, payload);

        assertThat(wire.length).isEqualTo(4 + MAX_PART + 4);
        assertThat(header(wire, 0)).isEqualTo("ffffff07");
        assertThat(header(wire, 4 + MAX_PART)).isEqualTo("00000008");
        assertThat(Arrays.mismatch(wire, 4, 4 + MAX_PART, payload, 0, MAX_PART)).isEqualTo(-1);

        Packet packet = feedInChunks(wire, 1 << 20);
        assertThat(packet.sequenceId()).isEqualTo(7);
        assertThat(Arrays.mismatch(packet.payload(), payload)).isEqualTo(-1);
        assertThat(packet.wireParts()).isEqualTo(2);
        assertThat(packet.nextSequenceId()).isEqualTo(9);
    }

    @Test
    void payloadOfTwoFullPartsAndFiveBytesTakesThreeParts() {
        int length = MAX_PART * 2 + 5;
        byte[] payload = pattern(length);
        byte[] wire = PacketFramer.encode(0xFE, payload);

        assertThat(wire.length).isEqualTo(length + 3 * 4);
        assertThat(header(wire, 0)).isEqualTo("fffffffe");
        assertThat(header(wire, 4 + MAX_PART)).isEqualTo("ffffffff");
        assertThat(header(wire, 2 * (4 + MAX_PART))).as("sequence ids wrap at 255").isEqualTo("05000000");
        assertThat(Arrays.mismatch(wire, 2 * (4 + MAX_PART) + 4, wire.length, payload, 2 * MAX_PART, length)).isEqualTo(-1);

        // an odd chunk size puts chunk boundaries inside headers and parts
        Packet packet = feedInChunks(wire, 1_000_003);
        assertThat(packet.sequenceId()).isEqualTo(0xFE);
        assertThat(Arrays.mismatch(packet.payload(), payload)).isEqualTo(-1);
        assertThat(packet.wireParts()).isEqualTo(3);
        assertThat(packet.nextSequenceId()).isEqualTo(1);
    }

    @Test
    void splitPacketIsNotEmittedBeforeItsLastPart() {
        byte[] wire = PacketFramer.encode(0, pattern(MAX_PART));
        PacketFramer framer = new PacketFramer(NO_LIMIT);
        List<Packet> packets = new ArrayList<>();

        framer.feed(Arrays.copyOf(wire, 4 + MAX_PART), packets::add);
        assertThat(packets).isEmpty();
        assertThat(framer.hasPartialPacket()).isTrue();

        framer.feed(Arrays.copyOfRange(wire, 4 + MAX_PART, wire.length), packets::add);
        assertThat(packets).hasSize(1);
        assertThat(framer.hasPartialPacket()).isFalse();
    }

    @Test
    void tooLargeIsRaisedFromTheHeaderAlone() {
        PacketFramer framer = new PacketFramer(1000);

        assertThatThrownBy(() -> framer.feed(hex("e9030000"), packet -> { }))
                .isInstanceOf(PacketTooLargeException.class)
                .hasMessage("packet of 1001 bytes is larger than max_packet_size 1000");
    }

    @Test
    void packetOfExactlyTheLimitIsAccepted() {
        PacketFramer framer = new PacketFramer(1000);
        List<Packet> packets = new ArrayList<>();

        framer.feed(hex("e8030003"), packets::add);
        framer.feed(new byte[1000], packets::add);

        assertThat(packets).singleElement().satisfies(packet -> {
            assertThat(packet.sequenceId()).isEqualTo(3);
            assertThat(packet.payload()).hasSize(1000);
        });
    }

    @Test
    void tooLargeCountsThePartsAlreadyJoined() {
        PacketFramer framer = new PacketFramer(MAX_PART + 10L);
        byte[] firstPart = Arrays.copyOf(PacketFramer.encode(0, pattern(MAX_PART + 11)), 4 + MAX_PART);
        framer.feed(firstPart, packet -> { });

        // the second part's header says 11 more bytes: 16 MB - 1 + 11 is over the limit, before any of them arrive
        assertThatThrownBy(() -> framer.feed(hex("0b000001"), packet -> { }))
                .isInstanceOf(PacketTooLargeException.class)
                .hasMessage("packet of " + (MAX_PART + 11) + " bytes is larger than max_packet_size " + (MAX_PART + 10));
    }

    @Test
    void encodeWritesLengthAndSequenceIdBeforeThePayload() {
        assertThat(PacketFramer.encode(3, new byte[0])).isEqualTo(hex("00000003"));
        assertThat(PacketFramer.encode(new Packet(1, hex("0e")))).isEqualTo(hex("010000010e"));
        assertThat(PacketFramer.encode(0, new byte[0x1234])).startsWith(hex("34120000")).hasSize(0x1234 + 4);
    }

    @ParameterizedTest
    @MethodSource("captures")
    void encodeOfEveryFramedPacketGivesBackItsWireBytes(String name) {
        for (Line line : load(name).lines()) {
            PacketFramer framer = new PacketFramer(NO_LIMIT);
            List<Packet> packets = new ArrayList<>();
            framer.feed(line.wire(), packets::add);

            assertThat(PacketFramer.encode(packets.get(0))).isEqualTo(line.wire());
        }
    }

    @Test
    void nextSequenceIdOfAnOrdinaryPacketIsOneMore() {
        assertThat(new Packet(0, new byte[10]).nextSequenceId()).isEqualTo(1);
        assertThat(new Packet(255, new byte[10]).nextSequenceId()).isEqualTo(0);
        assertThat(new Packet(4, new byte[MAX_PART - 1]).nextSequenceId()).isEqualTo(5);
    }

    private static Capture load(String name) {
        return CapturesTest.load(name);
    }

    private static Packet feedInChunks(byte[] wire, int chunk) {
        PacketFramer framer = new PacketFramer(NO_LIMIT);
        List<Packet> packets = new ArrayList<>();
        for (int at = 0; at < wire.length; at += chunk) {
            framer.feed(Arrays.copyOfRange(wire, at, Math.min(wire.length, at + chunk)), packets::add);
        }
        assertThat(packets).hasSize(1);
        assertThat(framer.hasPartialPacket()).isFalse();
        return packets.get(0);
    }

    /** Bytes that differ from their neighbours, so a misplaced copy shows. */
    private static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 % 251);
        }
        return bytes;
    }

    private static String header(byte[] wire, int at) {
        return HexFormat.of().formatHex(wire, at, at + 4);
    }

    private static byte[] concat(List<Line> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lines.forEach(line -> out.writeBytes(line.wire()));
        return out.toByteArray();
    }

    private static List<String> expected(List<Line> lines) {
        return lines.stream().map(line -> line.sequenceId() + ":" + HexFormat.of().formatHex(line.payload())).toList();
    }

    private static List<String> describe(List<Packet> packets) {
        return packets.stream().map(packet -> packet.sequenceId() + ":" + HexFormat.of().formatHex(packet.payload())).toList();
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
