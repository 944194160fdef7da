package io.junction.config;

import static io.junction.config.TestConfigs.EXAMPLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {
    @TempDir
    Path dir;

    private Path[] filesInDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toArray(Path[]::new);
        }
    }

    @Test
    void savedFileLoadsBackEqualAndNoTempFileIsLeft() throws IOException {
        Path file = dir.resolve("junction.yaml");
        ConfigFiles.saveAtomically(TestConfigs.withVersion(7), file);
        assertThat(ConfigLoader.load(file)).isEqualTo(TestConfigs.withVersion(7));
        assertThat(filesInDir()).containsExactly(file);
    }

    @Test
    void saveReplacesTheExistingFile() throws IOException {
        Path file = dir.resolve("junction.yaml");
        Files.writeString(file, "listener: {port: 1}\n");
        ConfigFiles.saveAtomically(EXAMPLE, file);
        assertThat(ConfigLoader.load(file)).isEqualTo(EXAMPLE);
        assertThat(filesInDir()).containsExactly(file);
    }

    @Test
    void anInvalidConfigIsNotWritten() throws IOException {
        Path file = dir.resolve("junction.yaml");
        Files.writeString(file, "version: 3\n");
        assertThatThrownBy(() -> ConfigFiles.saveAtomically(TestConfigs.withVersion(0), file))
                .isInstanceOf(InvalidConfigException.class);
        assertThat(Files.readString(file)).isEqualTo("version: 3\n");
        assertThat(filesInDir()).containsExactly(file);
    }

    @Test
    void aMissingDirectoryIsAnIoError() {
        Path file = dir.resolve("no-such-dir").resolve("junction.yaml");
        assertThatThrownBy(() -> ConfigFiles.saveAtomically(EXAMPLE, file))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void theSavedFileIsReadableByItsOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("junction.yaml");
        ConfigFiles.saveAtomically(EXAMPLE, file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
