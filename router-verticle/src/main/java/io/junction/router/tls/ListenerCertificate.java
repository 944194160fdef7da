package io.junction.router.tls;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509KeyManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The certificate and key Junction presents to TLS clients, read from the two PEM files of the {@code tls} section,
 * with the files' stamps so a reload can tell whether they changed. Loading is blocking: call it on a worker thread.
 *
 * @param stamp what the files looked like just before they were read
 */
record ListenerCertificate(SslContext context, X509Certificate certificate, FileStamp stamp) {
    private static final List<String> KEY_TYPES = List.of("RSA", "EC", "EdDSA", "Ed25519", "RSASSA-PSS", "DSA");

    /** Size and modification time of both files: a change of either means "reload". */
    record FileStamp(long certSize, long certModified, long keySize, long keyModified) {
        static FileStamp of(Path certificate, Path key) throws IOException {
            return new FileStamp(Files.size(certificate), Files.getLastModifiedTime(certificate).toMillis(),
                    Files.size(key), Files.getLastModifiedTime(key).toMillis());
        }
    }

    /**
     * Reads both files (PEM; the key PKCS#8, or PKCS#1 for RSA, as Vert.x reads them) and checks that the key belongs
     * to the certificate, so a pair caught half-replaced is refused rather than served.
     *
     * @throws IllegalArgumentException naming the file and the problem, never quoting key material
     */
    static ListenerCertificate load(Vertx vertx, Path certificatePath, Path keyPath) {
        try {
            FileStamp stamp = FileStamp.of(certificatePath, keyPath);
            KeyManagerFactory factory = new PemKeyCertOptions()
                    .setCertValue(Buffer.buffer(Files.readAllBytes(certificatePath)))
                    .setKeyValue(Buffer.buffer(Files.readAllBytes(keyPath)))
                    .getKeyManagerFactory(vertx);
            X509KeyManager keys = (X509KeyManager) factory.getKeyManagers()[0];
            String alias = alias(keys);
            PrivateKey key = keys.getPrivateKey(alias);
            X509Certificate[] chain = keys.getCertificateChain(alias);
            checkPair(key, chain[0], certificatePath, keyPath);
            SslContext context = SslContextBuilder.forServer(key, chain).build();
            return new ListenerCertificate(context, chain[0], stamp);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot use " + certificatePath + " and " + keyPath + " as a TLS certificate and key: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
    }

    /** The subject of the certificate presented, for logs. */
    String subject() {
        return certificate.getSubjectX500Principal().getName();
    }

    private static String alias(X509KeyManager keys) {
        for (String type : KEY_TYPES) {
            String[] aliases = keys.getServerAliases(type, null);
            if (aliases != null && aliases.length > 0) {
                return aliases[0];
            }
        }
        throw new IllegalArgumentException("no usable private key and certificate");
    }

    /** Signs a few bytes with the key and verifies them with the certificate. */
    private static void checkPair(PrivateKey key, X509Certificate certificate, Path certificatePath, Path keyPath)
            throws GeneralSecurityException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            default -> key.getAlgorithm();
        };
        byte[] probe = "junction".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(probe);
        if (!verifier.verify(signature)) {
            throw new IllegalArgumentException("the key in " + keyPath + " does not belong to the certificate in " + certificatePath);
        }
    }
}
