package io.junction.router.frontend;

import io.junction.router.routing.QueryDigest;

import java.util.function.Supplier;

/** A statement's digest, computed on first use and then kept: rules and statistics share one computation. */
final class DigestOnce implements Supplier<QueryDigest> {
    private final String sql;
    private QueryDigest digest;

    DigestOnce(String sql) {
        this.sql = sql;
    }

    @Override
    public QueryDigest get() {
        if (digest == null) {
            digest = QueryDigest.of(sql);
        }
        return digest;
    }
}
