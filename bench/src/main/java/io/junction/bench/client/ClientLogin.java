package io.junction.bench.client;

import io.junction.router.auth.NativePassword;
import io.junction.router.protocol.AuthSwitchRequest;
import io.junction.router.protocol.Capabilities;
import io.junction.router.protocol.Collations;
import io.junction.router.protocol.ErrPacket;
import io.junction.router.protocol.HandshakeResponse41;
import io.junction.router.protocol.HandshakeV10;
import io.junction.router.protocol.OkPacket;

import java.util.Map;

/**
 * The load generators' side of the connection phase, with mysql_native_password only: greeting, handshake
 * response, an optional auth switch, then OK or ERR. Pure: it is fed the server's packets and says what to send.
 * Asks for what a plain text-protocol client (libmariadb, sysbench) asks for: no CLIENT_DEPRECATE_EOF, no
 * session tracking, no multi-statements.
 */
public final class ClientLogin {

    /** What to do after a packet from the server. */
    public sealed interface Step {
    }

    /** Send this payload with the next sequence id and wait for the next packet. */
    public record Send(byte[] payload) implements Step {
    }

    /** Logged in with these negotiated capabilities. */
    public record Done(int capabilities) implements Step {
    }

    /** The server refused the login, or spoke a plugin this client does not. */
    public record Failed(String reason) implements Step {
    }

    static final int ASKED = Capabilities.CLIENT_LONG_PASSWORD | Capabilities.CLIENT_LONG_FLAG
            | Capabilities.CLIENT_PROTOCOL_41 | Capabilities.CLIENT_TRANSACTIONS | Capabilities.CLIENT_SECURE_CONNECTION
            | Capabilities.CLIENT_MULTI_RESULTS | Capabilities.CLIENT_PLUGIN_AUTH
            | Capabilities.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA;

    private enum State { GREETING, AUTHENTICATING, DONE }

    private final String user;
    private final byte[] sha1Password;
    private final String schema;
    private State state = State.GREETING;
    private int capabilities;

    /** @param schema the schema to start in, or null */
    public ClientLogin(String user, String password, String schema) {
        this.user = user;
        this.sha1Password = password.isEmpty() ? new byte[0] : NativePassword.sha1(password);
        this.schema = schema;
    }

    public Step accept(byte[] payload) {
        return switch (state) {
            case GREETING -> greeting(payload);
            case AUTHENTICATING -> authenticating(payload);
            case DONE -> new Failed("packet after login");
        };
    }

    private Step greeting(byte[] payload) {
        if (ErrPacket.is(payload)) {
            return new Failed(ErrPacket.decode(payload).toString());
        }
        HandshakeV10 greeting = HandshakeV10.decode(payload);
        int asked = schema == null ? ASKED : ASKED | Capabilities.CLIENT_CONNECT_WITH_DB;
        capabilities = asked & greeting.capabilities();
        state = State.AUTHENTICATING;
        byte[] reply = NativePassword.scramble(sha1Password, greeting.authPluginData());
        return new Send(new HandshakeResponse41(capabilities, 1 << 24, Collations.DEFAULT.id(), user, reply, schema,
                NativePassword.NAME, Map.of()).encode());
    }

    private Step authenticating(byte[] payload) {
        int header = payload.length == 0 ? -1 : payload[0] & 0xFF;
        if (OkPacket.is(payload)) {
            state = State.DONE;
            return new Done(capabilities);
        }
        if (header == ErrPacket.HEADER) {
            return new Failed(ErrPacket.decode(payload).toString());
        }
        if (header == AuthSwitchRequest.HEADER) {
            AuthSwitchRequest request = AuthSwitchRequest.decode(payload);
            if (!NativePassword.NAME.equals(request.pluginName())) {
                return new Failed("server asks for auth plugin " + request.pluginName() + "; the bench client speaks "
                        + NativePassword.NAME + " only");
            }
            return new Send(NativePassword.scramble(sha1Password, request.pluginData()));
        }
        return new Failed(String.format("unexpected packet 0x%02X during login", header));
    }
}
