package io.junction.router.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * caching_sha2_password's fast path: the client sends
 * {@code SHA256(password) XOR SHA256(SHA256(SHA256(password)) + nonce)}. Checking it needs
 * SHA256(SHA256(password)), which Junction derives from a clear password. With only a native hash stored, Junction
 * either switches the client to mysql_native_password or, for users configured with caching_sha2_password, asks
 * for full authentication: the password in clear over TLS, or RSA-encrypted ({@link RsaPassword}) over plain TCP.
 * See {@link ClientAuthentication}.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_caching_sha2_authentication_exchanges.html">caching_sha2_password exchanges</a>
 */
public final class CachingSha2Password {
    public static final String NAME = "caching_sha2_password";
    /** AuthMoreData payload: the fast path succeeded, an OK follows. */
    public static final byte FAST_AUTH_SUCCESS = 3;
    /** AuthMoreData payload: the server wants the full password. */
    public static final byte PERFORM_FULL_AUTHENTICATION = 4;
    /** The client's one-byte packet during full authentication over plain TCP: send me your RSA public key. */
    public static final byte REQUEST_PUBLIC_KEY = 2;

    private CachingSha2Password() {
    }

    /** The client's fast-path reply to {@code nonce}; empty for an empty password. */
    public static byte[] scramble(String password, byte[] nonce) {
        if (password.isEmpty()) {
            return new byte[0];
        }
        byte[] once = Digests.sha256(password.getBytes(StandardCharsets.UTF_8));
        byte[] twice = Digests.sha256(once);
        return NativePassword.xor(once, Digests.sha256(twice, nonce));
    }

    /** Checks a client's fast-path reply against the clear password. */
    public static boolean verify(byte[] reply, byte[] nonce, String password) {
        return MessageDigest.isEqual(reply, scramble(password, nonce));
    }
}
