package io.junction.node;

import io.vertx.core.net.SelfSignedCertificate;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The demo's TLS certificate: self-signed for {@code localhost} and {@code 127.0.0.1}, valid 7 days, made at start
 * in a temporary directory with the {@code openssl} command when it is installed, else with Vert.x's
 * {@link SelfSignedCertificate} (no extra dependency either way). Deleted when the demo stops.
 */
final class DemoCertificate implements AutoCloseable {
    private final Path dir;
    private final Path certificate;
    private final Path key;

    private DemoCertificate(Path dir, Path certificate, Path key) {
        this.dir = dir;
        this.certificate = certificate;
        this.key = key;
    }

    static DemoCertificate create() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("junction-demo-tls");
        Path certificate = dir.resolve("demo-cert.pem");
        Path key = dir.resolve("demo-key.pem");
        Optional<Path> openssl = openssl();
        if (openssl.isPresent()) {
            runOpenssl(openssl.get(), dir, certificate, key);
        } else {
            SelfSignedCertificate generated = SelfSignedCertificate.create("localhost");
            Files.copy(Path.of(generated.certificatePath()), certificate);
            Files.copy(Path.of(generated.privateKeyPath()), key);
            generated.delete();
        }
        return new DemoCertificate(dir, certificate, key);
    }

    Path certificate() {
        return certificate;
    }

    Path key() {
        return key;
    }

    @Override
    public void close() throws IOException {
        for (Path file : List.of(certificate, key, dir.resolve("openssl.log"), dir)) {
            Files.deleteIfExists(file);
        }
    }

    @Override
    public String toString() {
        return "demo certificate " + certificate;
    }

    private static void runOpenssl(Path openssl, Path dir, Path certificate, Path key) throws IOException, InterruptedException {
        Path log = dir.resolve("openssl.log");
        Process process = new ProcessBuilder(openssl.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "7",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", key.toString(), "-out", certificate.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("openssl could not make the demo certificate: " + Files.readString(log).strip());
        }
    }

    /** The openssl command on the PATH, if any. */
    private static Optional<Path> openssl() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator)).filter(p -> !p.isEmpty())
                .map(p -> Path.of(p, "openssl")).filter(Files::isExecutable).findFirst();
    }
}
