package io.junction.router.auth;

import javax.crypto.Cipher;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * caching_sha2_password's full authentication over plain TCP: the client sends its password, NUL-terminated, XORed
 * with the nonce (repeated), encrypted with the server's RSA public key, RSA/ECB/OAEPWithSHA-1AndMGF1Padding (what
 * MySQL 8.0.5+ and its clients use). Junction does both sides: it decrypts what clients send and encrypts for
 * backends that ask.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_caching_sha2_authentication_exchanges.html">caching_sha2_password exchanges</a>
 */
public final class RsaPassword {
    private static final String TRANSFORMATION = "RSA/ECB/OAEPWithSHA-1AndMGF1Padding";
    private static final String PEM_BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String PEM_END = "-----END PUBLIC KEY-----";

    private RsaPassword() {
    }

    /** What a client sends: {@code RSA(password + NUL XOR nonce)}. */
    public static byte[] encrypt(String password, byte[] nonce, PublicKey key) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key);
            return cipher.doFinal(NativePassword.xor(nulTerminated(password), nonce));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA encryption failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * The password a client encrypted, or null if the bytes do not decrypt (wrong key, wrong padding, tampered) or
     * lack the NUL terminator.
     */
    public static String decrypt(byte[] encrypted, byte[] nonce, PrivateKey key) {
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key);
            plain = NativePassword.xor(cipher.doFinal(encrypted), nonce);
        } catch (GeneralSecurityException e) {
            return null;
        }
        return plain.length > 0 && plain[plain.length - 1] == 0
                ? new String(plain, 0, plain.length - 1, StandardCharsets.UTF_8) : null;
    }

    /** The password as a client sends it over TLS: UTF-8 and a NUL. */
    public static byte[] nulTerminated(String password) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(bytes, bytes.length + 1);
    }

    /** A password sent in clear (over TLS), or null if it lacks the NUL terminator. */
    public static String fromNulTerminated(byte[] payload) {
        return payload.length > 0 && payload[payload.length - 1] == 0
                ? new String(payload, 0, payload.length - 1, StandardCharsets.UTF_8) : null;
    }

    /** The public key as PEM ({@code BEGIN PUBLIC KEY}, X.509 SubjectPublicKeyInfo), as MySQL servers send it. */
    public static String toPem(PublicKey key) {
        String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded());
        return PEM_BEGIN + "\n" + base64 + "\n" + PEM_END + "\n";
    }

    /** Parses the PEM public key a server sends; throws IllegalArgumentException if it is not an RSA public key. */
    public static PublicKey parsePem(String pem) {
        int begin = pem.indexOf(PEM_BEGIN);
        int end = pem.indexOf(PEM_END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("not a PEM public key");
        }
        String base64 = pem.substring(begin + PEM_BEGIN.length(), end).replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an RSA public key: " + e.getMessage(), e);
        }
    }
}
