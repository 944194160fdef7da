package io.junction.config;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Stored forms of admin credentials. Passwords: PBKDF2-HMAC-SHA256 with a random salt, written
 * {@code pbkdf2-sha256:ITERATIONS:SALT:HASH} (salt and hash in base64). Tokens: SHA-256 as hex (a token is random
 * and long, so a slow hash adds nothing). Both checks compare in constant time.
 */
public final class AdminPasswords {
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int ITERATIONS = 210_000;
    private static final int HASH_BITS = 256;
    private static final Pattern FORMAT = Pattern.compile(PREFIX + ":[1-9][0-9]{0,8}:[A-Za-z0-9+/=]{8,}:[A-Za-z0-9+/=]{8,}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private AdminPasswords() {
    }

    /** A new stored form of {@code password}, with a fresh salt. */
    public static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + ":" + ITERATIONS + ":" + b64.encodeToString(salt) + ":"
                + b64.encodeToString(pbkdf2(password, salt, ITERATIONS));
    }

    /** Whether {@code password} matches a stored form made by {@link #hash}; false for a malformed one. */
    public static boolean verify(String password, String stored) {
        if (!isWellFormed(stored)) {
            return false;
        }
        String[] parts = stored.split(":");
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(parts[3]);
        byte[] actual = pbkdf2(password, b64.decode(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    /** Whether {@code stored} has the shape {@link #hash} writes. */
    public static boolean isWellFormed(String stored) {
        return stored != null && FORMAT.matcher(stored).matches();
    }

    /** The stored form of an API token: its SHA-256 as lower-case hex. */
    public static String tokenDigest(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Whether a token matches its stored digest. */
    public static boolean tokenMatches(String token, String storedSha256) {
        if (storedSha256 == null || !SHA256_HEX.matcher(storedSha256).matches()) {
            return false;
        }
        byte[] expected = HexFormat.of().parseHex(storedSha256.toLowerCase());
        byte[] actual = HexFormat.of().parseHex(tokenDigest(token));
        return MessageDigest.isEqual(expected, actual);
    }

    /** Whether {@code digest} is 64 hex digits. */
    public static boolean isTokenDigest(String digest) {
        return digest != null && SHA256_HEX.matcher(digest).matches();
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        }
    }
}
