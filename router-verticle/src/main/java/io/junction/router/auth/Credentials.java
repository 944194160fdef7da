package io.junction.router.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * What Junction knows of a user's password: the clear text (from a secret in config), only
 * SHA1(SHA1(password)), the mysql_native_password hash, or (for client_ed25519 users) only the Ed25519 public key.
 *
 * @param clearPassword null when only the hash or the public key is configured
 * @param doubleSha1 null when only the Ed25519 public key is configured (empty means the empty password)
 * @param ed25519PublicKey the configured client_ed25519 public key, or null; see {@link #ed25519Key()}
 */
public record Credentials(String clearPassword, byte[] doubleSha1, byte[] ed25519PublicKey) {

    public Credentials(String clearPassword, byte[] doubleSha1) {
        this(clearPassword, doubleSha1, null);
    }

    /** From a user's configuration: the clear password when it has one, else its hash. */
    public static Credentials of(String password, String hash) {
        return password != null ? ofPassword(password) : ofHash(hash);
    }

    /**
     * From a user's configuration: the clear password when it has one, else the Ed25519 public key (base64, as
     * MariaDB stores it) when it has one, else the hash.
     */
    public static Credentials of(String password, String hash, String ed25519PublicKey) {
        if (password == null && ed25519PublicKey != null) {
            return ofEd25519Key(Base64.getDecoder().decode(ed25519PublicKey));
        }
        return of(password, hash);
    }

    /** Only a client_ed25519 public key: clients can be checked, but nothing is learned for backend logins. */
    public static Credentials ofEd25519Key(byte[] publicKey) {
        return new Credentials(null, null, publicKey);
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

    /**
     * The key to check a client_ed25519 signature with: the configured one, or derived from the clear password (a
     * scalar multiplication, about a millisecond); null with only the native hash, which cannot check a signature.
     */
    public byte[] ed25519Key() {
        if (ed25519PublicKey != null) {
            return ed25519PublicKey;
        }
        return clearPassword == null ? null : Ed25519Password.publicKey(clearPassword.getBytes(StandardCharsets.UTF_8));
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
