package io.junction.config.store;

import io.junction.config.ConfigValidator;
import io.junction.config.JunctionConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@link ConfigStore} of a node, over Vert.x shared data: a Hazelcast map when the node is clustered, a local
 * map when it runs alone. One entry holds the current version ({@link StoredVersion}'s JSON string); a commit
 * replaces it with compare-and-set against the exact string it was made from, so of two nodes committing against
 * the same version only one wins and the other gets {@link StaleVersionException}. Each version is also kept under
 * its number; the last {@value #HISTORY_KEPT} are kept, older ones removed as new ones come.
 *
 * <p>After every change of the current version this node publishes {@code {"version": n}} on
 * {@link Addresses#CONFIG_COMMITTED}; every node (this one included) then reads it with {@link #current()}.
 *
 * <p>Before first use a node {@link #seed}s the store with the config it started from: the first node of a cluster
 * puts its own, later nodes adopt the cluster's, unless theirs is newer. A node whose state file is newer (the
 * cluster was down entirely) {@link #restore}s the versions it saved instead.
 */
public final class SharedDataConfigStore implements ConfigStore {
    /** The name of the shared map. */
    public static final String MAP_NAME = "junction.config";
    /** How many versions {@link #history} keeps. */
    public static final int HISTORY_KEPT = 100;
    private static final String CURRENT = "current";

    private final Vertx vertx;
    private final Clock clock;
    private Future<AsyncMap<String, String>> map;

    public SharedDataConfigStore(Vertx vertx) {
        this(vertx, Clock.systemUTC());
    }

    /** @param clock gives each version its {@code committed_at} */
    public SharedDataConfigStore(Vertx vertx, Clock clock) {
        this.vertx = Objects.requireNonNull(vertx);
        this.clock = Objects.requireNonNull(clock);
    }

    /** {@link #seed(JunctionConfig, String, String)} by author "seed". */
    public Future<VersionedConfig> seed(JunctionConfig config) {
        return seed(config, "seed", "seeded at start");
    }

    /**
     * Makes sure the store holds a version, and returns the one in force: {@code config}'s shared part (with its own
     * version number) if the store was empty or held an older version, else the store's. A seed never lowers the
     * version and two nodes seeding at once cannot both win.
     *
     * @return a failed future with {@link InvalidChangeException} if the shared part of {@code config} is not valid
     */
    public Future<VersionedConfig> seed(JunctionConfig config, String author, String comment) {
        JunctionConfig shared = SharedSections.sharedPart(config);
        List<String> problems = ConfigValidator.validateShared(shared);
        if (!problems.isEmpty()) {
            return Future.failedFuture(new InvalidChangeException(problems));
        }
        return map().compose(m -> claim(m, new SavedState(versioned(shared, author, comment), List.of())));
    }

    /**
     * {@link #seed} with what a node saved ({@link StateFile}): if the store is empty or holds an older version, the
     * saved versions become the store's, each with its number, time, author and comment, so a cluster restarted
     * from disk lists, diffs and rolls back to the versions it had. Else the store's current version is returned.
     *
     * @return a failed future with {@link InvalidChangeException} if the saved current version is not valid (earlier
     *         ones are checked when rolled back to, as in the store)
     */
    public Future<VersionedConfig> restore(SavedState saved) {
        List<String> problems = ConfigValidator.validateShared(saved.current().config());
        if (!problems.isEmpty()) {
            return Future.failedFuture(new InvalidChangeException(problems));
        }
        return map().compose(m -> claim(m, saved));
    }

    /**
     * Makes {@code seed.current()} the current version unless the store holds one at least as new, which is then
     * returned. The earlier versions are put before the current entry is won, so whoever reads the new version finds
     * its history; two nodes of one cluster restarting at once saved the same entries, so if both put them, they put
     * the same text.
     */
    private Future<VersionedConfig> claim(AsyncMap<String, String> m, SavedState seed) {
        return m.get(CURRENT).compose(held -> {
            VersionedConfig cluster = held == null ? null : StoredVersion.decode(held);
            if (cluster != null && seed.current().version() <= cluster.version()) {
                return Future.succeededFuture(cluster);
            }
            List<Future<Void>> puts = seed.earlier().stream()
                    .map(v -> m.put(historyKey(v.version()), StoredVersion.encode(v)))
                    .toList();
            String encoded = StoredVersion.encode(seed.current());
            return Future.all(puts)
                    .compose(v -> held == null
                            ? m.putIfAbsent(CURRENT, encoded).map(Objects::isNull)
                            : m.replaceIfPresent(CURRENT, held, encoded))
                    .compose(won -> won ? committed(m, seed.current(), encoded) : claim(m, seed));
        });
    }

    @Override
    public Future<VersionedConfig> current() {
        return map().compose(m -> m.get(CURRENT)).map(SharedDataConfigStore::decodeCurrent);
    }

    @Override
    public Future<VersionedConfig> commit(ConfigChange change) {
        return map().compose(m -> m.get(CURRENT).compose(raw -> {
            VersionedConfig current = decodeCurrent(raw);
            if (change.baseVersion() != current.version()) {
                return Future.failedFuture(new StaleVersionException(change.baseVersion(), current.version()));
            }
            JunctionConfig next;
            try {
                next = ChangeApplier.apply(current.config(), change.ops());
            } catch (InvalidChangeException e) {
                return Future.failedFuture(e);
            }
            return swap(m, raw, change.baseVersion(), versioned(next, change.author(), change.comment()));
        }));
    }

    @Override
    public Future<VersionedConfig> rollback(long toVersion, long baseVersion, String author) {
        return map().compose(m -> m.get(CURRENT).compose(raw -> {
            VersionedConfig current = decodeCurrent(raw);
            if (baseVersion != current.version()) {
                return Future.failedFuture(new StaleVersionException(baseVersion, current.version()));
            }
            return version(m, toVersion, current).compose(old -> {
                JunctionConfig next = old.config().withVersion(current.version() + 1);
                List<String> problems = ConfigValidator.validateShared(next);
                if (!problems.isEmpty()) {
                    return Future.failedFuture(new InvalidChangeException(problems));
                }
                return swap(m, raw, baseVersion, versioned(next, author, "rollback to version " + toVersion));
            });
        }));
    }

    @Override
    public Future<VersionedConfig> version(long version) {
        return map().compose(m -> m.get(CURRENT).compose(raw -> version(m, version, decodeCurrent(raw))));
    }

    @Override
    public Future<List<VersionSummary>> history() {
        return versions().map(versions -> versions.stream().map(VersionedConfig::summary).toList());
    }

    /**
     * The versions kept, newest first: always the current one, and those of the last {@value #HISTORY_KEPT} version
     * numbers that are in the map (a seed from a newer config file skips numbers).
     */
    @Override
    public Future<List<VersionedConfig>> versions() {
        return map().compose(m -> m.get(CURRENT).compose(raw -> {
            VersionedConfig current = decodeCurrent(raw);
            List<Future<String>> gets = new ArrayList<>();
            for (long v = current.version() - 1; v >= Math.max(1, current.version() - HISTORY_KEPT + 1); v--) {
                gets.add(m.get(historyKey(v)));
            }
            return Future.all(gets).map(all -> {
                List<VersionedConfig> versions = new ArrayList<>();
                versions.add(current);
                for (int i = 0; i < gets.size(); i++) {
                    String entry = all.resultAt(i);
                    if (entry != null) {
                        versions.add(StoredVersion.decode(entry));
                    }
                }
                return versions;
            });
        }));
    }

    private Future<VersionedConfig> version(AsyncMap<String, String> m, long version, VersionedConfig current) {
        if (version == current.version()) {
            return Future.succeededFuture(current);
        }
        if (version > current.version() || version <= current.version() - HISTORY_KEPT) {
            return Future.failedFuture(new UnknownVersionException(version));
        }
        return m.get(historyKey(version)).compose(raw -> raw == null
                ? Future.failedFuture(new UnknownVersionException(version))
                : Future.succeededFuture(StoredVersion.decode(raw)));
    }

    /** Replaces the current version {@code raw} by {@code next}, or fails with {@link StaleVersionException}. */
    private Future<VersionedConfig> swap(AsyncMap<String, String> m, String raw, long baseVersion,
                                         VersionedConfig next) {
        String encoded = StoredVersion.encode(next);
        return m.replaceIfPresent(CURRENT, raw, encoded).compose(won -> {
            if (won) {
                return committed(m, next, encoded);
            }
            return m.get(CURRENT).compose(now -> Future.failedFuture(
                    new StaleVersionException(baseVersion, decodeCurrent(now).version())));
        });
    }

    /** After winning the current entry: keeps the version in the history, drops the oldest, tells every node. */
    private Future<VersionedConfig> committed(AsyncMap<String, String> m, VersionedConfig version, String encoded) {
        return m.put(historyKey(version.version()), encoded)
                .compose(v -> m.remove(historyKey(version.version() - HISTORY_KEPT)))
                .map(v -> {
                    vertx.eventBus().publish(Addresses.CONFIG_COMMITTED,
                            new JsonObject().put("version", version.version()));
                    return version;
                });
    }

    private VersionedConfig versioned(JunctionConfig config, String author, String comment) {
        return new VersionedConfig(new VersionSummary(config.version(), clock.instant(),
                Objects.requireNonNullElse(author, ""), Objects.requireNonNullElse(comment, "")), config);
    }

    private static VersionedConfig decodeCurrent(String raw) {
        if (raw == null) {
            throw new IllegalStateException("the config store holds no version yet: seed it first");
        }
        return StoredVersion.decode(raw);
    }

    private static String historyKey(long version) {
        return "v." + version;
    }

    private synchronized Future<AsyncMap<String, String>> map() {
        if (map == null || map.failed()) {
            map = vertx.sharedData().getAsyncMap(MAP_NAME);
        }
        return map;
    }
}
