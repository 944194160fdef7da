package io.junction.router.protocol;

/**
 * Changes the default schema.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_init_db.html">COM_INIT_DB</a>
 */
public record ComInitDb(String schema) {

    public static ComInitDb decode(byte[] payload) {
        PacketReader in = new PacketReader(payload);
        in.skip(1);
        return new ComInitDb(in.readStringEof());
    }

    public byte[] encode() {
        return new PacketWriter().writeInt1(Command.INIT_DB).writeStringEof(schema).toByteArray();
    }
}
