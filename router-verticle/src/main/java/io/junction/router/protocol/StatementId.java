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
}
