package io.junction.router.auth;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The RSA key pair with which clients encrypt their password for caching_sha2_password over plain TCP: generated
 * when the node starts, or read from a PEM file ({@code tls.rsa_key}).
 */
public record RsaKeyPair(PrivateKey privateKey, PublicKey publicKey, String publicKeyPem) {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN (RSA )?PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END (RSA )?PRIVATE KEY-----");

    public static RsaKeyPair of(PrivateKey privateKey, PublicKey publicKey) {
        return new RsaKeyPair(privateKey, publicKey, RsaPassword.toPem(publicKey));
    }

    /** A fresh 2048-bit pair (takes 50 to 500 ms: call it off the event loop). */
    public static RsaKeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return of(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has RSA", e);
        }
    }

    /**
     * Reads a PEM RSA private key, PKCS#8 ({@code BEGIN PRIVATE KEY}) or PKCS#1 ({@code BEGIN RSA PRIVATE KEY}); the
     * public key is derived from it.
     *
     * @throws IllegalArgumentException if the text holds no such key (the message never quotes the key)
     */
    public static RsaKeyPair fromPem(String pem) {
        Matcher m = PEM.matcher(pem);
        if (!m.find()) {
            throw new IllegalArgumentException("no PEM private key (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY)");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM private key is not valid base64");
        }
        byte[] pkcs8 = m.group(1) != null ? Der.pkcs1ToPkcs8(der) : der;
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            PrivateKey key = factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            if (!(key instanceof RSAPrivateCrtKey crt)) {
                throw new IllegalArgumentException("the RSA private key lacks its public exponent");
            }
            return of(key, factory.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent())));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA private key (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Bytes of one RSA block: the size of what a client sends, encrypted with this key. */
    public int blockSize() {
        return (((RSAKey) privateKey).getModulus().bitLength() + 7) / 8;
    }

    @Override
    public String toString() {
        return "RsaKeyPair[" + blockSize() * 8 + " bits]";
    }

    /** The little DER needed to wrap a PKCS#1 RSA key into PKCS#8. */
    static final class Der {
        /** AlgorithmIdentifier of rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters. */
        private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
                (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
        private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};

        private Der() {
        }

        static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
            byte[] octets = tagged(0x04, pkcs1);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(VERSION_0);
            body.writeBytes(RSA_ALGORITHM);
            body.writeBytes(octets);
            return tagged(0x30, body.toByteArray());
        }

        private static byte[] tagged(int tag, byte[] content) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(tag);
            int length = content.length;
            if (length < 0x80) {
                out.write(length);
            } else {
                int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
                out.write(0x80 | bytes);
                for (int i = bytes - 1; i >= 0; i--) {
                    out.write(length >>> (8 * i));
                }
            }
            out.writeBytes(content);
            return out.toByteArray();
        }
    }
}
