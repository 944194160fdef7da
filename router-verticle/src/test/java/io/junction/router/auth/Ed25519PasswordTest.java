package io.junction.router.auth;

import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MariaDB's Ed25519 with fixed inputs: RFC 8032's test vectors (for a 32-byte password MariaDB's key derivation is
 * RFC 8032's), and the public keys a real MariaDB derives ({@code ed25519_password()}) for passwords of other
 * lengths, where the two derivations differ.
 */
@ExtendWith(MariaDbExtension.class)
class Ed25519PasswordTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] NONCE = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    /** RFC 8032 section 7.1, TEST 1: the empty message. */
    @Test
    void rfc8032TestVector1() {
        byte[] seed = HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        byte[] publicKey = HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        byte[] signature = HEX.parseHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555f"
                + "b8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");

        assertThat(Ed25519Password.publicKey(seed)).isEqualTo(publicKey);
        assertThat(Ed25519Password.sign(seed, new byte[0])).isEqualTo(signature);
        assertThat(Ed25519Password.verify(publicKey, new byte[0], signature)).isTrue();
    }

    /** RFC 8032 section 7.1, TEST 2: a one-byte message. */
    @Test
    void rfc8032TestVector2() {
        byte[] seed = HEX.parseHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
        byte[] publicKey = HEX.parseHex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
        byte[] signature = HEX.parseHex("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da08"
                + "5ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");

        assertThat(Ed25519Password.publicKey(seed)).isEqualTo(publicKey);
        assertThat(Ed25519Password.sign(seed, new byte[] {0x72})).isEqualTo(signature);
        assertThat(Ed25519Password.verify(publicKey, new byte[] {0x72}, signature)).isTrue();
    }

    @Test
    void aSignatureVerifiesOnlyForItsKeyAndNonce() {
        byte[] password = bytes("secret");
        byte[] signature = Ed25519Password.sign(password, NONCE);
        byte[] publicKey = Ed25519Password.publicKey(password);

        assertThat(signature).hasSize(64);
        assertThat(Ed25519Password.verify(publicKey, NONCE, signature)).isTrue();
        assertThat(Ed25519Password.verify(Ed25519Password.publicKey(bytes("Secret")), NONCE, signature)).isFalse();
        byte[] otherNonce = NONCE.clone();
        otherNonce[31] ^= 1;
        assertThat(Ed25519Password.verify(publicKey, otherNonce, signature)).isFalse();
        for (int i : new int[] {0, 31, 32, 63}) {
            byte[] tampered = signature.clone();
            tampered[i] ^= 0x10;
            assertThat(Ed25519Password.verify(publicKey, NONCE, tampered)).as("byte %d flipped", i).isFalse();
        }
    }

    @Test
    void malformedInputIsRefusedNotThrown() {
        byte[] password = bytes("secret");
        byte[] signature = Ed25519Password.sign(password, NONCE);
        byte[] publicKey = Ed25519Password.publicKey(password);

        assertThat(Ed25519Password.verify(publicKey, NONCE, new byte[0])).isFalse();
        assertThat(Ed25519Password.verify(publicKey, NONCE, Arrays.copyOf(signature, 63))).isFalse();
        assertThat(Ed25519Password.verify(new byte[31], NONCE, signature)).isFalse();
        // y = 2 has no x on the curve: not a point.
        byte[] notAPoint = new byte[32];
        notAPoint[0] = 2;
        assertThat(Ed25519Password.verify(notAPoint, NONCE, signature)).isFalse();
        // S + L signs the same, but RFC 8032 (and MariaDB) insist on S < L.
        byte[] sPlusL = signature.clone();
        BigInteger s = new BigInteger(1, reversed(Arrays.copyOfRange(signature, 32, 64)));
        BigInteger l = BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));
        byte[] big = reversed(s.add(l).toByteArray());
        System.arraycopy(Arrays.copyOf(big, 32), 0, sPlusL, 32, 32);
        assertThat(Ed25519Password.verify(publicKey, NONCE, sPlusL)).isFalse();
    }

    /** The JDK's Ed25519 cannot sign with MariaDB's keys, but it verifies their signatures: an independent check. */
    @Test
    void signaturesVerifyWithTheJdksEd25519() throws Exception {
        for (String password : List.of("secret", "", "x".repeat(100))) {
            byte[] publicKey = Ed25519Password.publicKey(bytes(password));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(jdkPublicKey(publicKey));
            verifier.update(NONCE);

            assertThat(verifier.verify(Ed25519Password.sign(bytes(password), NONCE)))
                    .as("password of %d characters", password.length()).isTrue();
        }
    }

    /** And signatures the JDK makes (from a 32-byte seed) verify here. */
    @Test
    void jdkSignaturesVerifyHere() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(NONCE);
        byte[] signature = signer.sign();
        byte[] publicKey = rawPublicKey((EdECPublicKey) pair.getPublic());

        assertThat(Ed25519Password.verify(publicKey, NONCE, signature)).isTrue();
        signature[5] ^= 1;
        assertThat(Ed25519Password.verify(publicKey, NONCE, signature)).isFalse();
    }

    /** MariaDB's own derivation, for passwords shorter and longer than 32 bytes, empty and not ASCII. */
    @Test
    void publicKeysEqualMariaDbsEd25519Password(MariaDb db) {
        db.execute("INSTALL SONAME 'auth_ed25519'",
                "CREATE FUNCTION IF NOT EXISTS ed25519_password RETURNS STRING SONAME 'auth_ed25519.so'");
        for (String password : List.of("secret", "", "pässwörd ✓", "x".repeat(100))) {
            String mariadb = db.queryString("SELECT ed25519_password('" + password + "')");

            assertThat(Base64.getEncoder().withoutPadding().encodeToString(Ed25519Password.publicKey(bytes(password))))
                    .as("password of %d characters", password.length()).isEqualTo(mariadb);
        }
    }

    private static PublicKey jdkPublicKey(byte[] raw) throws Exception {
        byte[] bigEndian = reversed(raw);
        boolean xOdd = (bigEndian[0] & 0x80) != 0;
        bigEndian[0] &= 0x7F;
        EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, bigEndian));
        return KeyFactory.getInstance("Ed25519").generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
    }

    private static byte[] rawPublicKey(EdECPublicKey key) {
        byte[] bigEndian = key.getPoint().getY().toByteArray();
        byte[] raw = Arrays.copyOf(reversed(bigEndian), 32);
        if (key.getPoint().isXOdd()) {
            raw[31] |= (byte) 0x80;
        }
        return raw;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] reversed(byte[] in) {
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[in.length - 1 - i];
        }
        return out;
    }
}
