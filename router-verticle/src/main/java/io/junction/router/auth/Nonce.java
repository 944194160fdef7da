package io.junction.router.auth;

import java.security.SecureRandom;

/**
 * The challenge (scramble) a server sends in its greeting or an auth switch: 20 bytes for MySQL's plugins, 32 for
 * client_ed25519.
 */
public final class Nonce {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Nonce() {
    }

    /** 20 bytes of 1..127, like a MySQL server's scramble (no NUL: some clients read it as a C string). */
    public static byte[] generate() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes); // one call: each SecureRandom call may be a read of the system's entropy source
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0x7F;
            bytes[i] = (byte) (b == 0 ? 1 : b);
        }
        return bytes;
    }

    /** {@code length} random bytes of any value, for plugins that take the nonce bare (client_ed25519). */
    public static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
