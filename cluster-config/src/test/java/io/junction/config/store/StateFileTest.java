package io.junction.config.store;

import static io.junction.config.store.StoreFixtures.BASE;
import static io.junction.config.store.StoreFixtures.await;
import static io.junction.config.store.StoreFixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.junction.config.InvalidConfigException;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {
    @TempDir
    Path dir;
    private Vertx vertx;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    private static VersionedConfig version(long n, String author) {
        return new VersionedConfig(new VersionSummary(n, Instant.parse("2025-01-02T03:04:05Z"), author, "why"),
                SharedSections.sharedPart(BASE).withVersion(n));
    }

    @Test
    void noFileLoadsAsNothing() {
        assertThat(await(new StateFile(vertx, dir.resolve("missing")).load())).isNull();
    }

    @Test
    void aSavedVersionLoadsBackEqualAndTheDirectoryIsCreated() throws IOException {
        StateFile state = new StateFile(vertx, dir.resolve("state"));

        await(state.save(version(4, "alice")));

        assertThat(state.path()).isEqualTo(dir.resolve("state").resolve("junction-state.json"));
        assertThat(await(new StateFile(vertx, dir.resolve("state")).load())).isEqualTo(version(4, "alice"));
        try (var files = Files.list(dir.resolve("state"))) {
            assertThat(files).containsExactly(state.path());
        }
    }

    @Test
    void anOlderVersionNeverReplacesANewerOne() {
        StateFile state = new StateFile(vertx, dir);

        await(state.save(version(5, "new")));
        await(state.save(version(3, "old")));

        assertThat(await(state.load()).summary().author()).isEqualTo("new");
    }

    @Test
    void aDamagedOrInvalidFileIsNamedInTheProblem() throws IOException {
        StateFile state = new StateFile(vertx, dir);
        Files.writeString(state.path(), "{\"version\": 2}");
        assertThat(failure(state.load())).isInstanceOf(InvalidConfigException.class)
                .hasMessage(state.path() + ": not a stored config version: no version or config");

        String valid = StoredVersion.encode(version(2, "a"));
        Files.writeString(state.path(), valid.replace("\"max_retries\":1", "\"max_retries\":11"));
        assertThat(failure(state.load())).isInstanceOf(InvalidConfigException.class)
                .hasMessage(state.path() + ": limits.max_retries: 11 (expected: 0..10)");
    }
}
