package io.junction.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes config files so that a reader (or a crash) never sees half a file. Blocking: call off the event loop. */
public final class ConfigFiles {

    private ConfigFiles() {
    }

    /**
     * Writes {@code config} as YAML to a temporary file next to {@code file}, flushes it to disk, then renames it over
     * {@code file} atomically. The file ends up readable by its owner only, as it may hold passwords.
     *
     * @throws InvalidConfigException if the config is not valid; nothing is written, so the file still loads
     * @throws UncheckedIOException if writing or renaming fails; the temporary file is removed
     */
    public static void saveAtomically(JunctionConfig config, Path file) {
        byte[] yaml = ConfigLoader.toYaml(ConfigValidator.requireValid(config)).getBytes(StandardCharsets.UTF_8);
        writeAtomically(yaml, file, "config");
    }

    /**
     * Writes {@code content} to a temporary file next to {@code file}, flushes it to disk, then renames it over
     * {@code file} atomically; readable by its owner only. Used for config and cluster state files.
     *
     * @param what what the file holds, for the error message ("config", "cluster state")
     * @throws UncheckedIOException if writing or renaming fails; the temporary file is removed
     */
    public static void writeAtomically(byte[] content, Path file, String what) {
        Path target = file.toAbsolutePath();
        Path temp = null;
        try {
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temp, e);
            throw new UncheckedIOException("cannot save " + what + " to " + file, e);
        }
    }

    private static void deleteQuietly(Path temp, IOException cause) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
