package io.junction.router.auth;

import java.nio.charset.StandardCharsets;

/**
 * One client's authentication exchange, from its first reply to a verdict: which plugin Junction asks for, what it
 * sends in between, and when it has heard enough. Pure: replies in, steps out; the caller does the I/O.
 *
 * <p>For a user configured with mysql_native_password (the default), see {@link ClientAuthenticator}: a native
 * reply is checked against the hash; a caching_sha2_password fast-path reply is checked when the clear password is
 * configured, and the client is switched to mysql_native_password otherwise.
 *
 * <p>For a user configured with caching_sha2_password, Junction switches every other plugin to it. With the clear
 * password configured it checks the fast-path scramble ({@code 0x03}, then OK). With only the native hash it cannot,
 * so it asks for full authentication ({@code 0x04}): over TLS the client sends its password NUL-terminated; over
 * plain TCP it asks for Junction's RSA public key ({@code 0x02}, answered with the PEM) unless it has it already,
 * and sends the password encrypted with it ({@link RsaPassword}). Junction checks the password against the hash and
 * keeps it for backend logins, so a config holding only hashes can serve caching_sha2_password backends too.
 *
 * <p>For a user configured with client_ed25519 (MariaDB's ed25519), Junction always switches to it, with a fresh
 * 32-byte nonce (the greeting's 20 bytes are not what the plugin signs), and checks the 64-byte signature against
 * the configured public key or the one derived from the clear password ({@link Ed25519Password}). A signature
 * reveals nothing of the password: with only the public key configured, Junction knows nothing to log in to
 * backends with ({@link BackendSecret#none()}).
 */
public final class ClientAuthentication {

    /** What to do next. */
    public sealed interface Step {
    }

    /** Logged in. Send AuthMoreData {@code 0x03} (fast auth success) first when {@code fastAuth}, then OK. */
    public record Accept(BackendSecret secret, boolean fastAuth) implements Step {
    }

    /** Wrong password (or a reply that makes no sense): access denied. */
    public record Reject() implements Step {
    }

    /**
     * Send an AuthSwitchRequest for {@code plugin} with {@code nonce} (the greeting's, or client_ed25519's own), and
     * feed the reply to {@link #next}.
     */
    public record Switch(String plugin, byte[] nonce) implements Step {
    }

    /** Send AuthMoreData with {@code data}, and feed the reply to {@link #next}. */
    public record More(byte[] data) implements Step {
    }

    private enum State { FIRST, SWITCHED, FULL_AUTHENTICATION, PUBLIC_KEY_SENT, DONE }

    private final String userPlugin;
    private final Credentials credentials;
    private final byte[] nonce;
    private final boolean tls;
    private final RsaKeyPair rsa;
    private byte[] ed25519Nonce;
    private State state = State.FIRST;
    private String switchedTo;

    /**
     * @param userPlugin the user's configured plugin
     * @param nonce the nonce of the greeting (or of the switch request that starts a COM_CHANGE_USER)
     * @param tls whether the connection is encrypted (a password may then come in clear)
     * @param rsa the key pair clients encrypt their password with over plain TCP
     */
    public ClientAuthentication(String userPlugin, Credentials credentials, byte[] nonce, boolean tls, RsaKeyPair rsa) {
        this(userPlugin, credentials, nonce, tls, rsa, null);
    }

    /** @param ed25519Nonce the 32 bytes a client_ed25519 client signs; null for fresh random ones when needed */
    public ClientAuthentication(String userPlugin, Credentials credentials, byte[] nonce, boolean tls, RsaKeyPair rsa,
                                byte[] ed25519Nonce) {
        this.userPlugin = userPlugin;
        this.credentials = credentials;
        this.nonce = nonce;
        this.tls = tls;
        this.rsa = rsa;
        this.ed25519Nonce = ed25519Nonce;
    }

    /** Starts by asking for the user's plugin (COM_CHANGE_USER, where there is no first reply). */
    public Switch begin() {
        return (Switch) switchTo(userPlugin);
    }

