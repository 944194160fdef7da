package io.junction.router.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * mysql_native_password: the client proves it knows SHA1(password) by sending
 * {@code SHA1(password) XOR SHA1(nonce + SHA1(SHA1(password)))}. A server that stores only SHA1(SHA1(password))
 * can check that, and recover SHA1(password) from it, which is all it needs to log in to a backend the same way.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_authentication_methods_native_password_authentication.html">Native Authentication</a>
 */
public final class NativePassword {
    public static final String NAME = "mysql_native_password";

    private NativePassword() {
    }

    /** SHA1(password): what a backend login needs. */
    public static byte[] sha1(String password) {
        return Digests.sha1(password.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA1(SHA1(password)): what the server stores. */
    public static byte[] doubleSha1(String password) {
        return Digests.sha1(sha1(password));
    }

    /** Parses the stored form {@code *} + 40 hex digits (as in mysql.user) into SHA1(SHA1(password)). */
    public static byte[] parseHash(String hash) {
        if (hash.length() != 41 || hash.charAt(0) != '*') {
            throw new IllegalArgumentException("not a mysql_native_password hash");
        }
        return HexFormat.of().parseHex(hash.substring(1));
    }

    /** The client's reply to {@code nonce}, given SHA1(password); empty for an empty password. */
    public static byte[] scramble(byte[] sha1Password, byte[] nonce) {
        if (sha1Password.length == 0) {
            return new byte[0];
        }
        return xor(sha1Password, Digests.sha1(nonce, Digests.sha1(sha1Password)));
    }

    /**
     * Checks a client's reply against the stored SHA1(SHA1(password)).
     *
     * @return SHA1(password), recovered from the reply, or null if the reply is wrong
     */
    public static byte[] verify(byte[] reply, byte[] nonce, byte[] doubleSha1) {
        if (doubleSha1.length == 0) {
            return reply.length == 0 ? new byte[0] : null;
        }
        if (reply.length != 20) {
            return null;
        }
        byte[] sha1Password = xor(reply, Digests.sha1(nonce, doubleSha1));
        return MessageDigest.isEqual(Digests.sha1(sha1Password), doubleSha1) ? sha1Password : null;
    }

    static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i % b.length]);
        }
        return out;
    }
}
