package io.junction.router.protocol;

/**
 * Failure of a command.
 *
 * @param sqlState five characters, e.g. {@code 28000}
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_err_packet.html">ERR_Packet</a>
 */
public record ErrPacket(int code, String sqlState, String message) {
    public static final int HEADER = 0xFF;

    public static ErrPacket of(MysqlError error, String message) {
        return new ErrPacket(error.code(), error.sqlState(), message);
    }

    public static boolean is(byte[] payload) {
        return payload.length > 0 && (payload[0] & 0xFF) == HEADER;
    }

    public static ErrPacket decode(byte[] payload) {
        PacketReader in = new PacketReader(payload);
        in.skip(1);
        int code = in.readInt2();
        String state = "HY000";
        if (in.hasRemaining() && in.peekInt1() == '#') {
            in.skip(1);
            state = in.readStringFixed(5);
        }
        return new ErrPacket(code, state, in.readStringEof());
    }

    public byte[] encode() {
        return new PacketWriter(16 + message.length())
                .writeInt1(HEADER)
                .writeInt2(code)
                .writeInt1('#')
                .writeStringEof(sqlState)
                .writeStringEof(message)
                .toByteArray();
    }

    @Override
    public String toString() {
        return "ERROR " + code + " (" + sqlState + "): " + message;
    }
}
