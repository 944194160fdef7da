package io.junction.config.store;

/** A change was made against {@code baseVersion}, but the cluster has moved on to {@code currentVersion}. */
public final class StaleVersionException extends RuntimeException {
    private final long baseVersion;
    private final long currentVersion;

    public StaleVersionException(long baseVersion, long currentVersion) {
        super("config version " + baseVersion + " is stale: the current version is " + currentVersion);
        this.baseVersion = baseVersion;
        this.currentVersion = currentVersion;
    }

    public long baseVersion() {
        return baseVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
