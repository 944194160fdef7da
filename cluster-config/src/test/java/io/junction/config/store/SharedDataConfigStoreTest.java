package io.junction.config.store;

import static io.junction.config.store.StoreFixtures.BASE;
import static io.junction.config.store.StoreFixtures.await;
import static io.junction.config.store.StoreFixtures.change;
import static io.junction.config.store.StoreFixtures.failure;
import static io.junction.config.store.StoreFixtures.server;
import static io.junction.config.store.StoreFixtures.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.junction.config.ConfigLoader;
import io.junction.config.JunctionConfig;
import io.junction.config.ListenerConfig;
import io.junction.config.store.ChangeOp.Delete;
import io.junction.config.store.ChangeOp.Put;
import io.junction.config.store.ChangeOp.SetVariable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store of a node that runs alone (a local map); the two-node case is {@link HazelcastConfigStoreTest}. */
class SharedDataConfigStoreTest {
    private static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");
    private Vertx vertx;
    private SharedDataConfigStore store;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        store = new SharedDataConfigStore(vertx, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    @Test
    void anUnseededStoreSaysSo() {
        assertThat(failure(store.current())).isInstanceOf(IllegalStateException.class)
                .hasMessage("the config store holds no version yet: seed it first");
    }

    @Test
    void theFirstSeedIsTheCurrentVersionWithoutTheNodeSections() {
        JunctionConfig file = BASE.withListener(new ListenerConfig("127.0.0.1", 7033, 1)).withVersion(3);

        VersionedConfig seeded = await(store.seed(file, "node-1", "from junction.yaml"));

        assertThat(seeded.version()).isEqualTo(3);
        assertThat(seeded.summary()).isEqualTo(new VersionSummary(3, NOW, "node-1", "from junction.yaml"));
        assertThat(seeded.config()).isEqualTo(SharedSections.sharedPart(file));
        assertThat(seeded.config().listener()).isEqualTo(ConfigLoader.defaults().listener());
        assertThat(await(store.current())).isEqualTo(seeded);
        assertThat(await(store.history())).containsExactly(seeded.summary());
    }

    @Test
    void aLaterSeedAdoptsWhatTheStoreHoldsUnlessItIsNewer() {
        await(store.seed(BASE.withVersion(5)));

        JunctionConfig other = BASE.withServers(List.of(BASE.servers().get(0)));
        VersionedConfig older = await(store.seed(other.withVersion(4)));
        VersionedConfig same = await(store.seed(other.withVersion(5)));

        assertThat(older.config()).isEqualTo(SharedSections.sharedPart(BASE.withVersion(5)));
        assertThat(same).isEqualTo(older);
        JunctionConfig newer = ChangeApplier.apply(BASE.withVersion(8), List.of(new Delete(Section.QUERY_RULES, "10")));
        VersionedConfig replaced = await(store.seed(newer, "node-2", "from state file"));
        assertThat(replaced.version()).isEqualTo(9);
        assertThat(await(store.current()).config().queryRules()).isEmpty();
        assertThat(await(store.history())).extracting(VersionSummary::version).containsExactly(9L, 5L);
    }

    /** A version as a node saved it: its own time, author and comment; content from {@code config}. */
    private static VersionedConfig saved(long n, String author, JunctionConfig config) {
        return new VersionedConfig(new VersionSummary(n, NOW.minusSeconds(1000 - n), author, "change " + n),
                SharedSections.sharedPart(config).withVersion(n));
    }

    private static SavedState savedState() {
        JunctionConfig noRules = ChangeApplier.apply(BASE, List.of(new Delete(Section.QUERY_RULES, "10")));
        return new SavedState(saved(7, "alice", noRules),
                List.of(saved(6, "bob", BASE), saved(4, "carol", noRules), saved(1, "seed", BASE)));
    }

    @Test
    void aRestoreIntoAnEmptyStoreKeepsEveryVersionAsSaved() {
        SavedState saved = savedState();

        VersionedConfig current = await(store.restore(saved));

        assertThat(current).isEqualTo(saved.current());
        assertThat(await(store.current())).isEqualTo(saved.current());
        assertThat(await(store.versions())).containsExactly(saved.current(), saved.earlier().get(0),
                saved.earlier().get(1), saved.earlier().get(2));
        assertThat(await(store.history())).extracting(VersionSummary::author)
                .containsExactly("alice", "bob", "carol", "seed");
        assertThat(await(store.version(4))).isEqualTo(saved.earlier().get(1));
        assertThat(failure(store.version(5))).isInstanceOf(UnknownVersionException.class);
        assertThat(ConfigDiff.between(await(store.version(6)), current).sections())
                .extracting(ConfigDiff.SectionChanges::section).containsExactly(Section.QUERY_RULES);
        VersionedConfig v8 = await(store.rollback(6, 7, "dave"));
        assertThat(v8.config()).isEqualTo(SharedSections.sharedPart(BASE).withVersion(8));
    }

    @Test
    void aRestoreReplacesAnOlderStoreAndAdoptsANewerOne() {
        // A node without a state file started first and seeded version 1 from its config file.
        await(store.seed(BASE.withVersion(1), "node-1", "from junction.yaml"));
        SavedState saved = savedState();

        assertThat(await(store.restore(saved))).isEqualTo(saved.current());
        List<VersionSummary> restored = await(store.history());
        assertThat(restored).extracting(VersionSummary::author).containsExactly("alice", "bob", "carol", "seed");
        assertThat(await(store.version(1))).isEqualTo(saved.earlier().get(2));

        SavedState older = new SavedState(saved(5, "eve", BASE), List.of(saved(3, "eve", BASE)));
        assertThat(await(store.restore(older))).isEqualTo(saved.current());
        assertThat(await(store.history())).isEqualTo(restored);
        assertThat(failure(store.version(3))).isInstanceOf(UnknownVersionException.class);
    }

    @Test
    void twoNodesRestoringAtOnceEndOnTheSameVersionsAsSaved() {
        SavedState saved = savedState();

        Future<VersionedConfig> first = store.restore(saved);
        Future<VersionedConfig> second = new SharedDataConfigStore(vertx).restore(saved);

        assertThat(await(first)).isEqualTo(saved.current());
        assertThat(await(second)).isEqualTo(saved.current());
        assertThat(await(store.versions())).hasSize(4).startsWith(saved.current());
    }

    @Test
    void anInvalidSavedVersionIsNotRestored() {
        SavedState saved = new SavedState(saved(3, "alice", BASE.withServers(List.of())), List.of());

        assertThat(failure(store.restore(saved))).isInstanceOf(InvalidChangeException.class)
                .hasMessage("users[0].default_hostgroup: 0 (expected: a hostgroup with at least one server)");
        assertThat(failure(store.current())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anInvalidSeedIsRefused() {
        assertThat(failure(store.seed(BASE.withServers(List.of())))).isInstanceOf(InvalidChangeException.class)
                .hasMessage("users[0].default_hostgroup: 0 (expected: a hostgroup with at least one server)");
        assertThat(failure(store.current())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCommitMakesTheNextVersionAndKeepsTheLastInTheHistory() {
        await(store.seed(BASE));

        VersionedConfig v2 = await(store.commit(new ConfigChange(1, List.of(new Put(Section.SERVERS,
                server("10.0.0.4", 1))), "alice", "add a reader")));

        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.summary()).isEqualTo(new VersionSummary(2, NOW, "alice", "add a reader"));
        assertThat(v2.config().servers()).hasSize(4);
        assertThat(await(store.current())).isEqualTo(v2);
        assertThat(await(store.version(1)).config()).isEqualTo(SharedSections.sharedPart(BASE));
        assertThat(await(store.version(2))).isEqualTo(v2);
    }

    @Test
    void aChangeAgainstAnOlderVersionIsStale() {
        await(store.seed(BASE));
        await(store.commit(change(1, new SetVariable("limits.max_retries", 2))));

        Throwable stale = failure(store.commit(change(1, new SetVariable("limits.max_retries", 3))));

        assertThat(stale).isInstanceOf(StaleVersionException.class)
                .hasMessage("config version 1 is stale: the current version is 2");
        assertThat(((StaleVersionException) stale).currentVersion()).isEqualTo(2);
        assertThat(await(store.current()).config().limits().maxRetries()).isEqualTo(2);
    }

    @Test
    void aRefusedChangeLeavesVersionAndHistoryAsTheyWere() {
        await(store.seed(BASE));
        VersionedConfig before = await(store.current());
        List<VersionSummary> historyBefore = await(store.history());

        Throwable refused = failure(store.commit(change(1, new Put(Section.SERVERS, server("10.0.0.4", 1)),
                new Delete(Section.SERVERS, "10.0.0.1:3306"))));

        assertThat(refused).isInstanceOf(InvalidChangeException.class);
        assertThat(((InvalidChangeException) refused).problems()).contains(
                "servers: hostgroup 0 (writer) would have no servers, but user \"app\" routes to it");
        assertThat(await(store.current())).isEqualTo(before);
        assertThat(await(store.history())).isEqualTo(historyBefore);
        assertThat(failure(store.version(2))).isInstanceOf(UnknownVersionException.class);
    }

    @Test
    void twoChangesAgainstTheSameVersionCannotBothWin() {
        await(store.seed(BASE));

        Future<VersionedConfig> first = store.commit(change(1, new SetVariable("limits.max_retries", 2)));
        Future<VersionedConfig> second = store.commit(change(1, new SetVariable("limits.max_retries", 3)));
        await(first.otherwiseEmpty());
        await(second.otherwiseEmpty());

        assertThat(List.of(first.succeeded(), second.succeeded())).containsExactlyInAnyOrder(true, false);
        Future<VersionedConfig> loser = first.succeeded() ? second : first;
        assertThat(loser.cause()).isInstanceOf(StaleVersionException.class);
        VersionedConfig current = await(store.current());
        assertThat(current.version()).isEqualTo(2);
        assertThat(current).isEqualTo(first.succeeded() ? first.result() : second.result());
    }

    @Test
    void aRollbackCommitsTheOldContentAsTheNextVersion() {
        await(store.seed(BASE));
        await(store.commit(change(1, new Delete(Section.QUERY_RULES, "10"))));
        await(store.commit(change(2, new SetVariable("limits.max_retries", 4))));

        VersionedConfig v4 = await(store.rollback(1, 3, "bob"));

        assertThat(v4.version()).isEqualTo(4);
        assertThat(v4.summary()).isEqualTo(new VersionSummary(4, NOW, "bob", "rollback to version 1"));
        assertThat(v4.config()).isEqualTo(SharedSections.sharedPart(BASE).withVersion(4));
        assertThat(await(store.history())).extracting(VersionSummary::version).containsExactly(4L, 3L, 2L, 1L);
        assertThat(ConfigDiff.between(await(store.version(1)), v4).isEmpty()).isTrue();
    }

    @Test
    void aRollbackAgainstAnOlderVersionOrToAnUnknownOneIsRefused() {
        await(store.seed(BASE));
        await(store.commit(change(1, new SetVariable("limits.max_retries", 4))));

        assertThat(failure(store.rollback(1, 1, "bob"))).isInstanceOf(StaleVersionException.class);
        assertThat(failure(store.rollback(7, 2, "bob"))).isInstanceOf(UnknownVersionException.class)
                .hasMessage("config version 7 is not in the history");
        assertThat(await(store.current()).version()).isEqualTo(2);
    }

    @Test
    void theHistoryIsNewestFirstAndKeepsTheLastHundred() {
        await(store.seed(BASE));
        for (long v = 1; v <= 104; v++) {
            await(store.commit(change(v, new SetVariable("limits.max_client_connections", (int) v + 10))));
        }

        List<VersionSummary> history = await(store.history());

        assertThat(history).hasSize(SharedDataConfigStore.HISTORY_KEPT);
        assertThat(history.get(0).version()).isEqualTo(105);
        assertThat(history.get(99).version()).isEqualTo(6);
        assertThat(history).isSortedAccordingTo((a, b) -> Long.compare(b.version(), a.version()));
        assertThat(await(store.version(6)).config().limits().maxClientConnections()).isEqualTo(15);
        assertThat(failure(store.version(5))).isInstanceOf(UnknownVersionException.class);
        assertThat(failure(store.rollback(5, 105, "bob"))).isInstanceOf(UnknownVersionException.class);
    }

    @Test
    void everyCommitIsPublishedWithItsVersion() throws InterruptedException {
        List<JsonObject> published = new CopyOnWriteArrayList<>();
        await(vertx.eventBus().<JsonObject>consumer(Addresses.CONFIG_COMMITTED, m -> published.add(m.body()))
                .completion());

        await(store.seed(BASE));
        await(store.commit(change(1, new SetVariable("limits.max_retries", 2))));
        await(store.rollback(1, 2, "bob"));

        waitFor("three publications", 10, () -> published.size() == 3);
        assertThat(published).containsExactly(new JsonObject().put("version", 1L),
                new JsonObject().put("version", 2L), new JsonObject().put("version", 3L));
    }
}
