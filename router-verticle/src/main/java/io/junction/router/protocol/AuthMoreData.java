package io.junction.router.protocol;

/**
 * Extra authentication data from the server, e.g. caching_sha2_password's fast-auth result (3) or its request
 * for full authentication (4).
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_packets_protocol_auth_more_data.html">Protocol::AuthMoreData</a>
 */
public record AuthMoreData(byte[] data) {
    public static final int HEADER = 0x01;

    public static AuthMoreData decode(byte[] payload) {
        PacketReader in = new PacketReader(payload);
        in.skip(1);
        return new AuthMoreData(in.readBytesEof());
    }

    public byte[] encode() {
        return new PacketWriter().writeInt1(HEADER).writeBytes(data).toByteArray();
    }
}
