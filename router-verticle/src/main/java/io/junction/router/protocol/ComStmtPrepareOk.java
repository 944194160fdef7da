package io.junction.router.protocol;

/**
 * The first packet of a successful COM_STMT_PREPARE response; parameter and column definitions follow it.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_stmt_prepare.html#sect_protocol_com_stmt_prepare_response_ok">COM_STMT_PREPARE_OK</a>
 */
public record ComStmtPrepareOk(long statementId, int columns, int parameters, int warnings) {

    public static ComStmtPrepareOk decode(byte[] payload) {
        PacketReader in = new PacketReader(payload);
        in.skip(1);
        long id = in.readInt4();
        int columns = in.readInt2();
        int parameters = in.readInt2();
        in.skip(1);
        int warnings = in.remaining() >= 2 ? in.readInt2() : 0;
        return new ComStmtPrepareOk(id, columns, parameters, warnings);
    }

    public byte[] encode() {
        return new PacketWriter(12).writeInt1(0).writeInt4(statementId).writeInt2(columns).writeInt2(parameters)
                .writeInt1(0).writeInt2(warnings).toByteArray();
    }
}
