package io.junction.router.protocol;

import java.util.Arrays;

/**
 * The server's greeting: the first packet of a connection.
 *
 * @param authPluginData the nonce (scramble), 20 bytes for the native and caching_sha2 plugins
 * @param mariadbCapabilities MariaDB's extended capabilities, in the last 4 of the 10 reserved bytes (a MariaDB
 *        server clears CLIENT_LONG_PASSWORD, alias CLIENT_MYSQL, when it sends them); 0 from MySQL and Junction
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_packets_protocol_handshake_v10.html">Protocol::HandshakeV10</a>
 * @see <a href="https://mariadb.com/kb/en/connection/#initial-handshake-packet">MariaDB initial handshake packet</a>
 */
public record HandshakeV10(String serverVersion, long connectionId, byte[] authPluginData, int capabilities,
                           int characterSet, int statusFlags, String authPluginName, int mariadbCapabilities) {

    /** A greeting without MariaDB extended capabilities. */
    public HandshakeV10(String serverVersion, long connectionId, byte[] authPluginData, int capabilities,
                        int characterSet, int statusFlags, String authPluginName) {
        this(serverVersion, connectionId, authPluginData, capabilities, characterSet, statusFlags, authPluginName, 0);
    }

    public static HandshakeV10 decode(byte[] payload) {
        PacketReader in = new PacketReader(payload);
        int protocol = in.readInt1();
        if (protocol != 10) {
            throw new MalformedPacketException("handshake protocol version " + protocol + " (expected: 10)");
        }
        String version = in.readStringNul();
        long connectionId = in.readInt4();
        byte[] part1 = in.readBytes(8);
        in.skip(1);
        int capabilities = in.readInt2();
        int charset = in.readInt1();
        int status = in.readInt2();
        capabilities |= in.readInt2() << 16;
        int dataLength = in.readInt1();
        in.skip(6);
        int mariadbCapabilities = (int) in.readInt4();
        byte[] part2 = new byte[0];
        if (Capabilities.has(capabilities, Capabilities.CLIENT_SECURE_CONNECTION)) {
            part2 = in.readBytes(Math.max(13, dataLength - 8));
            if (part2[part2.length - 1] == 0) {
                part2 = Arrays.copyOf(part2, part2.length - 1);
            }
        }
        String plugin = Capabilities.has(capabilities, Capabilities.CLIENT_PLUGIN_AUTH) && in.hasRemaining()
                ? in.readStringNul() : "mysql_native_password";
        byte[] nonce = Arrays.copyOf(part1, 8 + part2.length);
        System.arraycopy(part2, 0, nonce, 8, part2.length);
        return new HandshakeV10(version, connectionId, nonce, capabilities, charset, status, plugin, mariadbCapabilities);
    }

    public byte[] encode() {
        PacketWriter out = new PacketWriter(128)
                .writeInt1(10)
                .writeStringNul(serverVersion)
                .writeInt4(connectionId)
                .writeBytes(authPluginData, 0, 8)
                .writeInt1(0)
                .writeInt2(capabilities & 0xFFFF)
                .writeInt1(characterSet)
                .writeInt2(statusFlags)
                .writeInt2(capabilities >>> 16)
                .writeInt1(authPluginData.length + 1)
                .writeZeros(6)
                .writeInt4(mariadbCapabilities & 0xFFFFFFFFL)
                .writeBytes(authPluginData, 8, authPluginData.length - 8)
                .writeInt1(0);
        return out.writeStringNul(authPluginName).toByteArray();
    }
}
