package io.junction.router.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client's answer to the greeting: who it is and what it can do.
 *
 * @param database schema to start in, or null
 * @param authPluginName plugin the auth response was made with, or null if the client did not say
 * @param mariadbCapabilities MariaDB's extended capabilities, in the last 4 of the 23 reserved bytes (sent by
 *        MariaDB clients to a server that cleared CLIENT_LONG_PASSWORD, alias CLIENT_MYSQL); 0 otherwise
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_packets_protocol_handshake_response.html">Protocol::HandshakeResponse41</a>
 * @see <a href="https://mariadb.com/kb/en/connection/#handshake-response-packet">MariaDB handshake response packet</a>
 */
public record HandshakeResponse41(int capabilities, long maxPacketSize, int characterSet, String username,
                                  byte[] authResponse, String database, String authPluginName,
                                  Map<String, String> connectAttributes, int mariadbCapabilities) {

    /** Length of an SSLRequest, the short form a client sends before upgrading to TLS. */
    public static final int SSL_REQUEST_LENGTH = 32;

    /** A response without MariaDB extended capabilities. */
    public HandshakeResponse41(int capabilities, long maxPacketSize, int characterSet, String username,
                               byte[] authResponse, String database, String authPluginName,
                               Map<String, String> connectAttributes) {
        this(capabilities, maxPacketSize, characterSet, username, authResponse, database, authPluginName,
                connectAttributes, 0);
    }

    public static HandshakeResponse41 decode(byte[] payload) {
        PacketReader in = new PacketReader(payload);
        int capabilities = (int) in.readInt4();
        if (!Capabilities.has(capabilities, Capabilities.CLIENT_PROTOCOL_41)) {
            throw new MalformedPacketException("client does not speak protocol 4.1");
        }
        long maxPacket = in.readInt4();
        int charset = in.readInt1();
        in.skip(19);
        int mariadbCapabilities = (int) in.readInt4();
        String user = in.readStringNul();
        byte[] auth;
        if (Capabilities.has(capabilities, Capabilities.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA)) {
            auth = in.readBytesLenenc();
        } else if (Capabilities.has(capabilities, Capabilities.CLIENT_SECURE_CONNECTION)) {
            auth = in.readBytes(in.readInt1());
        } else {
            auth = in.readBytesNul();
        }
        String database = Capabilities.has(capabilities, Capabilities.CLIENT_CONNECT_WITH_DB) && in.hasRemaining()
                ? in.readStringNul() : null;
        String plugin = Capabilities.has(capabilities, Capabilities.CLIENT_PLUGIN_AUTH) && in.hasRemaining()
                ? in.readStringNul() : null;
        Map<String, String> attributes = Map.of();
        if (Capabilities.has(capabilities, Capabilities.CLIENT_CONNECT_ATTRS) && in.hasRemaining()) {
            attributes = readAttributes(in);
        }
        return new HandshakeResponse41(capabilities, maxPacket, charset, user, auth,
                database == null || database.isEmpty() ? null : database, plugin, attributes, mariadbCapabilities);
    }

    private static Map<String, String> readAttributes(PacketReader in) {
        long length = in.readLenencInt();
        int end = in.position() + (int) length;
        Map<String, String> attributes = new LinkedHashMap<>();
        while (in.position() < end) {
            attributes.put(in.readStringLenenc(), in.readStringLenenc());
        }
        return Collections.unmodifiableMap(attributes);
    }

    public byte[] encode() {
        PacketWriter out = new PacketWriter(128)
                .writeInt4(capabilities & 0xFFFFFFFFL)
                .writeInt4(maxPacketSize)
                .writeInt1(characterSet)
                .writeZeros(19)
                .writeInt4(mariadbCapabilities & 0xFFFFFFFFL)
                .writeStringNul(username);
        if (Capabilities.has(capabilities, Capabilities.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA)) {
            out.writeBytesLenenc(authResponse);
        } else {
            out.writeInt1(authResponse.length).writeBytes(authResponse);
        }
        if (Capabilities.has(capabilities, Capabilities.CLIENT_CONNECT_WITH_DB)) {
            out.writeStringNul(database == null ? "" : database);
        }
        if (Capabilities.has(capabilities, Capabilities.CLIENT_PLUGIN_AUTH)) {
            out.writeStringNul(authPluginName);
        }
        if (Capabilities.has(capabilities, Capabilities.CLIENT_CONNECT_ATTRS)) {
            PacketWriter attributes = new PacketWriter();
            connectAttributes.forEach((k, v) -> attributes.writeStringLenenc(k).writeStringLenenc(v));
            out.writeLenencInt(attributes.length()).writeBytes(attributes.toByteArray());
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "HandshakeResponse41[user=" + username + ", database=" + database + ", plugin=" + authPluginName
                + ", capabilities=0x" + Integer.toHexString(capabilities) + "]";
    }
}
