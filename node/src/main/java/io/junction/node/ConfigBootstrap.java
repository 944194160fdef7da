package io.junction.node;

import io.junction.config.ConfigValidator;
import io.junction.config.InvalidConfigException;
import io.junction.config.JunctionConfig;
import io.junction.config.store.SavedState;
import io.junction.config.store.SharedDataConfigStore;
import io.junction.config.store.SharedSections;
import io.junction.config.store.StateFile;
import io.junction.config.store.VersionedConfig;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The config a node starts with. Its own file (or the built-in default) is only a seed: the first node of a cluster
 * stores it, later nodes adopt what the cluster holds. When the node saved a newer version in its state file (the
 * whole cluster was down), that version and the history saved with it are restored instead, so a cluster restarted
 * from scratch comes back with the last committed config and the versions before it, rather than the files it was
 * first started from.
 */
final class ConfigBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigBootstrap.class);

    private ConfigBootstrap() {
    }

    /** The version in force once this node has seeded or adopted; {@code stateFile} may be null (nothing saved). */
    static Future<VersionedConfig> seedOrAdopt(SharedDataConfigStore store, JunctionConfig local, StateFile stateFile) {
        Future<SavedState> saved = stateFile == null ? Future.succeededFuture() : stateFile.load();
        return saved.compose(state -> {
            if (state != null && state.current().version() > local.version()) {
                LOG.info("Restoring the saved state {} (version {} and {} earlier), newer than the config file "
                        + "(version {})", stateFile.path(), state.current().version(), state.earlier().size(),
                        local.version());
                return store.restore(state);
            }
            return store.seed(local);
        }).onSuccess(current -> LOG.info("Running config version {} ({})", current.version(), current.summary().comment()));
    }

    /**
     * This node's full config for a shared version: the shared sections with the node's own listener, admin, TLS and
     * cluster sections, checked as a whole (some checks, such as require_tls users, depend on both).
     */
    static JunctionConfig merged(JunctionConfig local, VersionedConfig shared) {
        JunctionConfig config = SharedSections.merge(local, shared.config());
        List<String> problems = ConfigValidator.validate(config);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return config;
    }
}
