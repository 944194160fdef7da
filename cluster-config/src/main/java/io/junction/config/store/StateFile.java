package io.junction.config.store;

import io.junction.config.ConfigFiles;
import io.junction.config.ConfigValidator;
import io.junction.config.InvalidConfigException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The shared config a node last ran, on its disk ({@code <state_dir>/junction-state.json}): the version, who made it,
 * when and why, and the shared sections. Written after every change (temp file, then rename, so a crash leaves the
 * old file or the new one), so that a cluster whose nodes were all down can start again from its last version
 * rather than from the files the nodes were first started with. All file I/O runs off the event loop.
 */
public final class StateFile {
    /** The file's name inside the state directory. */
    public static final String FILE_NAME = "junction-state.json";

    private final Vertx vertx;
    private final Path file;
    private long savedVersion;

    public StateFile(Vertx vertx, Path stateDir) {
        this.vertx = Objects.requireNonNull(vertx);
        this.file = stateDir.resolve(FILE_NAME);
    }

    public Path path() {
        return file;
    }

    /**
     * Writes {@code version} to the file (creating the directory if needed), unless this object already wrote a
     * newer one: events may arrive out of order, the file never goes back.
     */
    public Future<Void> save(VersionedConfig version) {
        byte[] content = StoredVersion.encodePretty(version).getBytes(StandardCharsets.UTF_8);
        return vertx.executeBlocking(() -> {
            synchronized (this) {
                if (version.version() > savedVersion) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                    ConfigFiles.writeAtomically(content, file, "cluster state");
                    savedVersion = version.version();
                }
            }
            return null;
        });
    }

    /**
     * The version saved in the file, or null when there is no file.
     *
     * @return a failed future with {@link InvalidConfigException} (problems prefixed with the file) if the file holds
     *         no valid shared config, or {@link UncheckedIOException} if it cannot be read
     */
    public Future<VersionedConfig> load() {
        return vertx.executeBlocking(() -> {
            String text;
            try {
                text = Files.readString(file);
            } catch (NoSuchFileException e) {
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read cluster state " + file, e);
            }
            VersionedConfig version;
            try {
                version = StoredVersion.decode(text);
            } catch (IllegalStateException e) {
                throw new InvalidConfigException(List.of(file + ": " + e.getMessage()));
            }
            List<String> problems = ConfigValidator.validateShared(version.config());
            if (!problems.isEmpty()) {
                throw new InvalidConfigException(problems.stream().map(p -> file + ": " + p).toList());
            }
            return version;
        });
    }
}
