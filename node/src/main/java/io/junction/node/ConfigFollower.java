package io.junction.node;

import io.junction.config.JunctionConfig;
import io.junction.config.store.Addresses;
import io.junction.config.store.ConfigStore;
import io.junction.config.store.VersionedConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

/**
 * Keeps this node on the cluster's current config version. A commit anywhere is announced on
 * {@link Addresses#CONFIG_COMMITTED}; the follower then reads the current version from the store, merges it with
 * this node's own sections, has the router swap it in, saves it to disk, and records the version. A timer does the
 * same every few seconds, so a node that missed an announcement (it was joining, or the message was lost) still
 * catches up. One catch-up runs at a time, on this verticle's context, and versions only move forward.
 */
final class ConfigFollower extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigFollower.class);
    static final long POLL_MS = 2_000;

    private final ConfigStore store;
    private final Function<VersionedConfig, JunctionConfig> merge;
    private final Function<JunctionConfig, Future<Void>> apply;
    private final Function<VersionedConfig, Future<Void>> persist;
    private final NodeState state;
    private long applied;
    private boolean running;
    private boolean again;

    /**
     * @param merge the node's full config for a shared version (its own listener, admin, TLS and cluster sections)
     * @param apply swaps a config into the router verticles
     * @param persist saves a version to the node's state file
     */
    ConfigFollower(ConfigStore store, Function<VersionedConfig, JunctionConfig> merge,
                   Function<JunctionConfig, Future<Void>> apply, Function<VersionedConfig, Future<Void>> persist,
                   NodeState state) {
        this.store = store;
        this.merge = merge;
        this.apply = apply;
        this.persist = persist;
        this.state = state;
        this.applied = state.configVersion();
    }

    @Override
    public Future<?> start() {
        vertx.setPeriodic(POLL_MS, id -> catchUp());
        return vertx.eventBus().consumer(Addresses.CONFIG_COMMITTED, message -> catchUp()).completion();
    }

    /** Applies the store's current version if it is newer than the one running; coalesces overlapping calls. */
    void catchUp() {
        if (running) {
            again = true;
            return;
        }
        running = true;
        store.current()
                .compose(this::applyIfNewer)
                .onFailure(e -> LOG.warn("Could not apply the cluster's config: {}", e.toString()))
                .onComplete(done -> {
                    running = false;
                    if (again) {
                        again = false;
                        catchUp();
                    }
                });
    }

    private Future<Void> applyIfNewer(VersionedConfig current) {
        if (current.version() <= applied) {
            return Future.succeededFuture();
        }
        JunctionConfig next = merge.apply(current);
        return apply.apply(next)
                .compose(v -> persist.apply(current))
                .onSuccess(v -> {
                    LOG.info("Config version {} applied (was {})", current.version(), applied);
                    applied = current.version();
                    state.configApplied(applied);
                });
    }
}
