package io.junction.admin.api;

import io.junction.config.store.ChangeOp;
import io.junction.config.store.ConfigStore;
import io.junction.config.store.Section;
import io.junction.config.store.VersionedConfig;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * The shared config as a whole: {@code GET /config} (the current version, secrets masked) and
 * {@code POST /config/changes}, a changeset of several ops committed together or not at all (see
 * {@link ChangesetParser} for the body). The base version comes from the body's {@code base_version} or from
 * {@code If-Match}; when both are given they must agree.
 */
final class ConfigResource {
    private final ConfigStore store;
    private final ConfigWrites writes;

    ConfigResource(ConfigStore store) {
        this.store = store;
        this.writes = new ConfigWrites(store);
    }

    void mount(Router api) {
        api.get("/config").handler(this::read);
        api.post("/config/changes").handler(this::change);
    }

    private void read(RoutingContext ctx) {
        store.current().compose(current -> {
            ctx.response().putHeader("ETag", Versions.etag(current.version()));
            return ctx.json(versionJson(current));
        }).onFailure(ctx::fail);
    }

    private void change(RoutingContext ctx) {
        ChangesetParser.Changeset changeset = ChangesetParser.parse(Bodies.object(ctx));
        long base = agreedBase(ctx, changeset.baseVersion());
        String comment = changeset.comment().isEmpty() ? ConfigWrites.comment(ctx) : changeset.comment();
        writes.at(base)
                .compose(current -> writes.commit(ctx, base, keepingSecrets(changeset.ops(), current), comment))
                .onSuccess(committed -> ConfigWrites.answer(ctx, 200, committed, new JsonObject()))
                .onFailure(ctx::fail);
    }

    /** A version as {@code GET /config} and {@code GET /config/versions/<n>} show it. */
    static JsonObject versionJson(VersionedConfig version) {
        return ConfigWrites.summary(version.summary())
                .put("config", Secrets.maskTree(ConfigJson.shared(version.config())));
    }

    /** The base version of a body that may carry one, reconciled with {@code If-Match}. */
    static long agreedBase(RoutingContext ctx, Long fromBody) {
        if (fromBody == null) {
            return Versions.baseVersion(ctx);
        }
        Long fromHeader = Versions.ifMatch(ctx);
        if (fromHeader != null && !fromHeader.equals(fromBody)) {
            throw ApiException.badRequest("base_version: " + fromBody + " (expected: the version in If-Match, " + fromHeader + ")");
        }
        return fromBody;
    }

    /** Users put without any secret keep the ones stored, as with {@code PUT /users/<name>} (see {@link Secrets}). */
    private static List<ChangeOp> keepingSecrets(List<ChangeOp> ops, VersionedConfig current) {
        JsonObject shared = ConfigJson.shared(current.config());
        return ops.stream().map(op -> {
            if (op instanceof ChangeOp.Put put && put.section() == Section.USERS) {
                String key = Section.USERS.keyOf(put.item());
                return (ChangeOp) new ChangeOp.Put(Section.USERS, Secrets.forWrite(Section.USERS, put.item(),
                        key == null ? java.util.Optional.empty() : ConfigJson.item(shared, Section.USERS, key)));
            }
            return op;
        }).toList();
    }
}
