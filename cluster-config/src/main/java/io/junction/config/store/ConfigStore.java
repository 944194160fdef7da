package io.junction.config.store;

import io.vertx.core.Future;

import java.util.List;

/**
 * The cluster's desired configuration: the current version, every committed version kept in a history, and the one
 * way to change it, a {@link ConfigChange} against the version it was made from. Only the shared sections live here
 * (see {@link SharedSections}); each node keeps its own listener, admin, TLS and cluster sections.
 *
 * <p>Every method may be called from any thread; the futures complete on a Vert.x context. Failures are
 * {@link StaleVersionException} (the change was made against an older version: HTTP 409) and
 * {@link InvalidChangeException} (the change would produce an invalid config: HTTP 400). Nothing is half-applied:
 * a refused change leaves the current version and the history as they were.
 */
public interface ConfigStore {

    /** The version nodes should run now. */
    Future<VersionedConfig> current();

    /** Validates {@code change} as a whole against {@link #current()}, and commits it as the next version. */
    Future<VersionedConfig> commit(ConfigChange change);

    /**
     * Commits the content of an earlier version as the next version (history moves forward, never back), if the
     * current version is still {@code baseVersion}.
     */
    Future<VersionedConfig> rollback(long toVersion, long baseVersion, String author);

    /** One committed version, or a failed future with {@link UnknownVersionException}. */
    Future<VersionedConfig> version(long version);

    /** Summaries of the versions kept, newest first. */
    Future<List<VersionSummary>> history();

    /** The versions kept, whole, newest first: the current one, then those {@link #history()} lists. */
    Future<List<VersionedConfig>> versions();
}
