package io.junction.router.auth;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * MariaDB's client_ed25519: the server sends a 32-byte nonce, the client answers with the Ed25519 signature of it,
 * and the server checks the signature against the public key it stores (base64 of 32 bytes in mysql.user).
 *
 * <p>MariaDB derives the key from the whole password, not from a 32-byte seed as RFC 8032 does:
 * {@code az = SHA-512(password)}, the scalar {@code a} is {@code az[0..32]} clamped and {@code az[32..64]} is the
 * prefix that makes signing deterministic. That is why the JDK's Ed25519, which wants a 32-byte seed, cannot be
 * used. For a 32-byte password the two are the same, so RFC 8032's test vectors apply. The arithmetic follows the
 * RFC's reference code: BigInteger, points in extended coordinates; one login costs one to three scalar
 * multiplications, about a millisecond each. It is not constant-time: verifying (client logins) handles only public
 * values; signing (backend logins) handles the password-derived scalar, whose timing only the backend server could
 * measure, across the network.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8032#section-5.1">RFC 8032, Ed25519</a>
 * @see <a href="https://mariadb.com/kb/en/authentication-plugin-ed25519/">MariaDB's ed25519 plugin</a>
 */
public final class Ed25519Password {
    public static final String NAME = "client_ed25519";
    public static final int NONCE_LENGTH = 32;
    public static final int PUBLIC_KEY_LENGTH = 32;
    public static final int SIGNATURE_LENGTH = 64;

