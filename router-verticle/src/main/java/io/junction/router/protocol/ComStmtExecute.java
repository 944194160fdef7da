package io.junction.router.protocol;

import java.util.Arrays;

/**
 * Reads and rewrites the parts of a COM_STMT_EXECUTE that a router must know: the statement id, the cursor flag
 * and the parameter types. The parameter values are never decoded.
 *
 * <p>Layout: command, statement id (4), flags (1), iteration count (4), then, if the statement has parameters, the
 * NULL bitmap ((n + 7) / 8 bytes), new-params-bound flag (1), the types (2 per parameter) if that flag is 1, and the
 * values.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_stmt_execute.html">COM_STMT_EXECUTE</a>
 */
public final class ComStmtExecute {
    /** Flags value asking for a read-only cursor (COM_STMT_FETCH then reads the rows). */
    public static final int CURSOR_TYPE_READ_ONLY = 1;
    private static final int FLAGS_AT = 5;
    private static final int PARAMS_AT = 10;

    private ComStmtExecute() {
    }

    public static int flags(byte[] payload) {
        need(payload, FLAGS_AT + 1);
        return payload[FLAGS_AT] & 0xFF;
    }

    /** The parameter types sent with this execute (2 bytes each), or null if the client sent none (flag 0). */
    public static byte[] boundTypes(byte[] payload, int parameters) {
        if (parameters == 0) {
            return null;
        }
        int flagAt = PARAMS_AT + (parameters + 7) / 8;
        need(payload, flagAt + 1);
        if (payload[flagAt] != 1) {
            return null;
        }
        need(payload, flagAt + 1 + 2 * parameters);
        return Arrays.copyOfRange(payload, flagAt + 1, flagAt + 1 + 2 * parameters);
    }

    /**
     * The same execute for another statement id, carrying {@code types} (when the client sent none, so the backend
     * statement learns them); {@code types} null leaves the parameters as they are.
     */
    public static byte[] rewrite(byte[] payload, long statementId, int parameters, byte[] types) {
        byte[] out;
        int flagAt = PARAMS_AT + (parameters + 7) / 8;
        if (types != null && parameters > 0 && boundTypes(payload, parameters) == null) {
            out = new byte[payload.length + types.length];
            System.arraycopy(payload, 0, out, 0, flagAt);
            out[flagAt] = 1;
            System.arraycopy(types, 0, out, flagAt + 1, types.length);
            System.arraycopy(payload, flagAt + 1, out, flagAt + 1 + types.length, payload.length - flagAt - 1);
        } else {
            out = payload.clone();
        }
        StatementId.write(out, statementId);
        return out;
    }

    private static void need(byte[] payload, int length) {
        if (payload.length < length) {
            throw new MalformedPacketException("COM_STMT_EXECUTE of " + payload.length + " bytes, needed " + length);
        }
    }
}
