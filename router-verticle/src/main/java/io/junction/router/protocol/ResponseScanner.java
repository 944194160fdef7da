package io.junction.router.protocol;

/**
 * Follows one command's response packet by packet and says where it ends, without decoding rows or column
 * definitions. It reads only what it must: the first byte and length of each packet, and OK, EOF and ERR
 * packets whole (their status flags say whether more result sets follow).
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_query_response.html">COM_QUERY Response</a>
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_stmt_prepare.html">COM_STMT_PREPARE Response</a>
 */
public final class ResponseScanner {

    /** What a command's response looks like. */
    public enum Shape {
        /** Result sets or OK, possibly several (COM_QUERY, COM_STMT_EXECUTE). */
        RESULT,
        /** COM_STMT_PREPARE_OK then parameter and column definitions. */
        PREPARE,
        /** Column definitions then EOF (COM_FIELD_LIST). */
        FIELD_LIST,
        /** Rows then EOF (COM_STMT_FETCH). */
        ROWS,
        /** One OK, ERR or EOF packet. */
        SINGLE,
        /** One packet of plain text (COM_STATISTICS). */
        TEXT
    }

    /** What a packet was. */
    public enum Kind { DATA, OK, EOF, ERR, LOCAL_INFILE_REQUEST, PREPARE_OK }

    private enum State { FIRST, COLUMNS, COLUMNS_EOF, ROWS, PARAMS, PARAMS_EOF, PREPARED_COLUMNS, PREPARED_COLUMNS_EOF, DONE }

    private final Shape shape;
    private final int capabilities;
    private final boolean deprecateEof;
    private State state = State.FIRST;
    private long pending;
    private long preparedColumns;
    private long rows;
    private int statusFlags;
    private OkPacket lastOk;
    private ErrPacket error;

    /** @param capabilities the flags the backend connection negotiated */
    public ResponseScanner(Shape shape, int capabilities) {
        this.shape = shape;
        this.capabilities = capabilities;
        this.deprecateEof = Capabilities.has(capabilities, Capabilities.CLIENT_DEPRECATE_EOF);
    }

    public boolean done() {
        return state == State.DONE;
    }

    /** Status flags of the last OK or EOF seen. */
    public int statusFlags() {
        return statusFlags;
    }

    /** The last OK packet seen, or null. */
    public OkPacket lastOk() {
        return lastOk;
    }

    /** The error that ended the response, or null. */
    public ErrPacket error() {
        return error;
    }

    /** Rows of the last result set. */
    public long rows() {
        return rows;
    }

    /** Classifies the next packet of the response and moves on. */
    public Kind accept(byte[] payload) {
        if (state == State.DONE) {
            throw new MalformedPacketException("packet after the end of a response");
        }
        if (payload.length == 0) {
            throw new MalformedPacketException("empty packet in a response");
        }
        int first = payload[0] & 0xFF;
        if (first == ErrPacket.HEADER && state != State.COLUMNS && state != State.PARAMS && state != State.PREPARED_COLUMNS) {
            error = ErrPacket.decode(payload);
            state = State.DONE;
            return Kind.ERR;
        }
        return switch (state) {
            case FIRST -> first(payload, first);
            case COLUMNS -> countDown(State.COLUMNS_EOF, State.ROWS);
            case COLUMNS_EOF -> columnsEof(payload);
            case ROWS -> row(payload, first);
            case PARAMS -> parameterDefinition();
            case PARAMS_EOF -> eof(payload, afterParams());
            case PREPARED_COLUMNS -> countDown(State.PREPARED_COLUMNS_EOF, State.DONE);
            case PREPARED_COLUMNS_EOF -> eof(payload, State.DONE);
            case DONE -> throw new IllegalStateException();
        };
    }

    private Kind first(byte[] payload, int first) {
        switch (shape) {
            case SINGLE:
                state = State.DONE;
                if (first == OkPacket.HEADER) {
                    return ok(payload);
                }
                if (first == EofPacket.HEADER) {
                    statusFlags = EofPacket.decode(payload).statusFlags();
                    return Kind.EOF;
                }
                throw new MalformedPacketException(String.format("unexpected response packet 0x%02X", first));
            case TEXT:
                state = State.DONE;
                return Kind.DATA;
            case FIELD_LIST:
            case ROWS:
                state = State.ROWS;
                return row(payload, first);
            case PREPARE:
                return prepareOk(payload);
            default:
                break;
        }
        if (first == OkPacket.HEADER) {
            Kind kind = ok(payload);
            state = lastOk.moreResults() ? State.FIRST : State.DONE;
            return kind;
        }
        if (first == 0xFB) {
            return Kind.LOCAL_INFILE_REQUEST;
        }
        pending = new PacketReader(payload).readLenencInt();
        rows = 0;
        state = State.COLUMNS;
        return Kind.DATA;
    }

    private Kind prepareOk(byte[] payload) {
        ComStmtPrepareOk ok = ComStmtPrepareOk.decode(payload);
        preparedColumns = ok.columns();
        pending = ok.parameters();
        state = pending > 0 ? State.PARAMS : afterParams();
        return Kind.PREPARE_OK;
    }

    private State afterParams() {
        if (preparedColumns == 0) {
            return State.DONE;
        }
        pending = preparedColumns;
        preparedColumns = 0;
        return State.PREPARED_COLUMNS;
    }

    private Kind countDown(State eofNext, State deprecatedNext) {
        if (--pending == 0) {
            state = deprecateEof ? deprecatedNext : eofNext;
        }
        return Kind.DATA;
    }

    /** Like {@link #countDown}, but moves on to the columns (resetting {@code pending}) only after the last parameter. */
    private Kind parameterDefinition() {
        if (--pending == 0) {
            state = deprecateEof ? afterParams() : State.PARAMS_EOF;
        }
        return Kind.DATA;
    }

    private Kind columnsEof(byte[] payload) {
        Kind kind = eof(payload, State.ROWS);
        if (StatusFlags.has(statusFlags, StatusFlags.CURSOR_EXISTS)) {
            state = State.DONE;
        }
        return kind;
    }

    private Kind eof(byte[] payload, State next) {
        if (!EofPacket.is(payload)) {
            throw new MalformedPacketException("expected an EOF packet");
        }
        statusFlags = EofPacket.decode(payload).statusFlags();
        state = next;
        return Kind.EOF;
    }

    private Kind row(byte[] payload, int first) {
        if (first != EofPacket.HEADER) {
            rows++;
            return Kind.DATA;
        }
        Kind kind;
        if (deprecateEof && payload.length < PacketFramer.MAX_PART) {
            kind = ok(payload);
        } else if (EofPacket.is(payload)) {
            statusFlags = EofPacket.decode(payload).statusFlags();
            kind = Kind.EOF;
        } else {
            rows++;
            return Kind.DATA;
        }
        boolean more = shape == Shape.RESULT && StatusFlags.has(statusFlags, StatusFlags.MORE_RESULTS_EXISTS);
        state = more ? State.FIRST : State.DONE;
        return kind;
    }

    private Kind ok(byte[] payload) {
        lastOk = OkPacket.decode(payload, capabilities);
        statusFlags = lastOk.statusFlags();
        return Kind.OK;
    }
}
