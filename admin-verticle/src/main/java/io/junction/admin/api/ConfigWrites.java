package io.junction.admin.api;

import io.junction.config.store.ChangeOp;
import io.junction.config.store.ConfigChange;
import io.junction.config.store.ConfigStore;
import io.junction.config.store.StaleVersionException;
import io.junction.config.store.VersionSummary;
import io.junction.config.store.VersionedConfig;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * How every API write reaches the store: read the config the client based its change on (refusing a stale base
 * before looking at items, so "not found" and "already exists" are judged against the version the client saw),
 * commit the ops as one {@link ConfigChange} with the authenticated author, and answer with the new version.
 */
final class ConfigWrites {
    private final ConfigStore store;

    ConfigWrites(ConfigStore store) {
        this.store = store;
    }

    /** The current config, provided it is still {@code baseVersion}; else a {@link StaleVersionException}. */
    Future<VersionedConfig> at(long baseVersion) {
        return store.current().compose(current -> current.version() == baseVersion
                ? Future.succeededFuture(current)
                : Future.failedFuture(new StaleVersionException(baseVersion, current.version())));
    }

    /** Commits {@code ops} against {@code baseVersion}, authored by whoever authenticated {@code ctx}. */
    Future<VersionedConfig> commit(RoutingContext ctx, long baseVersion, List<ChangeOp> ops, String comment) {
        return store.commit(new ConfigChange(baseVersion, ops, ApiAuth.author(ctx), comment));
    }

    /** The {@code comment} query parameter, or what the request did ({@code PUT /api/v1/servers/db1:3306}). */
    static String comment(RoutingContext ctx) {
        String comment = ctx.queryParams().get("comment");
        return comment != null ? comment : ctx.request().method() + " " + ctx.request().path();
    }

    /** Answers a committed change: {@code status}, {@code ETag} of the new version, its summary plus {@code extra}. */
    static void answer(RoutingContext ctx, int status, VersionedConfig committed, JsonObject extra) {
        ctx.response().setStatusCode(status).putHeader("ETag", Versions.etag(committed.version()));
        ctx.json(summary(committed.summary()).mergeIn(extra));
    }

    /** One history line as JSON. */
    static JsonObject summary(VersionSummary summary) {
        return new JsonObject()
                .put("version", summary.version())
                .put("committed_at", summary.committedAt().toString())
                .put("author", summary.author())
                .put("comment", summary.comment());
    }
}
