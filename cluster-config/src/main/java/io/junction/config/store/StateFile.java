package io.junction.config.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The shared config a node last ran and the store's history before it, on the node's disk
 * ({@code <state_dir>/junction-state.json}), so that a cluster whose nodes were all down can start again from its
 * last version, with the versions before it to list, diff and roll back to, rather than from the files the nodes
 * were first started with. The file is one {@link StoredVersion} (the current one) with a {@code "history"} list
 * of the earlier ones, newest first, at most {@value SharedDataConfigStore#HISTORY_KEPT} versions in all; a file
 * without the list (written before the history was kept) loads as a version with no history.
 *
 * <p>Written after every version the node applies (temp file, then rename, so a crash leaves the old file or the new
 * one), with the history as the store holds it then, so the file has the versions this node skipped too. All file
 * I/O runs off the event loop.
 */
public final class StateFile {
    /** The file's name inside the state directory. */
    public static final String FILE_NAME = "junction-state.json";
    private static final String HISTORY = "history";

    private final Vertx vertx;
    private final Path file;
    private final ConfigStore store;
    private long savedVersion;

    /** @param store where {@link #save} reads the history from */
    public StateFile(Vertx vertx, Path stateDir, ConfigStore store) {
        this.vertx = Objects.requireNonNull(vertx);
        this.file = stateDir.resolve(FILE_NAME);
        this.store = Objects.requireNonNull(store);
    }

    public Path path() {
        return file;
    }

    /**
     * Writes {@code applied} and the earlier versions the store keeps (creating the directory if needed), unless
     * this object already wrote a newer one: events may arrive out of order, the file never goes back.
     */
    public Future<Void> save(VersionedConfig applied) {
        synchronized (this) {
            if (applied.version() <= savedVersion) {
                return Future.succeededFuture();
            }
        }
        return store.versions().compose(kept -> write(SavedState.of(applied, kept)));
    }

    private Future<Void> write(SavedState state) {
        byte[] content = encode(state).getBytes(StandardCharsets.UTF_8);
        return vertx.executeBlocking(() -> {
            synchronized (this) {
                if (state.current().version() > savedVersion) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                    ConfigFiles.writeAtomically(content, file, "cluster state");
                    savedVersion = state.current().version();
                }
            }
            return null;
        });
    }

    /**
     * What the file holds, or null when there is no file.
     *
     * @return a failed future with {@link InvalidConfigException} (problems prefixed with the file) if the file holds
     *         no valid shared config, or {@link UncheckedIOException} if it cannot be read
     */
    public Future<SavedState> load() {
        return vertx.executeBlocking(() -> {
            String text;
            try {
                text = Files.readString(file);
            } catch (NoSuchFileException e) {
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read cluster state " + file, e);
            }
            SavedState state;
            try {
                state = decode(text);
            } catch (IllegalStateException e) {
                throw new InvalidConfigException(List.of(file + ": " + e.getMessage()));
            }
            List<String> problems = ConfigValidator.validateShared(state.current().config());
            if (!problems.isEmpty()) {
                throw new InvalidConfigException(problems.stream().map(p -> file + ": " + p).toList());
            }
            return state;
        });
    }

    /** Indented, for a file a person may read. */
    static String encode(SavedState state) {
        ObjectNode root = StoredVersion.tree(state.current());
        ArrayNode history = root.putArray(HISTORY);
        state.earlier().forEach(version -> history.add(StoredVersion.tree(version)));
        return root.toPrettyString();
    }

    /**
     * Reads what {@link #encode} wrote. Earlier versions are read but not validated, as in the store: a rollback to
     * one validates it.
     *
     * @throws IllegalStateException naming the part of the file that is not what {@link #encode} writes
     */
    static SavedState decode(String text) {
        JsonNode root = StoredVersion.parse(text);
        VersionedConfig current = StoredVersion.decode(root);
        JsonNode history = root.path(HISTORY);
        if (history.isMissingNode()) {
            return new SavedState(current, List.of());
        }
        if (!history.isArray()) {
            throw new IllegalStateException(HISTORY + ": not a list of stored config versions");
        }
        List<VersionedConfig> earlier = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            try {
                earlier.add(StoredVersion.decode(history.get(i)));
            } catch (IllegalStateException e) {
                throw new IllegalStateException(HISTORY + "[" + i + "]: " + e.getMessage(), e);
            }
        }
        try {
            return new SavedState(current, earlier);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(HISTORY + ": " + e.getMessage(), e);
        }
    }
}
