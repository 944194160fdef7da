package io.junction.router.protocol;

/**
 * Logs the connection in as another user and resets its session.
 *
 * @param characterSet collation id, or 0 if the client sent none
 * @param authPluginName plugin the auth response was made with, or null
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_change_user.html">COM_CHANGE_USER</a>
 */
public record ComChangeUser(String username, byte[] authResponse, String database, int characterSet,
                            String authPluginName) {

    public static ComChangeUser decode(byte[] payload, int capabilities) {
        PacketReader in = new PacketReader(payload);
        in.skip(1);
        String user = in.readStringNul();
        byte[] auth = Capabilities.has(capabilities, Capabilities.CLIENT_SECURE_CONNECTION)
                ? in.readBytes(in.readInt1()) : in.readBytesNul();
        String database = in.readStringNul();
        int charset = in.remaining() >= 2 ? in.readInt2() : 0;
        String plugin = Capabilities.has(capabilities, Capabilities.CLIENT_PLUGIN_AUTH) && in.hasRemaining()
                ? in.readStringNul() : null;
        return new ComChangeUser(user, auth, database.isEmpty() ? null : database, charset, plugin);
    }

    public byte[] encode(int capabilities) {
        PacketWriter out = new PacketWriter().writeInt1(Command.CHANGE_USER).writeStringNul(username)
                .writeInt1(authResponse.length).writeBytes(authResponse)
                .writeStringNul(database == null ? "" : database)
                .writeInt2(characterSet);
        if (Capabilities.has(capabilities, Capabilities.CLIENT_PLUGIN_AUTH)) {
            out.writeStringNul(authPluginName);
        }
        return out.toByteArray();
    }
}
