package io.junction.config.store;

import io.junction.config.JunctionConfig;

/**
 * A committed version of the shared config. {@code config.version()} equals {@code summary.version()}; its
 * node-local sections (listener, admin, TLS, cluster) are defaults, never used: nodes merge in their own.
 */
public record VersionedConfig(VersionSummary summary, JunctionConfig config) {

    public long version() {
        return summary.version();
    }
}
