package io.junction.router.auth;

/**
 * Checks a client's auth reply made with a given plugin. Pure: nonce, reply and credentials in, verdict out.
 */
public final class ClientAuthenticator {

    /** The outcome of checking one reply. */
    public sealed interface Verdict {
    }

    /** The reply is right; {@code secret} logs in to backends as this user. */
    public record Accepted(BackendSecret secret) implements Verdict {
    }

    /** The reply is wrong. */
    public record Rejected() implements Verdict {
    }

    /** The reply was made with a plugin Junction cannot check for this user; ask again with {@code plugin}. */
    public record SwitchTo(String plugin) implements Verdict {
    }

    private ClientAuthenticator() {
    }

    /**
     * The plugin Junction names in its greeting: mysql_native_password, which every client speaks and which needs
     * only the stored hash. Clients that answer with caching_sha2_password are checked with it when the clear
     * password is configured, and switched to mysql_native_password otherwise.
     */
    public static final String GREETING_PLUGIN = NativePassword.NAME;

    public static Verdict check(String plugin, byte[] reply, byte[] nonce, Credentials credentials) {
        if (NativePassword.NAME.equals(plugin)) {
            byte[] sha1 = NativePassword.verify(reply, nonce, credentials.doubleSha1());
            return sha1 == null ? new Rejected() : new Accepted(new BackendSecret(sha1, credentials.clearPassword()));
        }
        if (CachingSha2Password.NAME.equals(plugin) && credentials.clearPassword() != null) {
            String password = credentials.clearPassword();
            return CachingSha2Password.verify(reply, nonce, password)
                    ? new Accepted(new BackendSecret(password.isEmpty() ? new byte[0] : NativePassword.sha1(password), password))
                    : new Rejected();
        }
        return new SwitchTo(NativePassword.NAME);
    }
}
