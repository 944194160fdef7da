package io.junction.node;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Command dispatch and usage errors; nothing here starts a node. */
class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Main main = new Main(print(out), print(err), Map.of());

    @Test
    void noCommandPrintsUsageToStderrAndExits2() {
        assertThat(main.run()).isEqualTo(2);
        assertThat(text(err)).startsWith("Usage: junction <command>");
        assertThat(text(out)).isEmpty();
    }

    @Test
    void helpPrintsUsageToStdoutAndExits0() {
        assertThat(main.run("--help")).isEqualTo(0);
        assertThat(text(out)).startsWith("Usage: junction <command>").contains("check-config FILE");
        assertThat(text(err)).isEmpty();
    }

    @Test
    void helpAfterACommandAlsoPrintsUsage() {
        assertThat(main.run("demo", "--help")).isEqualTo(0);
        assertThat(text(out)).startsWith("Usage: junction <command>");
    }

    @Test
    void unknownCommandExits2() {
        assertThat(main.run("frobnicate")).isEqualTo(2);
        assertThat(text(err)).startsWith("junction: unknown command: frobnicate").contains("Usage: junction");
    }

    @Test
    void unknownOptionExits2BeforeStartingAnything() {
        assertThat(main.run("run", "--bogus", "x")).isEqualTo(2);
        assertThat(text(err)).startsWith("junction: unknown option: --bogus");
    }

    @Test
    void optionWithoutValueExits2() {
        assertThat(main.run("run", "--config")).isEqualTo(2);
        assertThat(text(err)).startsWith("junction: --config needs a value");
    }

    @Test
    void portOutOfRangeExits2() {
        assertThat(main.run("demo", "--port=70000")).isEqualTo(2);
        assertThat(text(err)).startsWith("junction: --port: 70000 (expected: 0..65535)");
    }

    @Test
    void checkConfigWithoutFileExits2() {
        assertThat(main.run("check-config")).isEqualTo(2);
        assertThat(text(err)).startsWith("junction: expected one config file, got nothing");
    }

    @Test
    void runWithMissingConfigFileExits2() {
        assertThat(main.run("run", "--config", "/nonexistent/junction.yaml")).isEqualTo(2);
        assertThat(text(err)).isEqualTo("/nonexistent/junction.yaml: no such file" + System.lineSeparator());
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