    /** The field prime, 2^255 - 19. */
    private static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
    /** The order of the base point, 2^252 + 27742317777372353535851937790883648493. */
    private static final BigInteger L = BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));
    /** The curve constant, -121665/121666. */
    private static final BigInteger D = BigInteger.valueOf(-121665).multiply(inverse(BigInteger.valueOf(121666))).mod(P);
    /** A square root of -1, 2^((p-1)/4). */
    private static final BigInteger SQRT_MINUS_ONE = BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);
    private static final Point IDENTITY = new Point(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO);
    /** The base point: y = 4/5, x positive (even). */
    private static final Point BASE =
            decode(littleEndian(BigInteger.valueOf(4).multiply(inverse(BigInteger.valueOf(5))).mod(P)));
    /** 2^i·B for i = 0..255: multiples of the base point then take additions only, which halves their cost. */
    private static final Point[] BASE_DOUBLINGS = doublings(BASE, 256);

    /** A point (X : Y : Z : T) with x = X/Z, y = Y/Z, x·y = T/Z. */
    private record Point(BigInteger x, BigInteger y, BigInteger z, BigInteger t) {
    }

    private Ed25519Password() {
    }

    /** The public key MariaDB stores for {@code password} ({@code ed25519_password()} is its base64). */
    public static byte[] publicKey(byte[] password) {
        return encode(multiplyBase(secretScalar(Digests.sha512(password))));
    }

    /** The client's reply to {@code nonce}: the 64-byte signature {@code R || S}. */
    public static byte[] sign(byte[] password, byte[] nonce) {
        byte[] az = Digests.sha512(password);
        BigInteger a = secretScalar(az);
        byte[] publicKey = encode(multiplyBase(a));
        BigInteger r = scalar(Digests.sha512(Arrays.copyOfRange(az, 32, 64), nonce));
        byte[] encodedR = encode(multiplyBase(r));
        BigInteger k = scalar(Digests.sha512(encodedR, publicKey, nonce));
        BigInteger s = r.add(k.multiply(a)).mod(L);
        byte[] signature = Arrays.copyOf(encodedR, SIGNATURE_LENGTH);
        System.arraycopy(littleEndian(s), 0, signature, 32, 32);
        return signature;
    }

    /**
     * Whether {@code signature} is the signature of {@code nonce} by the key {@code publicKey}: false for anything
     * malformed (wrong lengths, a key that is not a curve point, S not below the group order).
     */
    public static boolean verify(byte[] publicKey, byte[] nonce, byte[] signature) {
        if (publicKey.length != PUBLIC_KEY_LENGTH || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        Point a = decode(publicKey);
        BigInteger s = fromLittleEndian(Arrays.copyOfRange(signature, 32, 64));
        if (a == null || s.compareTo(L) >= 0) {
            return false;
        }
        byte[] encodedR = Arrays.copyOf(signature, 32);
        BigInteger k = scalar(Digests.sha512(encodedR, publicKey, nonce));
        // R = s·B - k·A; comparing encodings (as MariaDB's ref10 code does) also refuses a non-canonical R.
        Point r = add(multiplyBase(s), multiply(negate(a), k));
        return MessageDigest.isEqual(encode(r), encodedR);
    }

    /** {@code a}: the first half of SHA-512(password), clamped (low 3 bits cleared, bit 254 set, bit 255 cleared). */
    private static BigInteger secretScalar(byte[] az) {
        BigInteger a = fromLittleEndian(Arrays.copyOf(az, 32));
        return a.and(BigInteger.ONE.shiftLeft(254).subtract(BigInteger.valueOf(8))).setBit(254);
    }

    /** A 64-byte hash as a scalar modulo L. */
    private static BigInteger scalar(byte[] hash) {
        return fromLittleEndian(hash).mod(L);
    }

    private static Point add(Point p, Point q) {
        BigInteger a = p.y.subtract(p.x).multiply(q.y.subtract(q.x)).mod(P);
        BigInteger b = p.y.add(p.x).multiply(q.y.add(q.x)).mod(P);
        BigInteger c = p.t.multiply(q.t).shiftLeft(1).multiply(D).mod(P);
        BigInteger d = p.z.multiply(q.z).shiftLeft(1).mod(P);
        return combine(b.subtract(a), d.subtract(c), d.add(c), b.add(a));
    }

    private static Point twice(Point p) {
        BigInteger a = p.x.multiply(p.x).mod(P);
        BigInteger b = p.y.multiply(p.y).mod(P);
        BigInteger c = p.z.multiply(p.z).shiftLeft(1).mod(P);
        BigInteger h = a.add(b);
        BigInteger xy = p.x.add(p.y);
        BigInteger e = h.subtract(xy.multiply(xy));
        BigInteger g = a.subtract(b);
        return combine(e, c.add(g), g, h);
    }

    /** The last step both formulas share: X = E·F, Y = G·H, Z = F·G, T = E·H. */
    private static Point combine(BigInteger e, BigInteger f, BigInteger g, BigInteger h) {
        return new Point(e.multiply(f).mod(P), g.multiply(h).mod(P), f.multiply(g).mod(P), e.multiply(h).mod(P));
    }

    private static Point negate(Point p) {
        return new Point(P.subtract(p.x).mod(P), p.y, p.z, P.subtract(p.t).mod(P));
    }

    /** {@code n·B}, from the table of doublings. */
    private static Point multiplyBase(BigInteger n) {
        Point result = IDENTITY;
        for (int i = 0; i < n.bitLength(); i++) {
            if (n.testBit(i)) {
                result = add(result, BASE_DOUBLINGS[i]);
            }
        }
        return result;
    }

    private static Point[] doublings(Point p, int count) {
        Point[] out = new Point[count];
        out[0] = p;
        for (int i = 1; i < count; i++) {
            out[i] = twice(out[i - 1]);
        }
        return out;
    }

    /** {@code n·p}, double and add from the lowest bit. */
    private static Point multiply(Point p, BigInteger n) {
        Point result = IDENTITY;
        Point addend = p;
        for (int i = 0; i < n.bitLength(); i++) {
            if (n.testBit(i)) {
                result = add(result, addend);
            }
            addend = twice(addend);
        }
        return result;
    }

    /** y in little-endian, with the lowest bit of x in the top bit. */
    private static byte[] encode(Point p) {
        BigInteger zInverse = inverse(p.z);
        BigInteger x = p.x.multiply(zInverse).mod(P);
        BigInteger y = p.y.multiply(zInverse).mod(P);
        byte[] out = littleEndian(y);
        if (x.testBit(0)) {
            out[31] |= (byte) 0x80;
        }
        return out;
    }

    /** The point with this encoding, or null if there is none (y out of range, or no x for it). */
    private static Point decode(byte[] encoded) {
        boolean xOdd = (encoded[31] & 0x80) != 0;
        BigInteger y = fromLittleEndian(encoded).clearBit(255);
        if (y.compareTo(P) >= 0) {
            return null;
        }
        // x² = (y² - 1) / (d·y² + 1); its square root by RFC 8032 section 5.1.3.
        BigInteger ySquared = y.multiply(y);
        BigInteger xSquared = ySquared.subtract(BigInteger.ONE).multiply(inverse(D.multiply(ySquared).add(BigInteger.ONE))).mod(P);
        BigInteger x = xSquared.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
        if (!x.multiply(x).subtract(xSquared).mod(P).equals(BigInteger.ZERO)) {
            x = x.multiply(SQRT_MINUS_ONE).mod(P);
        }
        if (!x.multiply(x).subtract(xSquared).mod(P).equals(BigInteger.ZERO) || (x.signum() == 0 && xOdd)) {
            return null;
        }
        if (x.testBit(0) != xOdd) {
            x = P.subtract(x);
        }
        return new Point(x, y, BigInteger.ONE, x.multiply(y).mod(P));
    }

    private static BigInteger inverse(BigInteger n) {
        return n.mod(P).modInverse(P);
    }

    private static BigInteger fromLittleEndian(byte[] bytes) {
        byte[] bigEndian = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            bigEndian[i] = bytes[bytes.length - 1 - i];
        }
        return new BigInteger(1, bigEndian);
    }

    /** {@code n} (below 2^256) as 32 little-endian bytes. */
    private static byte[] littleEndian(BigInteger n) {
        byte[] bigEndian = n.toByteArray(); // may carry a leading sign byte, or be shorter than 32
        byte[] out = new byte[32];
        for (int i = 0; i < 32 && i < bigEndian.length; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }
}
