package io.junction.router.protocol;

/**
 * End of column definitions or rows, for peers without CLIENT_DEPRECATE_EOF.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_eof_packet.html">EOF_Packet</a>
 */
public record EofPacket(int warnings, int statusFlags) {
    public static final int HEADER = 0xFE;

    /** A 0xFE packet shorter than 9 bytes is an EOF; longer ones are rows whose first value is huge. */
    public static boolean is(byte[] payload) {
        return payload.length > 0 && payload.length < 9 && (payload[0] & 0xFF) == HEADER;
    }

    public static EofPacket decode(byte[] payload) {
        PacketReader in = new PacketReader(payload);
        in.skip(1);
        return new EofPacket(in.readInt2(), in.readInt2());
    }

    public byte[] encode() {
        return new PacketWriter(5).writeInt1(HEADER).writeInt2(warnings).writeInt2(statusFlags).toByteArray();
    }
}
