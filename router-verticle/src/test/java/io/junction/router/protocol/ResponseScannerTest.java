package io.junction.router.protocol;

import io.junction.router.protocol.CapturesTest.Capture;
import io.junction.router.protocol.ResponseScanner.Kind;
import io.junction.router.protocol.ResponseScanner.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static io.junction.router.protocol.ResponseScanner.Kind.DATA;
import static io.junction.router.protocol.ResponseScanner.Kind.EOF;
import static io.junction.router.protocol.ResponseScanner.Kind.ERR;
import static io.junction.router.protocol.ResponseScanner.Kind.LOCAL_INFILE_REQUEST;
import static io.junction.router.protocol.ResponseScanner.Kind.OK;
import static io.junction.router.protocol.ResponseScanner.Kind.PREPARE_OK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ResponseScannerTest {

    /** Each captured response: the capture, which of its responses, its shape, the kinds read off the bytes, the rows. */
    static Stream<Arguments> capturedResponses() {
        return Stream.of(
                arguments("cli-resultset.hex", 0, Shape.RESULT, List.of(DATA, DATA, DATA, EOF, DATA, DATA, EOF), 2),
                arguments("cli-select-database.hex", 0, Shape.RESULT, List.of(DATA, DATA, EOF, DATA, EOF), 1),
                arguments("cli-multi-result.hex", 0, Shape.RESULT,
                        List.of(DATA, DATA, EOF, DATA, EOF, DATA, DATA, EOF, DATA, EOF), 1),
                arguments("cli-err-no-such-table.hex", 0, Shape.RESULT, List.of(ERR), 0),
                arguments("cli-session-state.hex", 0, Shape.RESULT, List.of(OK), 0),
                arguments("cli-session-state.hex", 1, Shape.RESULT, List.of(OK), 0),
                arguments("cli-session-state.hex", 2, Shape.SINGLE, List.of(OK), 0),
                arguments("deprecate-eof-resultset.hex", 0, Shape.RESULT, List.of(DATA, DATA, DATA, DATA, DATA, OK), 2),
                arguments("deprecate-eof-multi-result.hex", 0, Shape.RESULT,
                        List.of(DATA, DATA, DATA, OK, DATA, DATA, DATA, OK), 1),
                arguments("deprecate-eof-stmt-prepare.hex", 0, Shape.PREPARE, List.of(PREPARE_OK, DATA, DATA, DATA, DATA), 0),
                arguments("stmt-prepare.hex", 0, Shape.PREPARE, List.of(PREPARE_OK, DATA, DATA, EOF, DATA, DATA, EOF), 0),
                arguments("session-state-transaction.hex", 1, Shape.RESULT, List.of(OK), 0),
                arguments("local-infile.hex", 0, Shape.RESULT, List.of(LOCAL_INFILE_REQUEST, OK), 0));
    }

    @ParameterizedTest(name = "{0} #{1}")
    @MethodSource("capturedResponses")
    void doneExactlyAtTheLastPacketOfACapturedResponse(String name, int response, Shape shape, List<Kind> kinds, long rows) {
        Capture capture = CapturesTest.load(name);
        List<byte[]> packets = capture.responses().get(response);
        ResponseScanner scanner = new ResponseScanner(shape, capture.capabilities());

        List<Kind> seen = new ArrayList<>();
        for (int i = 0; i < packets.size(); i++) {
            assertThat(scanner.done()).as("done before packet %d of %d", i, packets.size()).isFalse();
            seen.add(scanner.accept(packets.get(i)));
        }

        assertThat(seen).isEqualTo(kinds);
        assertThat(scanner.done()).isTrue();
        assertThat(scanner.rows()).isEqualTo(rows);
    }

    @Test
    void resultSetEndsWithTheStatusOfItsLastEof() {
        ResponseScanner scanner = scan("cli-resultset.hex", Shape.RESULT);

        assertThat(scanner.statusFlags()).isEqualTo(0x0022);
        assertThat(scanner.error()).isNull();
        assertThat(scanner.lastOk()).isNull();
    }

    @Test
    void deprecateEofResultSetEndsWithAnOk() {
        ResponseScanner scanner = scan("deprecate-eof-resultset.hex", Shape.RESULT);

        assertThat(scanner.lastOk().header()).isEqualTo(OkPacket.EOF_HEADER);
        assertThat(scanner.statusFlags()).isEqualTo(0x0022);
    }

    @Test
    void errorEndsTheResponse() {
        ResponseScanner scanner = scan("cli-err-no-such-table.hex", Shape.RESULT);

        assertThat(scanner.error().code()).isEqualTo(1146);
        assertThat(scanner.error().sqlState()).isEqualTo("42S02");
    }

    @Test
    void okKeepsItsSessionStateChanges() {
        Capture capture = CapturesTest.load("cli-session-state.hex");
        ResponseScanner scanner = new ResponseScanner(Shape.RESULT, capture.capabilities());
        scanner.accept(capture.responses().get(2).get(0));

        assertThat(SessionStateChanges.decode(scanner.lastOk().sessionStateChanges()).schema()).isEqualTo("mysql");
        assertThat(scanner.statusFlags()).isEqualTo(StatusFlags.AUTOCOMMIT | StatusFlags.SESSION_STATE_CHANGED);
    }

    /** The parameter count-down used to jump to the columns at its first packet and miss or overrun them. */
    @ParameterizedTest(name = "{0} parameters, {1} columns, deprecate EOF {2}")
    @CsvSource({"1, 1, true", "1, 1, false", "2, 0, true", "2, 0, false", "0, 3, true", "0, 3, false", "3, 1, true", "3, 1, false"})
    void prepareResponseReadsEveryParameterAndColumn(int parameters, int columns, boolean deprecateEof) {
        byte[] definition = CapturesTest.load("stmt-prepare.hex").responses().get(0).get(1);
        byte[] eof = new EofPacket(0, StatusFlags.AUTOCOMMIT).encode();
        List<byte[]> packets = new ArrayList<>();
        packets.add(new ComStmtPrepareOk(9, columns, parameters, 0).encode());
        for (int block : new int[] {parameters, columns}) {
            for (int i = 0; i < block; i++) {
                packets.add(definition);
            }
            if (block > 0 && !deprecateEof) {
                packets.add(eof);
            }
        }
        int capabilities = Capabilities.CLIENT_PROTOCOL_41 | (deprecateEof ? Capabilities.CLIENT_DEPRECATE_EOF : 0);
        ResponseScanner scanner = new ResponseScanner(Shape.PREPARE, capabilities);

        for (int i = 0; i < packets.size(); i++) {
            assertThat(scanner.done()).as("done before packet %d of %d", i, packets.size()).isFalse();
            scanner.accept(packets.get(i));
        }
        assertThat(scanner.done()).isTrue();
    }

    @Test
    void packetAfterTheEndIsMalformed() {
        Capture capture = CapturesTest.load("cli-err-no-such-table.hex");
        ResponseScanner scanner = new ResponseScanner(Shape.RESULT, capture.capabilities());
        byte[] err = capture.responses().get(0).get(0);
        scanner.accept(err);

        assertThatThrownBy(() -> scanner.accept(err))
                .isInstanceOf(MalformedPacketException.class)
                .hasMessage("packet after the end of a response");
    }

    @Test
    void emptyPacketIsMalformed() {
        assertThatThrownBy(() -> new ResponseScanner(Shape.RESULT, 0).accept(new byte[0]))
                .isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void errorInTheMiddleOfRowsEndsTheResponse() {
        Capture capture = CapturesTest.load("cli-resultset.hex");
        List<byte[]> packets = capture.responses().get(0);
        ResponseScanner scanner = new ResponseScanner(Shape.RESULT, capture.capabilities());
        for (byte[] packet : packets.subList(0, 5)) {
            scanner.accept(packet);
        }

        assertThat(scanner.accept(ErrPacket.of(MysqlError.CONNECTION_KILLED, "killed").encode())).isEqualTo(ERR);
        assertThat(scanner.done()).isTrue();
        assertThat(scanner.error().code()).isEqualTo(1927);
    }

    @Test
    void cursorOpenedByExecuteEndsAfterTheColumns() {
        Capture capture = CapturesTest.load("cli-resultset.hex");
        List<byte[]> packets = capture.responses().get(0);
        ResponseScanner scanner = new ResponseScanner(Shape.RESULT, capture.capabilities());
        for (byte[] packet : packets.subList(0, 3)) {
            scanner.accept(packet);
        }

        scanner.accept(new EofPacket(0, StatusFlags.AUTOCOMMIT | StatusFlags.CURSOR_EXISTS).encode());

        assertThat(scanner.done()).isTrue();
    }

    @Test
    void fieldListIsDefinitionsThenEof() {
        Capture capture = CapturesTest.load("cli-resultset.hex");
        List<byte[]> packets = capture.responses().get(0);
        ResponseScanner scanner = new ResponseScanner(Shape.FIELD_LIST, capture.capabilities());

        assertThat(scanner.accept(packets.get(1))).isEqualTo(DATA);
        assertThat(scanner.accept(packets.get(2))).isEqualTo(DATA);
        assertThat(scanner.done()).isFalse();
        assertThat(scanner.accept(packets.get(3))).isEqualTo(EOF);
        assertThat(scanner.done()).isTrue();
    }

    @Test
    void singleAcceptsOneOkOrEof() {
        ResponseScanner ok = new ResponseScanner(Shape.SINGLE, Capabilities.CLIENT_SESSION_TRACK);
        ResponseScanner eof = new ResponseScanner(Shape.SINGLE, 0);
        ResponseScanner other = new ResponseScanner(Shape.SINGLE, 0);

        assertThat(ok.accept(OkPacket.of(StatusFlags.AUTOCOMMIT).encode(Capabilities.CLIENT_SESSION_TRACK))).isEqualTo(OK);
        assertThat(ok.done()).isTrue();
        assertThat(eof.accept(new EofPacket(0, StatusFlags.IN_TRANS).encode())).isEqualTo(EOF);
        assertThat(eof.statusFlags()).isEqualTo(StatusFlags.IN_TRANS);
        assertThatThrownBy(() -> other.accept(HexFormat.of().parseHex("0101")))
                .isInstanceOf(MalformedPacketException.class)
                .hasMessage("unexpected response packet 0x01");
    }

    private static ResponseScanner scan(String name, Shape shape) {
        Capture capture = CapturesTest.load(name);
        ResponseScanner scanner = new ResponseScanner(shape, capture.capabilities());
        capture.responses().get(0).forEach(scanner::accept);
        return scanner;
    }
}
