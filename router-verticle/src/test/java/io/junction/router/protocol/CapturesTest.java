package io.junction.router.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packets captured from MariaDB 10.11 beside this class (src/test/resources/io/junction/router/protocol,
 * each file's header says how), the loader the other tests use, and checks that each file is what it claims:
 * every line one whole physical packet, sequence ids counting up within each exchange.
 */
public class CapturesTest {

    /** Every capture file. */
    static Stream<String> files() {
        return Stream.of("cli-login.hex", "cli-session-state.hex", "cli-select-database.hex",
                "cli-err-no-such-table.hex", "cli-resultset.hex", "cli-multi-result.hex", "deprecate-eof-login.hex",
                "deprecate-eof-resultset.hex", "deprecate-eof-multi-result.hex", "deprecate-eof-stmt-prepare.hex",
                "stmt-prepare.hex", "session-state-transaction.hex", "session-state-replay.hex", "local-infile.hex");
    }

    /** One physical packet as it crossed the wire. */
    public record Line(boolean fromServer, byte[] wire) {
        public int sequenceId() {
            return wire[3] & 0xFF;
        }

        public byte[] payload() {
            return Arrays.copyOfRange(wire, 4, wire.length);
        }
    }

    /** One capture file: its packets in wire order and the capabilities the connection negotiated. */
    public record Capture(String name, int capabilities, List<Line> lines) {

        public List<Line> server() {
            return lines.stream().filter(Line::fromServer).toList();
        }

        public List<Line> client() {
            return lines.stream().filter(line -> !line.fromServer()).toList();
        }

        /** The payloads the server sent, in order. */
        public List<byte[]> serverPayloads() {
            return server().stream().map(Line::payload).toList();
        }

        /** The server's payloads answering each command (a client packet with sequence id 0), in order. */
        public List<List<byte[]>> responses() {
            List<List<byte[]>> responses = new ArrayList<>();
            for (Line line : lines) {
                if (!line.fromServer() && line.sequenceId() == 0) {
                    responses.add(new ArrayList<>());
                } else if (line.fromServer() && !responses.isEmpty()) {
                    responses.get(responses.size() - 1).add(line.payload());
                }
            }
            return responses;
        }
    }

    public static Capture load(String name) {
        String text;
        try (InputStream in = CapturesTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no capture " + name);
            }
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int capabilities = -1;
        List<Line> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("# negotiated-capabilities: 0x")) {
                capabilities = Integer.parseUnsignedInt(trimmed.substring("# negotiated-capabilities: 0x".length()), 16);
            } else if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            } else if (trimmed.startsWith("S ") || trimmed.startsWith("C ")) {
                lines.add(new Line(trimmed.charAt(0) == 'S', HexFormat.of().parseHex(trimmed.substring(2))));
            } else {
                throw new IllegalArgumentException(name + ": unexpected line " + line);
            }
        }
        if (capabilities == -1) {
            throw new IllegalArgumentException(name + ": no negotiated-capabilities line");
        }
        return new Capture(name, capabilities, List.copyOf(lines));
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyLineIsOneWholePacketAndSequenceIdsCountUp(String name) {
        Capture capture = load(name);
        assertThat(capture.lines()).isNotEmpty();
        int expected = capture.lines().get(0).sequenceId();
        for (Line line : capture.lines()) {
            int length = (line.wire()[0] & 0xFF) | (line.wire()[1] & 0xFF) << 8 | (line.wire()[2] & 0xFF) << 16;
            assertThat(line.wire().length).as("%s: length in the header", name).isEqualTo(length + 4);
            if (!line.fromServer() && line.sequenceId() == 0) {
                expected = 0; // a new command starts a new exchange
            }
            assertThat(line.sequenceId()).as("%s: sequence id", name).isEqualTo(expected);
            expected = (expected + 1) & 0xFF;
        }
    }

    @Test
    void negotiatedCapabilitiesOfTheLoginsAreClientAndServerFlags() {
        for (String name : new String[] {"cli-login.hex", "deprecate-eof-login.hex"}) {
            Capture login = load(name);
            int server = HandshakeV10.decode(login.server().get(0).payload()).capabilities();
            int client = HandshakeResponse41.decode(login.client().get(0).payload()).capabilities();
            assertThat(login.capabilities()).as(name).isEqualTo(client & server);
        }
    }
}
