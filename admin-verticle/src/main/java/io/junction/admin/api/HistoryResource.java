package io.junction.admin.api;

import io.junction.config.store.ConfigDiff;
import io.junction.config.store.ConfigStore;
import io.junction.config.store.VersionedConfig;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;

/**
 * The config history: {@code GET /config/versions} (newest first), {@code GET /config/versions/<n>},
 * {@code GET /config/diff?from=<n>[&to=<m>]} ({@link ConfigDiff}, secrets hidden; to defaults to the current
 * version) and
 * {@code POST /config/rollback} with {@code {"to_version": n, "base_version": m}}, which commits the content of
 * version n as a new version: history only moves forward.
 */
final class HistoryResource {
    private static final List<String> ROLLBACK_KEYS = List.of("to_version", "base_version");

    private final ConfigStore store;

    HistoryResource(ConfigStore store) {
        this.store = store;
    }

    void mount(Router api) {
        api.get("/config/versions").handler(this::list);
        api.get("/config/versions/:version").handler(this::read);
        api.get("/config/diff").handler(this::diff);
        api.post("/config/rollback").handler(this::rollback);
    }

    private void list(RoutingContext ctx) {
        store.current().compose(current -> store.history().compose(history -> {
            ctx.response().putHeader("ETag", Versions.etag(current.version()));
            return ctx.json(new JsonObject().put("current", current.version())
                    .put("versions", new JsonArray(history.stream().map(ConfigWrites::summary).toList())));
        })).onFailure(ctx::fail);
    }

    private void read(RoutingContext ctx) {
        long version = pathVersion(ctx.pathParam("version"));
        store.version(version).compose(v -> ctx.json(ConfigResource.versionJson(v))).onFailure(ctx::fail);
    }

    private void diff(RoutingContext ctx) {
        List<String> problems = new ArrayList<>();
        Long from = queryVersion(ctx, "from", true, problems);
        Long to = queryVersion(ctx, "to", false, problems);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(problems);
        }
        Future<VersionedConfig> target = to == null ? store.current() : store.version(to);
        target.compose(after -> store.version(from).compose(before -> ctx.json(ConfigDiff.between(before, after).toJson())))
                .onFailure(ctx::fail);
    }

    private void rollback(RoutingContext ctx) {
        JsonObject body = Bodies.object(ctx);
        List<String> problems = new ArrayList<>();
        Bodies.allowOnly(body, "", ROLLBACK_KEYS, problems);
        Long to = Fields.version(body, "", "to_version", problems);
        if (to == null && !body.containsKey("to_version")) {
            problems.add("to_version: missing (expected: the version whose content becomes current)");
        }
        Long baseFromBody = Fields.version(body, "", "base_version", problems);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(problems);
        }
        long base = ConfigResource.agreedBase(ctx, baseFromBody);
        store.rollback(to, base, ApiAuth.author(ctx))
                .onSuccess(committed -> ConfigWrites.answer(ctx, 200, committed, new JsonObject().put("rolled_back_to", to)))
                .onFailure(ctx::fail);
    }

    private static long pathVersion(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("no config version " + text + " (versions are integers >= 1)");
        }
    }

    private static Long queryVersion(RoutingContext ctx, String name, boolean required, List<String> problems) {
        String text = ctx.queryParams().get(name);
        if (text == null) {
            if (required) {
                problems.add(name + ": missing (expected: a config version, e.g. ?" + name + "=3)");
            }
            return null;
        }
        try {
            long version = Long.parseLong(text);
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(name + ": \"" + text + "\" (expected: a config version, an integer >= 1)");
        return null;
    }
}
