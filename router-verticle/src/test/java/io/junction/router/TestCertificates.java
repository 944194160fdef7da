package io.junction.router;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** PEM certificates and keys for tests, made with the {@code openssl} command in a test's directory. */
public final class TestCertificates {
    private static final Path OPENSSL = Path.of("/usr/bin/openssl");

    /** A PEM certificate and its key. */
    public record Pair(Path certificate, Path key) {
    }

    private TestCertificates() {
    }

    /** Skips the test unless openssl is installed. */
    public static void assumeOpenssl() {
        assumeTrue(Files.isExecutable(OPENSSL), OPENSSL + " is not installed");
    }

    /**
     * A self-signed RSA certificate for {@code cn} with subject alternative names such as
     * {@code IP:127.0.0.1,DNS:localhost} (null for none), written to {@code name.pem} and {@code name-key.pem}.
     */
    public static Pair selfSigned(Path dir, String name, String cn, String subjectAltNames) {
        Pair pair = new Pair(dir.resolve(name + ".pem"), dir.resolve(name + "-key.pem"));
        List<String> command = new ArrayList<>(List.of("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "7",
                "-subj", "/CN=" + cn, "-keyout", pair.key().toString(), "-out", pair.certificate().toString()));
        if (subjectAltNames != null) {
            command.addAll(List.of("-addext", "subjectAltName=" + subjectAltNames));
        }
        run(dir, command);
        return pair;
    }

    /** A certificate for {@code cn} signed by {@code ca}, with subject alternative names (null for none). */
    public static Pair signed(Path dir, String name, String cn, String subjectAltNames, Pair ca) {
        Pair pair = new Pair(dir.resolve(name + ".pem"), dir.resolve(name + "-key.pem"));
        Path request = dir.resolve(name + ".csr");
        run(dir, List.of("req", "-new", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + cn,
                "-keyout", pair.key().toString(), "-out", request.toString()));
        List<String> sign = new ArrayList<>(List.of("x509", "-req", "-in", request.toString(), "-CA", ca.certificate().toString(),
                "-CAkey", ca.key().toString(), "-CAcreateserial", "-days", "7", "-out", pair.certificate().toString()));
        if (subjectAltNames != null) {
            Path extensions = dir.resolve(name + ".ext");
            write(extensions, "subjectAltName=" + subjectAltNames + "\n");
            sign.addAll(List.of("-extfile", extensions.toString()));
        }
        run(dir, sign);
        return pair;
    }

    /** A 2048-bit RSA private key in PKCS#1 ({@code traditional}) or PKCS#8 form. */
    public static Path rsaKey(Path dir, String name, boolean pkcs1) {
        Path key = dir.resolve(name + ".pem");
        List<String> command = new ArrayList<>(List.of("genrsa"));
        if (pkcs1) {
            command.add("-traditional");
        }
        command.addAll(List.of("-out", key.toString(), "2048"));
        run(dir, command);
        return key;
    }

    /** Runs openssl with {@code args}; fails the test with its output if it fails. */
    public static String run(Path dir, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(OPENSSL.toString());
        command.addAll(args);
        try {
            Path output = Files.createTempFile(dir, "openssl", ".out");
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("openssl failed: " + command + ": " + Files.readString(output));
            }
            return Files.readString(output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run openssl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
