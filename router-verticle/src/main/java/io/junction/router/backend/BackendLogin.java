package io.junction.router.backend;

import io.junction.router.auth.BackendSecret;
import io.junction.router.auth.CachingSha2Password;
import io.junction.router.auth.Ed25519Password;
import io.junction.router.auth.NativePassword;
import io.junction.router.auth.RsaPassword;
import io.junction.router.protocol.AuthMoreData;
import io.junction.router.protocol.AuthSwitchRequest;
import io.junction.router.protocol.Capabilities;
import io.junction.router.protocol.ErrPacket;
import io.junction.router.protocol.HandshakeResponse41;
import io.junction.router.protocol.HandshakeV10;
import io.junction.router.protocol.OkPacket;
import io.junction.router.protocol.SslRequest;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Map;

/**
 * Junction logging in to a backend as a client: greeting, the TLS upgrade when the server is configured for it,
 * handshake response, auth switch, caching_sha2_password's fast path and full authentication (the clear
 * password over TLS; over plain TCP the password encrypted with the server's RSA public key, which Junction asks
 * for), and MariaDB's client_ed25519 (the signature of the server's nonce, made from the clear password). Pure: it
 * is fed the server's packets and says what to send next.
 */
public final class BackendLogin {

    /** What to do after a packet from the server. */
    public sealed interface Step {
    }

    /** Send this payload (with the next sequence id) and wait for the next packet. */
    public record Send(byte[] payload) implements Step {
    }

    /**
     * Send {@code sslRequest} (with the next sequence id), start TLS, then send {@code response} (with the id after)
     * over it and wait for the next packet.
     */
    public record StartTls(byte[] sslRequest, byte[] response) implements Step {
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

    private enum State { GREETING, AUTHENTICATING, AWAITING_PUBLIC_KEY, DONE }

    private static final long MAX_PACKET = 1 << 30;

    private final String user;
    private final BackendSecret secret;
    private final String schema;
    private final int collationId;
    private final int wireFormat;
    private final boolean tls;
    private State state = State.GREETING;
    private HandshakeV10 greeting;
    private int capabilities;
    private byte[] nonce;

    /** A login over plain TCP. */
    public BackendLogin(String user, BackendSecret secret, String schema, int collationId, int wireFormat) {
        this(user, secret, schema, collationId, wireFormat, false);
    }

    /**
     * @param wireFormat the client flags (of {@link Capabilities#WIRE_FORMAT}) this connection must carry
     * @param tls whether to upgrade to TLS before logging in (the server must offer it)
     */
    public BackendLogin(String user, BackendSecret secret, String schema, int collationId, int wireFormat, boolean tls) {
        this.user = user;
        this.secret = secret;
        this.schema = schema;
        this.collationId = collationId;
        this.wireFormat = wireFormat;
        this.tls = tls;
    }

    public Step accept(byte[] payload) {
        return switch (state) {
            case GREETING -> greeting(payload);
            case AUTHENTICATING -> authenticating(payload);
            case AWAITING_PUBLIC_KEY -> publicKey(payload);
            case DONE -> new Failed("packet after login");
        };
    }

