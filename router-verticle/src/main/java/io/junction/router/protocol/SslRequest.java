package io.junction.router.protocol;

/**
 * The short handshake response a client sends to ask for TLS: the first 32 bytes of a
 * {@link HandshakeResponse41}, with CLIENT_SSL set. Both sides start the TLS handshake right after it (the client
 * does not wait for an answer), and the full HandshakeResponse41 follows encrypted, with sequence id 2.
 *
 * @param mariadbCapabilities MariaDB's extended capabilities, in the last 4 of the 23 reserved bytes; 0 otherwise
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_packets_protocol_ssl_request.html">Protocol::SSLRequest</a>
 */
public record SslRequest(int capabilities, long maxPacketSize, int characterSet, int mariadbCapabilities) {
    /** The payload length: what tells an SSLRequest from a full handshake response. */
    public static final int LENGTH = HandshakeResponse41.SSL_REQUEST_LENGTH;
    /** Its bytes on the wire, header included: where TLS bytes begin in a stream that starts with it. */
    public static final int WIRE_LENGTH = LENGTH + 4;

    public static boolean is(byte[] payload) {
        return payload.length == LENGTH;
    }

    public static SslRequest decode(byte[] payload) {
        if (!is(payload)) {
            throw new MalformedPacketException("an SSLRequest has " + LENGTH + " bytes, not " + payload.length);
        }
        PacketReader in = new PacketReader(payload);
        int capabilities = (int) in.readInt4();
        long maxPacketSize = in.readInt4();
        int characterSet = in.readInt1();
        in.skip(19);
        int mariadb = (int) in.readInt4();
        return new SslRequest(capabilities, maxPacketSize, characterSet, mariadb);
    }

    public byte[] encode() {
        return new PacketWriter(LENGTH)
                .writeInt4(capabilities & 0xFFFFFFFFL)
                .writeInt4(maxPacketSize)
                .writeInt1(characterSet)
                .writeZeros(19)
                .writeInt4(mariadbCapabilities & 0xFFFFFFFFL)
                .toByteArray();
    }

    /** Whether the client asked for TLS (it must, or the request makes no sense). */
    public boolean wantsTls() {
        return Capabilities.has(capabilities, Capabilities.CLIENT_SSL);
    }
}
