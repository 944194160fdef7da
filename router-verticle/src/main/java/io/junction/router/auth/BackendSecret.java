package io.junction.router.auth;

/**
 * What a backend login as a user needs, learned when the client authenticated: SHA1(password) for
 * mysql_native_password, and the clear password where the configuration has it (caching_sha2_password,
 * client_ed25519).
 *
 * @param sha1Password null when Junction knows nothing to log in with ({@link #none()})
 * @param clearPassword null when only the native hash is configured
 */
public record BackendSecret(byte[] sha1Password, String clearPassword) {

    /**
     * Nothing a backend login can use: a client_ed25519 user checked against a configured public key only. A
     * signature proves the client knows the password without revealing anything of it.
     */
    public static BackendSecret none() {
        return new BackendSecret(null, null);
    }

    /** Whether this holds anything to log in with. */
    public boolean isKnown() {
        return sha1Password != null || clearPassword != null;
    }

    @Override
    public String toString() {
        return "BackendSecret[known=" + isKnown() + ", clear=" + (clearPassword != null) + "]";
    }
}
