package io.junction.admin.api;

import io.junction.config.store.ChangeOp;
import io.junction.config.store.ConfigStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scalar settings of the shared config (limits, timeouts, monitor) as variables named {@code section.key}:
 * {@code GET /variables}, {@code GET /variables/<name>} and {@code PUT /variables/<name>} with {@code {"value": ...}},
 * which becomes a {@link ChangeOp.SetVariable}. The store checks the value's type and range; this class only makes
 * sure the name exists and the body is one scalar value.
 */
final class VariablesResource {
    private final ConfigStore store;
    private final ConfigWrites writes;

    VariablesResource(ConfigStore store) {
        this.store = store;
        this.writes = new ConfigWrites(store);
    }

    void mount(Router api) {
        api.get("/variables").handler(this::list);
        api.get("/variables/:name").handler(this::read);
        api.put("/variables/:name").handler(this::set);
    }

    private void list(RoutingContext ctx) {
        store.current().compose(current -> {
            Map<String, Object> variables = ConfigJson.variables(ConfigJson.shared(current.config()));
            ctx.response().putHeader("ETag", Versions.etag(current.version()));
            return ctx.json(new JsonObject().put("version", current.version())
                    .put("variables", new JsonObject(Secrets.maskVariables(variables))));
        }).onFailure(ctx::fail);
    }

    private void read(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        store.current().compose(current -> {
            Map<String, Object> variables = ConfigJson.variables(ConfigJson.shared(current.config()));
            if (!variables.containsKey(name)) {
                return Future.failedFuture(unknown(name, variables));
            }
            ctx.response().putHeader("ETag", Versions.etag(current.version()));
            Object value = variables.get(name);
            JsonObject answer = new JsonObject().put("name", name);
            if (Secrets.isSecretVariable(name)) {
                answer.put("value_set", Secrets.isSet(value));
            } else {
                answer.put("value", value);
            }
            return ctx.json(answer);
        }).onFailure(ctx::fail);
    }

    private void set(RoutingContext ctx) {
        String name = ctx.pathParam("name");
        long base = Versions.baseVersion(ctx);
        JsonObject body = Bodies.object(ctx);
        List<String> problems = new ArrayList<>();
        Bodies.allowOnly(body, "", List.of("value"), problems);
        Object value = body.getValue("value");
        if (value == null) {
            problems.add("value: " + (body.containsKey("value") ? "null" : "missing") + " (expected: a number, string or boolean)");
        } else if (value instanceof JsonObject || value instanceof JsonArray) {
            problems.add("value: " + Bodies.shown(value) + " (expected: a number, string or boolean)");
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(problems);
        }
        writes.at(base).compose(current -> {
            Map<String, Object> variables = ConfigJson.variables(ConfigJson.shared(current.config()));
            if (!variables.containsKey(name)) {
                return Future.failedFuture(unknown(name, variables));
            }
            return writes.commit(ctx, base, List.of(new ChangeOp.SetVariable(name, value)), ConfigWrites.comment(ctx));
        }).onSuccess(committed -> ConfigWrites.answer(ctx, 200, committed, new JsonObject().put("name", name)))
                .onFailure(ctx::fail);
    }

    private static ApiException unknown(String name, Map<String, Object> variables) {
        return new ApiException(404, "no variable " + name,
                List.of("name: \"" + name + "\" (expected: one of " + String.join(", ", variables.keySet()) + ")"));
    }
}
