package io.junction.router.backend;

import io.junction.router.auth.BackendSecret;
import io.junction.router.auth.CachingSha2Password;
import io.junction.router.auth.NativePassword;
import io.junction.router.protocol.AuthMoreData;
import io.junction.router.protocol.AuthSwitchRequest;
import io.junction.router.protocol.Capabilities;
import io.junction.router.protocol.ErrPacket;
import io.junction.router.protocol.HandshakeResponse41;
import io.junction.router.protocol.HandshakeV10;
import io.junction.router.protocol.OkPacket;

import java.util.Map;

/**
 * Junction logging in to a backend as a client: greeting, handshake response, auth switch and caching_sha2's
 * fast path. Pure: it is fed the server's packets and says what to send next.
 */
public final class BackendLogin {

    /** What to do after a packet from the server. */
    public sealed interface Step {
    }

    /** Send this payload (with the next sequence id) and wait for the next packet. */
    public record Send(byte[] payload) implements Step {
    }

    /** Wait for the next packet. */
    public record Wait() implements Step {
    }

    /** Logged in with these negotiated capabilities. */
    public record Done(HandshakeV10 greeting, int capabilities) implements Step {
    }

    /** The login failed. */
    public record Failed(String reason) implements Step {
    }

    private enum State { GREETING, AUTHENTICATING, DONE }

    private final String user;
    private final BackendSecret secret;
    private final String schema;
    private final int collationId;
    private final int wireFormat;
    private State state = State.GREETING;
    private HandshakeV10 greeting;
    private int capabilities;

    /** @param wireFormat the client flags (of {@link Capabilities#WIRE_FORMAT}) this connection must carry */
    public BackendLogin(String user, BackendSecret secret, String schema, int collationId, int wireFormat) {
        this.user = user;
        this.secret = secret;
        this.schema = schema;
        this.collationId = collationId;
        this.wireFormat = wireFormat;
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
        greeting = HandshakeV10.decode(payload);
        int wanted = Capabilities.BACKEND_BASE | wireFormat;
        if (schema == null) {
            wanted &= ~Capabilities.CLIENT_CONNECT_WITH_DB;
        }
        int missing = (Capabilities.REQUIRED | Capabilities.CLIENT_PLUGIN_AUTH | Capabilities.CLIENT_SESSION_TRACK | wireFormat)
                & ~greeting.capabilities();
        if (missing != 0) {
            return new Failed(String.format("backend %s lacks capabilities 0x%08X", greeting.serverVersion(), missing));
        }
        capabilities = wanted & greeting.capabilities();
        String plugin = CachingSha2Password.NAME.equals(greeting.authPluginName()) && secret.clearPassword() != null
                ? CachingSha2Password.NAME : NativePassword.NAME;
        state = State.AUTHENTICATING;
        HandshakeResponse41 response = new HandshakeResponse41(capabilities, 1 << 30, collationId, user,
                reply(plugin, greeting.authPluginData()), schema, plugin, Map.of());
        return new Send(response.encode());
    }

    private Step authenticating(byte[] payload) {
        int header = payload.length == 0 ? -1 : payload[0] & 0xFF;
        if (OkPacket.is(payload)) {
            state = State.DONE;
            return new Done(greeting, capabilities);
        }
        if (header == ErrPacket.HEADER) {
            return new Failed(ErrPacket.decode(payload).toString());
        }
        if (header == AuthSwitchRequest.HEADER) {
            AuthSwitchRequest request = AuthSwitchRequest.decode(payload);
            if (!NativePassword.NAME.equals(request.pluginName()) && !CachingSha2Password.NAME.equals(request.pluginName())) {
                return new Failed("backend asks for auth plugin " + request.pluginName() + ", which Junction does not support yet");
            }
            if (CachingSha2Password.NAME.equals(request.pluginName()) && secret.clearPassword() == null) {
                return new Failed("backend user " + user + " uses caching_sha2_password: configure its clear password");
            }
            return new Send(reply(request.pluginName(), request.pluginData()));
        }
        if (header == AuthMoreData.HEADER) {
            byte[] data = AuthMoreData.decode(payload).data();
            if (data.length == 1 && data[0] == CachingSha2Password.FAST_AUTH_SUCCESS) {
                return new Wait();
            }
            return new Failed("backend asks for caching_sha2_password full authentication, not supported yet (needs TLS or RSA)");
        }
        return new Failed(String.format("unexpected packet 0x%02X during backend login", header));
    }

    private byte[] reply(String plugin, byte[] nonce) {
        if (CachingSha2Password.NAME.equals(plugin)) {
            return CachingSha2Password.scramble(secret.clearPassword(), nonce);
        }
        return NativePassword.scramble(secret.sha1Password(), nonce);
    }
}
