package io.junction.admin.api;

import io.junction.config.store.ChangeOp;
import io.junction.config.store.ConfigStore;
import io.junction.config.store.Section;
import io.junction.config.store.VersionedConfig;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * One list section of the shared config as a REST collection: {@code GET/POST /<section>} and
 * {@code GET/PUT/DELETE /<section>/<key>}, where the key is what {@link Section#keyOf} makes of an item (a hostgroup
 * or rule id, {@code host:port} of a server, a user name, the writer hostgroup of a replication pair). Items have the
 * config file's shape; writes become {@link ChangeOp.Put} and {@link ChangeOp.Delete} against the version in
 * {@code If-Match}. POST only adds (an existing key is 409); PUT adds or replaces, and the key in the path fills in the
 * item's key fields when the body leaves them out.
 */
final class SectionResource {
    private final Section section;
    private final ConfigStore store;
    private final ConfigWrites writes;

    SectionResource(Section section, ConfigStore store) {
        this.section = section;
        this.store = store;
        this.writes = new ConfigWrites(store);
    }

    void mount(Router api) {
        String path = ConfigJson.path(section);
        api.get(path).handler(this::list);
        api.post(path).handler(this::create);
        api.get(path + "/:key").handler(this::read);
        api.put(path + "/:key").handler(this::replace);
        api.delete(path + "/:key").handler(this::delete);
    }

    private void list(RoutingContext ctx) {
        store.current().compose(current -> {
            JsonObject shared = ConfigJson.shared(current.config());
            JsonArray items = new JsonArray(ConfigJson.items(shared, section).stream()
                    .map(i -> Secrets.maskItem(section, i)).toList());
            ctx.response().putHeader("ETag", Versions.etag(current.version()));
            return ctx.json(new JsonObject().put("version", current.version()).put("items", items));
        }).onFailure(ctx::fail);
    }

    private void read(RoutingContext ctx) {
        String key = ctx.pathParam("key");
        store.current().compose(current -> {
            Optional<JsonObject> item = ConfigJson.item(ConfigJson.shared(current.config()), section, key);
            if (item.isEmpty()) {
                return Future.failedFuture(missing(key));
            }
            ctx.response().putHeader("ETag", Versions.etag(current.version()));
            return ctx.json(Secrets.maskItem(section, item.get()));
        }).onFailure(ctx::fail);
    }

    private void create(RoutingContext ctx) {
        long base = Versions.baseVersion(ctx);
        JsonObject sent = Bodies.object(ctx);
        String key = section.keyOf(sent);
        if (key == null) {
            throw ApiException.badRequest(section.key() + ": " + keyFields() + " missing (expected: the item's key)");
        }
        writes.at(base).compose(current -> {
            JsonObject shared = ConfigJson.shared(current.config());
            if (ConfigJson.item(shared, section, key).isPresent()) {
                return Future.failedFuture(new ApiException(409, section.key() + " " + key + " already exists: PUT /api/v1"
                        + ConfigJson.path(section) + "/" + key + " replaces it"));
            }
            JsonObject item = Secrets.forWrite(section, sent, Optional.empty());
            return writes.commit(ctx, base, List.of(new ChangeOp.Put(section, item)), ConfigWrites.comment(ctx));
        }).onSuccess(committed -> {
            ctx.response().putHeader("Location", "/api/v1" + ConfigJson.path(section) + "/" + encoded(key));
            ConfigWrites.answer(ctx, 201, committed, stored(committed, key));
        }).onFailure(ctx::fail);
    }

    private void replace(RoutingContext ctx) {
        String key = ctx.pathParam("key");
        long base = Versions.baseVersion(ctx);
        JsonObject sent = withPathKey(Bodies.object(ctx), key);
        writes.at(base).compose(current -> {
            Optional<JsonObject> existing = ConfigJson.item(ConfigJson.shared(current.config()), section, key);
            JsonObject item = Secrets.forWrite(section, sent, existing);
            return writes.commit(ctx, base, List.of(new ChangeOp.Put(section, item)), ConfigWrites.comment(ctx));
        }).onSuccess(committed -> ConfigWrites.answer(ctx, 200, committed, stored(committed, key)))
                .onFailure(ctx::fail);
    }

    private void delete(RoutingContext ctx) {
        String key = ctx.pathParam("key");
        long base = Versions.baseVersion(ctx);
        writes.at(base).compose(current -> {
            if (ConfigJson.item(ConfigJson.shared(current.config()), section, key).isEmpty()) {
                return Future.<VersionedConfig>failedFuture(missing(key));
            }
            return writes.commit(ctx, base, List.of(new ChangeOp.Delete(section, key)), ConfigWrites.comment(ctx));
        }).onSuccess(committed -> ConfigWrites.answer(ctx, 200, committed, new JsonObject()))
                .onFailure(ctx::fail);
    }

    /** {@code sent} with the key fields the path gives filled in where absent; a contradicting key is refused. */
    private JsonObject withPathKey(JsonObject sent, String key) {
        JsonObject item = sent.copy();
        switch (section) {
            case HOSTGROUPS, QUERY_RULES -> fill(item, "id", integer("id", key));
            case REPLICATION_HOSTGROUPS -> fill(item, "writer_hostgroup", integer("writer_hostgroup", key));
            case USERS -> fill(item, "name", key);
            case SERVERS -> {
                int colon = key.lastIndexOf(':');
                if (colon <= 0) {
                    throw ApiException.badRequest("servers key: \"" + key + "\" (expected: host:port)");
                }
                fill(item, "host", key.substring(0, colon));
                fill(item, "port", integer("port", key.substring(colon + 1)));
            }
        }
        String itemKey = section.keyOf(item);
        if (!key.equals(itemKey)) {
            throw ApiException.badRequest(keyFields() + ": " + itemKey + " (expected: " + key + ", the key in the path)");
        }
        return item;
    }

    private JsonObject stored(VersionedConfig committed, String key) {
        return ConfigJson.item(ConfigJson.shared(committed.config()), section, key)
                .map(i -> new JsonObject().put("item", Secrets.maskItem(section, i)))
                .orElseGet(JsonObject::new);
    }

    private String keyFields() {
        return switch (section) {
            case HOSTGROUPS, QUERY_RULES -> "id";
            case SERVERS -> "host (and port)";
            case USERS -> "name";
            case REPLICATION_HOSTGROUPS -> "writer_hostgroup";
        };
    }

    private ApiException missing(String key) {
        return ApiException.notFound("no " + section.key() + " item " + key);
    }

    private static void fill(JsonObject item, String field, Object value) {
        if (!item.containsKey(field)) {
            item.put(field, value);
        }
    }

    private static int integer(String field, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(field + ": \"" + text + "\" in the path (expected: an integer)");
        }
    }

    /** A key as a path segment: anything outside letters, digits and {@code -._~:@} percent-encoded. */
    private static String encoded(String key) {
        StringBuilder out = new StringBuilder();
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~:@".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
