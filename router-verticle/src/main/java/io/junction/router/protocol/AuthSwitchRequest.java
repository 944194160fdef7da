package io.junction.router.protocol;

import java.util.Arrays;

/**
 * Asks the client to authenticate again with another plugin and new data. The data is kept exactly as on the wire:
 * mysql_native_password and caching_sha2_password send a 20-byte scramble followed by a NUL ({@link #forScramble},
 * {@link #scramble}); client_ed25519 sends its 32-byte nonce bare, and that nonce may itself end in a zero byte.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_packets_protocol_auth_switch_request.html">Protocol::AuthSwitchRequest</a>
 */
public record AuthSwitchRequest(String pluginName, byte[] pluginData) {
    public static final int HEADER = 0xFE;

    /** A switch to a scramble-based plugin: the scramble and the NUL that MySQL servers send after it. */
    public static AuthSwitchRequest forScramble(String pluginName, byte[] scramble) {
        return new AuthSwitchRequest(pluginName, Arrays.copyOf(scramble, scramble.length + 1));
    }

    public static AuthSwitchRequest decode(byte[] payload) {
        PacketReader in = new PacketReader(payload);
        in.skip(1);
        String plugin = in.readStringNul();
        return new AuthSwitchRequest(plugin, in.readBytesEof());
    }

    /** The data of a scramble-based plugin: without the NUL that follows the scramble. */
    public byte[] scramble() {
        return pluginData.length > 0 && pluginData[pluginData.length - 1] == 0
                ? Arrays.copyOf(pluginData, pluginData.length - 1) : pluginData;
    }

    public byte[] encode() {
        return new PacketWriter().writeInt1(HEADER).writeStringNul(pluginName).writeBytes(pluginData).toByteArray();
    }
}
