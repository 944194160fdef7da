package io.junction.router.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA digests of the auth plugins, each over the concatenation of its parts, with one {@link MessageDigest} per
 * algorithm and thread. {@link MessageDigest#getInstance} searches the security providers on every call, which cost
 * more than hashing a login's few bytes: a mysql_native_password check takes three digests, on the event loop, for
 * every client that connects.
 */
final class Digests {
    private static final ThreadLocal<MessageDigest> SHA1 = perThread("SHA-1");
    private static final ThreadLocal<MessageDigest> SHA256 = perThread("SHA-256");
    private static final ThreadLocal<MessageDigest> SHA512 = perThread("SHA-512");

    private Digests() {
    }

    static byte[] sha1(byte[]... parts) {
        return digest(SHA1, parts);
    }

    static byte[] sha256(byte[]... parts) {
        return digest(SHA256, parts);
    }

    static byte[] sha512(byte[]... parts) {
        return digest(SHA512, parts);
    }

    private static byte[] digest(ThreadLocal<MessageDigest> algorithm, byte[][] parts) {
        MessageDigest digest = algorithm.get();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest(); // also resets it for the thread's next use
    }

    private static ThreadLocal<MessageDigest> perThread(String algorithm) {
        return ThreadLocal.withInitial(() -> {
            try {
                return MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has " + algorithm, e);
            }
        });
    }
}
