package io.junction.node;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The ways {@code run} refuses to start; a started node is {@link NodeLauncherTest}'s subject. */
class RunCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void invalidConfigFileExits2ListingTheProblems() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "listener:\n  port: 70000\n");

        assertThat(command(Map.of()).run(List.of("--config", file.toString()))).isEqualTo(2);
        assertThat(text(err).lines().toList())
                .startsWith(file + ": invalid config (with JUNCTION_... overrides)")
                .contains("listener.port: 70000 (expected: 0..65535)");
    }

    @Test
    void invalidEnvironmentOverrideExits2() {
        assertThat(command(Map.of("JUNCTION_LISTENER_PORT", "abc")).run(List.of())).isEqualTo(2);
        assertThat(text(err).lines().toList())
                .startsWith("built-in default config: invalid config (with JUNCTION_... overrides)")
                .anySatisfy(line -> assertThat(line).startsWith("JUNCTION_LISTENER_PORT: "));
    }

    @Test
    void missingConfigFileExits2() {
        String file = dir.resolve("nope.yaml").toString();

        assertThat(command(Map.of()).run(List.of("--config", file))).isEqualTo(2);
        assertThat(text(err)).isEqualTo(file + ": no such file" + System.lineSeparator());
    }

    private RunCommand command(Map<String, String> environment) {
        return new RunCommand(new PrintStream(err, true, StandardCharsets.UTF_8), environment);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
