package io.junction.node;

import io.junction.config.AdminPasswords;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hash-password} and {@code new-token}: what they print is what the admin API accepts. */
class CredentialsCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void hashPasswordPrintsAHashThatVerifiesTheStdinPassword() {
        int code = main("s3cret pass\n").run("hash-password");

        String hash = text(out).strip();
        assertThat(code).isEqualTo(0);
        assertThat(AdminPasswords.verify("s3cret pass", hash)).isTrue();
        assertThat(AdminPasswords.verify("s3cret", hash)).isFalse();
        assertThat(text(out)).doesNotContain("s3cret");
    }

    @Test
    void hashPasswordWithoutInputFailsWithUsageCode() {
        assertThat(main("").run("hash-password")).isEqualTo(2);
        assertThat(text(err)).contains("no password on standard input");
    }

    @Test
    void passwordGivenAsAnArgumentIsRefused() {
        assertThat(main("x\n").run("hash-password", "s3cret")).isEqualTo(2);
        assertThat(text(out)).isEmpty();
    }

    @Test
    void newTokenPrintsATokenAndItsDigest() {
        assertThat(main("").run("new-token")).isEqualTo(0);

        String[] lines = text(out).split("\n");
        String token = lines[0].substring("token:".length()).strip();
        String digest = lines[1].substring("sha256:".length()).strip();
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        assertThat(AdminPasswords.tokenMatches(token, digest)).isTrue();
    }

    private Main main(String stdin) {
        return new Main(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), print(out), print(err), Map.of());
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