    /** The reply in the handshake response, made with {@code clientPlugin} (null: the greeting's plugin). */
    public Step first(String clientPlugin, byte[] reply) {
        if (state != State.FIRST) {
            return reject();
        }
        String plugin = clientPlugin == null ? ClientAuthenticator.GREETING_PLUGIN : clientPlugin;
        if (Ed25519Password.NAME.equals(userPlugin)) {
            return switchTo(Ed25519Password.NAME);
        }
        if (CachingSha2Password.NAME.equals(userPlugin)) {
            return CachingSha2Password.NAME.equals(plugin) ? fastPath(reply) : switchTo(CachingSha2Password.NAME);
        }
        ClientAuthenticator.Verdict verdict = ClientAuthenticator.check(plugin, reply, nonce, credentials);
        if (verdict instanceof ClientAuthenticator.SwitchTo to) {
            return switchTo(to.plugin());
        }
        return verdict(verdict, CachingSha2Password.NAME.equals(plugin));
    }

    /** Every later reply: to a switch request or to AuthMoreData. */
    public Step next(byte[] reply) {
        return switch (state) {
            case SWITCHED -> switch (switchedTo) {
                case CachingSha2Password.NAME -> fastPath(reply);
                case Ed25519Password.NAME -> signature(reply);
                default -> verdict(ClientAuthenticator.check(switchedTo, reply, nonce, credentials), false);
            };
            case FULL_AUTHENTICATION -> fullAuthentication(reply);
            case PUBLIC_KEY_SENT -> encryptedPassword(reply);
            case FIRST, DONE -> reject();
        };
    }

    private Step fastPath(byte[] reply) {
        if (credentials.clearPassword() != null) {
            return verdict(ClientAuthenticator.check(CachingSha2Password.NAME, reply, nonce, credentials), true);
        }
        boolean emptyPassword = credentials.doubleSha1().length == 0;
        if (reply.length == 0 || emptyPassword) {
            return reply.length == 0 && emptyPassword ? accept(Credentials.secretOf(""), true) : reject();
        }
        state = State.FULL_AUTHENTICATION;
        return new More(new byte[] {CachingSha2Password.PERFORM_FULL_AUTHENTICATION});
    }

    private Step signature(byte[] reply) {
        byte[] key = credentials.ed25519Key();
        if (key == null || !Ed25519Password.verify(key, ed25519Nonce, reply)) {
            return reject();
        }
        String password = credentials.clearPassword();
        return accept(password != null ? Credentials.secretOf(password) : BackendSecret.none(), false);
    }

    private Step fullAuthentication(byte[] reply) {
        if (tls) {
            return password(RsaPassword.fromNulTerminated(reply));
        }
        if (reply.length == 1 && reply[0] == CachingSha2Password.REQUEST_PUBLIC_KEY) {
            state = State.PUBLIC_KEY_SENT;
            return new More(rsa.publicKeyPem().getBytes(StandardCharsets.US_ASCII));
        }
        // A client that has the key already sends the encrypted password at once; a clear password over plain TCP
        // is refused, as MySQL refuses it.
        return reply.length == rsa.blockSize() ? encryptedPassword(reply) : reject();
    }

    private Step encryptedPassword(byte[] reply) {
        return password(RsaPassword.decrypt(reply, nonce, rsa.privateKey()));
    }

    private Step password(String password) {
        return password != null && credentials.matches(password) ? accept(Credentials.secretOf(password), false) : reject();
    }

    private Step verdict(ClientAuthenticator.Verdict verdict, boolean fastAuth) {
        return verdict instanceof ClientAuthenticator.Accepted accepted ? accept(accepted.secret(), fastAuth) : reject();
    }

    private Step switchTo(String plugin) {
        state = State.SWITCHED;
        switchedTo = plugin;
        if (!Ed25519Password.NAME.equals(plugin)) {
            return new Switch(plugin, nonce);
        }
        if (ed25519Nonce == null) {
            ed25519Nonce = Nonce.random(Ed25519Password.NONCE_LENGTH);
        }
        return new Switch(plugin, ed25519Nonce);
    }

    private Step accept(BackendSecret secret, boolean fastAuth) {
        state = State.DONE;
        return new Accept(secret, fastAuth);
    }

    private Step reject() {
        state = State.DONE;
        return new Reject();
    }
}
