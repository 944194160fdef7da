package io.junction.router.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * What Junction knows of a user's password: the clear text (from a secret in config) or only
 * SHA1(SHA1(password)), the mysql_native_password hash.
 *
 * @param clearPassword null when only the hash is configured
 */
public record Credentials(String clearPassword, byte[] doubleSha1) {

    /** From a user's configuration: the clear password when it has one, else its hash. */
    public static Credentials of(String password, String hash) {
        return password != null ? ofPassword(password) : ofHash(hash);
    }

    public static Credentials ofPassword(String password) {
        return new Credentials(password, password.isEmpty() ? new byte[0] : NativePassword.doubleSha1(password));
    }

    public static Credentials ofHash(String hash) {
        return new Credentials(null, hash.isEmpty() ? new byte[0] : NativePassword.parseHash(hash));
    }

    /**
     * Whether a password the client sent in clear (caching_sha2_password full authentication) is this user's: equal
     * to the configured one, or with the stored SHA1(SHA1(password)).
     */
    public boolean matches(String password) {
        if (clearPassword != null) {
            return MessageDigest.isEqual(clearPassword.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
        }
        byte[] hash = password.isEmpty() ? new byte[0] : NativePassword.doubleSha1(password);
        return MessageDigest.isEqual(hash, doubleSha1);
    }

    /** What logs in to backends once a client proved it knows {@code password}: both SHA1(password) and the password. */
    public static BackendSecret secretOf(String password) {
        return new BackendSecret(password.isEmpty() ? new byte[0] : NativePassword.sha1(password), password);
    }

    @Override
    public String toString() {
        return "Credentials[clear=" + (clearPassword != null) + "]";
    }
}