    private Step greeting(byte[] payload) {
        if (ErrPacket.is(payload)) {
            return new Failed(ErrPacket.decode(payload).toString());
        }
        if (!secret.isKnown()) {
            return new Failed("no password to log in to the backend as " + user + ": only password_ed25519 is"
                    + " configured, and a client_ed25519 login does not reveal the password (configure password)");
        }
        greeting = HandshakeV10.decode(payload);
        int wanted = Capabilities.BACKEND_BASE | wireFormat | (tls ? Capabilities.CLIENT_SSL : 0);
        if (schema == null) {
            wanted &= ~Capabilities.CLIENT_CONNECT_WITH_DB;
        }
        int missing = (Capabilities.REQUIRED | Capabilities.CLIENT_PLUGIN_AUTH | Capabilities.CLIENT_SESSION_TRACK | wireFormat)
                & ~greeting.capabilities();
        if (missing != 0) {
            return new Failed(String.format("backend %s lacks capabilities 0x%08X", greeting.serverVersion(), missing));
        }
        if (tls && !Capabilities.has(greeting.capabilities(), Capabilities.CLIENT_SSL)) {
            return new Failed("backend " + greeting.serverVersion() + " does not offer TLS, which its tls setting requires");
        }
        capabilities = wanted & greeting.capabilities();
        nonce = greeting.authPluginData();
        String plugin = CachingSha2Password.NAME.equals(greeting.authPluginName()) && secret.clearPassword() != null
                ? CachingSha2Password.NAME : NativePassword.NAME;
        state = State.AUTHENTICATING;
        byte[] response = new HandshakeResponse41(capabilities, MAX_PACKET, collationId, user,
                reply(plugin, nonce), schema, plugin, Map.of()).encode();
        return tls ? new StartTls(new SslRequest(capabilities, MAX_PACKET, collationId, 0).encode(), response) : new Send(response);
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
            return authSwitch(AuthSwitchRequest.decode(payload));
        }
        if (header == AuthMoreData.HEADER) {
            byte[] data = AuthMoreData.decode(payload).data();
            if (data.length == 1 && data[0] == CachingSha2Password.FAST_AUTH_SUCCESS) {
                return new Wait();
            }
            if (data.length == 1 && data[0] == CachingSha2Password.PERFORM_FULL_AUTHENTICATION) {
                return fullAuthentication();
            }
            return new Failed("unexpected AuthMoreData during backend login");
        }
        return new Failed(String.format("unexpected packet 0x%02X during backend login", header));
    }

    private Step authSwitch(AuthSwitchRequest request) {
        String plugin = request.pluginName();
        if (Ed25519Password.NAME.equals(plugin)) {
            if (secret.clearPassword() == null) {
                return needsClearPassword(plugin, "");
            }
            return new Send(Ed25519Password.sign(secret.clearPassword().getBytes(StandardCharsets.UTF_8), request.pluginData()));
        }
        if (!NativePassword.NAME.equals(plugin) && !CachingSha2Password.NAME.equals(plugin)) {
            return new Failed("backend asks for auth plugin " + plugin + ", which Junction does not support yet");
        }
        if (CachingSha2Password.NAME.equals(plugin) && secret.clearPassword() == null) {
            return needsSha2ClearPassword();
        }
        nonce = request.scramble();
        return new Send(reply(plugin, nonce));
    }

    /** The server could not use the fast path (its cache is cold): send the password itself, protected. */
    private Step fullAuthentication() {
        if (secret.clearPassword() == null) {
            return needsSha2ClearPassword();
        }
        if (tls) {
            return new Send(RsaPassword.nulTerminated(secret.clearPassword()));
        }
        state = State.AWAITING_PUBLIC_KEY;
        return new Send(new byte[] {CachingSha2Password.REQUEST_PUBLIC_KEY});
    }

    private Step publicKey(byte[] payload) {
        if (payload.length == 0 || (payload[0] & 0xFF) != AuthMoreData.HEADER) {
            state = State.AUTHENTICATING;
            return authenticating(payload);
        }
        PublicKey key;
        try {
            key = RsaPassword.parsePem(new String(AuthMoreData.decode(payload).data(), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return new Failed("backend sent an unusable RSA public key: " + e.getMessage());
        }
        state = State.AUTHENTICATING;
        return new Send(RsaPassword.encrypt(secret.clearPassword(), nonce, key));
    }

    private Failed needsSha2ClearPassword() {
        return needsClearPassword(CachingSha2Password.NAME, ", or give the user auth_plugin: caching_sha2_password so"
                + " that Junction learns it from the client's full authentication");
    }

    private Failed needsClearPassword(String plugin, String alternative) {
        return new Failed("backend user " + user + " authenticates with " + plugin + ", which needs the clear"
                + " password: only its hash is configured (configure the password" + alternative + ")");
    }

    private byte[] reply(String plugin, byte[] nonce) {
        if (CachingSha2Password.NAME.equals(plugin)) {
            return CachingSha2Password.scramble(secret.clearPassword(), nonce);
        }
        return NativePassword.scramble(secret.sha1Password(), nonce);
    }
}
