package io.junction.router.protocol;

/**
 * Asks the client to authenticate again with another plugin and a new nonce.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_packets_protocol_auth_switch_request.html">Protocol::AuthSwitchRequest</a>
 */
public record AuthSwitchRequest(String pluginName, byte[] pluginData) {
    public static final int HEADER = 0xFE;

    public static AuthSwitchRequest decode(byte[] payload) {
        PacketReader in = new PacketReader(payload);
        in.skip(1);
        String plugin = in.readStringNul();
        byte[] data = in.readBytesEof();
        if (data.length > 0 && data[data.length - 1] == 0) {
            data = java.util.Arrays.copyOf(data, data.length - 1);
        }
        return new AuthSwitchRequest(plugin, data);
    }

    /** Encodes with the trailing NUL that MySQL servers send after the nonce. */
    public byte[] encode() {
        return new PacketWriter().writeInt1(HEADER).writeStringNul(pluginName).writeBytesNul(pluginData).toByteArray();
    }
}
