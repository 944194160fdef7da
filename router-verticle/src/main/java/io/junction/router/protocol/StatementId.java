package io.junction.router.protocol;

/**
 * Reads the statement id that COM_STMT_EXECUTE, _SEND_LONG_DATA, _CLOSE, _RESET and _FETCH carry right after
 * the command byte.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_stmt_close.html">COM_STMT_CLOSE</a>
 */
public final class StatementId {
    private StatementId() {
    }

    public static long of(byte[] payload) {
        PacketReader in = new PacketReader(payload);
        in.skip(1);
        return in.readInt4();
    }

    /** Overwrites the statement id in place (the payload must already hold one). */
    public static void write(byte[] payload, long statementId) {
        if (payload.length < 5) {
            throw new MalformedPacketException("no statement id in a " + payload.length + "-byte packet");
        }
        for (int i = 0; i < 4; i++) {
            payload[1 + i] = (byte) (statementId >>> (8 * i));
        }
    }

    /** A copy of the payload with another statement id. */
    public static byte[] replaced(byte[] payload, long statementId) {
        byte[] copy = payload.clone();
        write(copy, statementId);
        return copy;
    }
}
