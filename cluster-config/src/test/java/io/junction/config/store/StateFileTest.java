package io.junction.config.store;

import static io.junction.config.store.StoreFixtures.BASE;
import static io.junction.config.store.StoreFixtures.await;
import static io.junction.config.store.StoreFixtures.change;
import static io.junction.config.store.StoreFixtures.failure;
import static io.junction.config.store.StoreFixtures.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.junction.config.InvalidConfigException;
import io.junction.config.store.ChangeOp.Delete;
import io.junction.config.store.ChangeOp.Put;
import io.junction.config.store.ChangeOp.SetVariable;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {
    @TempDir
    Path dir;
    private Vertx vertx;
    private SharedDataConfigStore store;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        store = new SharedDataConfigStore(vertx);
    }

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    private static VersionedConfig version(long n, String author) {
        return new VersionedConfig(new VersionSummary(n, Instant.parse("2025-01-02T03:04:05Z"), author, "why"),
                SharedSections.sharedPart(BASE).withVersion(n));
    }

    /** Seeds the store with BASE (version 1) and commits versions 2 to {@code last}. */
    private void commitUpTo(long last) {
        await(store.seed(BASE));
        for (long v = 1; v < last; v++) {
            await(store.commit(change(v, new SetVariable("limits.max_client_connections", (int) v + 10))));
        }
    }

    @Test
    void noFileLoadsAsNothing() {
        assertThat(await(new StateFile(vertx, dir.resolve("missing"), store).load())).isNull();
    }

    @Test
    void aSavedVersionLoadsBackWithTheStoresEarlierVersionsAndTheDirectoryIsCreated() throws IOException {
        await(store.seed(BASE));
        await(store.commit(change(1, new Put(Section.SERVERS, server("10.0.0.4", 1)))));
        await(store.commit(change(2, new Delete(Section.QUERY_RULES, "10"))));
        StateFile state = new StateFile(vertx, dir.resolve("state"), store);

        // Only version 3 is saved, as by a node that was down while 1 and 2 were current: the file has them too.
        await(state.save(await(store.current())));

        assertThat(state.path()).isEqualTo(dir.resolve("state").resolve("junction-state.json"));
        SavedState loaded = await(new StateFile(vertx, dir.resolve("state"), store).load());
        assertThat(loaded.current()).isEqualTo(await(store.version(3)));
        assertThat(loaded.earlier()).containsExactly(await(store.version(2)), await(store.version(1)));
        try (var files = Files.list(dir.resolve("state"))) {
            assertThat(files).containsExactly(state.path());
        }
    }

    @Test
    void anOlderVersionNeverReplacesANewerOneAndItsHistoryEndsBeforeIt() {
        commitUpTo(3);
        StateFile state = new StateFile(vertx, dir, store);

        await(state.save(await(store.version(3))));
        await(state.save(await(store.version(2))));
        assertThat(await(state.load()).current().version()).isEqualTo(3);

        // A node applying version 2 while the store already holds 3 saves 2 as current, not 3 as history.
        StateFile lagging = new StateFile(vertx, dir.resolve("lagging"), store);
        await(lagging.save(await(store.version(2))));
        SavedState saved = await(lagging.load());
        assertThat(saved.current()).isEqualTo(await(store.version(2)));
        assertThat(saved.earlier()).containsExactly(await(store.version(1)));
    }

    @Test
    void aFileWrittenBeforeTheHistoryWasKeptLoadsAsAVersionWithNoHistory() throws IOException {
        StateFile state = new StateFile(vertx, dir, store);
        try (InputStream old = StateFileTest.class.getResourceAsStream("state-file-without-history.json")) {
            Files.copy(old, state.path());
        }

        SavedState loaded = await(state.load());

        assertThat(loaded).isEqualTo(new SavedState(version(4, "alice"), List.of()));
        assertThat(await(store.restore(loaded))).isEqualTo(version(4, "alice"));
        await(state.save(version(4, "alice")));
        assertThat(await(state.load())).isEqualTo(loaded);
        assertThat(Files.readString(state.path())).contains("\"history\" : [ ]");
    }

    @Test
    void theFileKeepsTheStoresWindowOfVersionsAndDoesNotGrowBeyondIt() throws IOException {
        commitUpTo(130);
        StateFile state = new StateFile(vertx, dir, store);
        await(state.save(await(store.current())));
        long full = Files.size(state.path());

        SavedState loaded = await(state.load());
        assertThat(loaded.earlier()).hasSize(SharedDataConfigStore.HISTORY_KEPT - 1);
        assertThat(loaded.earlier().get(0).version()).isEqualTo(129);
        assertThat(loaded.earlier().get(98).version()).isEqualTo(31);

        await(store.commit(change(130, new SetVariable("limits.max_retries", 2))));
        await(state.save(await(store.current())));
        long later = Files.size(state.path());
        long single = StateFile.encode(new SavedState(await(store.current()), List.of())).length();
        System.out.println("state file: " + SharedDataConfigStore.HISTORY_KEPT + " versions in " + later
                + " bytes (one version alone: " + single + " bytes)");
        assertThat(await(state.load()).earlier()).hasSize(SharedDataConfigStore.HISTORY_KEPT - 1);
        // Each version costs about what it costs alone (the history's entries are indented one level deeper).
        assertThat(later).isBetween(full - single, full + single)
                .isLessThanOrEqualTo(SharedDataConfigStore.HISTORY_KEPT * single * 11 / 10);
    }

    @Test
    void aClusterRestartedFromTheFileListsDiffsAndRollsBackToTheSavedVersions() {
        await(store.seed(BASE));
        await(store.commit(change(1, new Put(Section.SERVERS, server("10.0.0.4", 1)))));
        await(store.commit(new ConfigChange(2, List.of(new Delete(Section.QUERY_RULES, "10")), "bob", "no rules")));
        await(store.commit(change(3, new SetVariable("limits.max_retries", 4))));
        List<VersionSummary> before = await(store.history());
        ConfigDiff diffBefore = ConfigDiff.between(await(store.version(2)), await(store.version(4)));
        await(new StateFile(vertx, dir, store).save(await(store.current())));
        await(vertx.close());

        vertx = Vertx.vertx();
        SharedDataConfigStore restarted = new SharedDataConfigStore(vertx);
        SavedState saved = await(new StateFile(vertx, dir, restarted).load());
        VersionedConfig current = await(restarted.restore(saved));

        assertThat(current.version()).isEqualTo(4);
        assertThat(await(restarted.history())).isEqualTo(before);
        assertThat(ConfigDiff.between(await(restarted.version(2)), await(restarted.version(4)))).isEqualTo(diffBefore);
        VersionedConfig rolledBack = await(restarted.rollback(1, 4, "carol"));
        assertThat(rolledBack.config()).isEqualTo(SharedSections.sharedPart(BASE).withVersion(5));
        assertThat(await(restarted.history())).extracting(VersionSummary::version).containsExactly(5L, 4L, 3L, 2L, 1L);
    }

    @Test
    void aDamagedOrInvalidFileIsNamedInTheProblem() throws IOException {
        StateFile state = new StateFile(vertx, dir, store);
        Files.writeString(state.path(), "{\"version\": 2}");
        assertThat(failure(state.load())).isInstanceOf(InvalidConfigException.class)
                .hasMessage(state.path() + ": not a stored config version: no version or config");

        String valid = StateFile.encode(new SavedState(version(2, "a"), List.of(version(1, "a"))));
        Files.writeString(state.path(), valid.replaceFirst("\"max_retries\" : 1", "\"max_retries\" : 11"));
        assertThat(failure(state.load())).isInstanceOf(InvalidConfigException.class)
                .hasMessage(state.path() + ": limits.max_retries: 11 (expected: 0..10)");

        Files.writeString(state.path(), valid.replace("\"version\" : 1,", "\"versio\" : 1,"));
        assertThat(failure(state.load())).isInstanceOf(InvalidConfigException.class)
                .hasMessage(state.path() + ": history[0]: not a stored config version: no version or config");

        Files.writeString(state.path(), StateFile.encode(new SavedState(version(2, "a"), List.of()))
                .replace("\"history\" : [ ]", "\"history\" : {}"));
        assertThat(failure(state.load())).isInstanceOf(InvalidConfigException.class)
                .hasMessage(state.path() + ": history: not a list of stored config versions");
    }

    @Test
    void historyOutOfOrderOrOutsideTheWindowIsRefused() {
        assertThatThrownBy(() -> new SavedState(version(5, "a"), List.of(version(3, "a"), version(4, "a"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("earlier version 4 (expected: below 3, newest first, above -95)");
        assertThatThrownBy(() -> new SavedState(version(105, "a"), List.of(version(5, "a"))))
                .hasMessage("earlier version 5 (expected: below 105, newest first, above 5)");
    }
}
