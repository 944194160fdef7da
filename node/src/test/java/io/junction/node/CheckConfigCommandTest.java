package io.junction.node;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CheckConfigCommandTest {
    private static final String VALID = """
            version: 3
            listener:
              host: 127.0.0.1
              port: 6033
            hostgroups:
              - id: 0
                name: writer
              - id: 1
                name: readers
            servers:
              - host: 127.0.0.1
                port: 3306
                hostgroup: 0
              - host: 127.0.0.1
                port: 3307
                hostgroup: 1
            users:
              - name: app
                password: secret
            """;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CheckConfigCommand command = new CheckConfigCommand(
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void validFileExits0WithASummary() throws Exception {
        Path file = write("junction.yaml", VALID);

        assertThat(command.run(List.of(file.toString()))).isEqualTo(0);
        assertThat(text(out)).isEqualTo(file + ": valid (version 3, 2 servers, 1 users)" + System.lineSeparator());
        assertThat(text(err)).isEmpty();
    }

    @Test
    void invalidFileExits2ListingEachProblem() throws Exception {
        Path file = write("bad.yaml", VALID.replace("port: 6033", "port: 70000") + "admin:\n  port: -1\n");

        assertThat(command.run(List.of(file.toString()))).isEqualTo(2);
        assertThat(text(out)).isEmpty();
        assertThat(text(err).lines().toList())
                .startsWith(file + ": invalid")
                .contains("listener.port: 70000 (expected: 0..65535)", "admin.port: -1 (expected: 0..65535)");
    }

    @Test
    void missingFileExits2() {
        Path file = dir.resolve("nope.yaml");

        assertThat(command.run(List.of(file.toString()))).isEqualTo(2);
        assertThat(text(err)).isEqualTo(file + ": no such file" + System.lineSeparator());
    }

    private Path write(String name, String yaml) throws Exception {
        return Files.writeString(dir.resolve(name), yaml);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
