package io.junction.router.protocol;

/**
 * Turns multi-statements on (0) or off (1) for the rest of the session.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_set_option.html">COM_SET_OPTION</a>
 */
public record ComSetOption(int option) {
    public static final int MULTI_STATEMENTS_ON = 0;
    public static final int MULTI_STATEMENTS_OFF = 1;

    public static ComSetOption decode(byte[] payload) {
        PacketReader in = new PacketReader(payload);
        in.skip(1);
        return new ComSetOption(in.readInt2());
    }

    public byte[] encode() {
        return new PacketWriter(3).writeInt1(Command.SET_OPTION).writeInt2(option).toByteArray();
    }
}
