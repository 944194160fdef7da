package io.junction.admin.api;

import io.junction.config.store.InvalidChangeException;
import io.junction.config.store.StaleVersionException;
import io.junction.config.store.UnknownVersionException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The one place API failures become responses, all of one shape: {@code {"error": "...", "problems": [...]}}
 * ({@code problems} only when there are some). Expected refusals (bad input, stale versions) log at debug; anything
 * else is a bug or an outage, logs at error and answers 500 without internals.
 */
public final class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    /** Both schemes the API accepts, so a browser offers its login prompt and a script knows tokens work. */
    static final List<String> CHALLENGES = List.of("Basic realm=\"junction\", charset=\"UTF-8\"", "Bearer realm=\"junction\"");

    private final long bodyLimit;

    /** @param bodyLimit the body size the API accepts, named in the 413 answer */
    public ApiErrors(long bodyLimit) {
        this.bodyLimit = bodyLimit;
    }

    /** Failure handler of the API routes: maps {@code ctx.failure()} (or a bare status code) to a response. */
    public void handle(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            LOG.debug("failure after the response started: {}", ctx.request().path(), ctx.failure());
            return;
        }
        Throwable failure = ctx.failure();
        if (failure == null) {
            byStatus(ctx, ctx.statusCode());
        } else {
            send(ctx, failure);
        }
    }

    /** Answers {@code failure} as the error response it stands for. */
    private static void send(RoutingContext ctx, Throwable failure) {
        if (failure instanceof ApiException e) {
            LOG.debug("{} {}: {} {}", ctx.request().method(), ctx.request().path(), e.status(), e.getMessage());
            write(ctx, e.status(), body(e.getMessage(), e.problems()));
        } else if (failure instanceof StaleVersionException e) {
            LOG.debug("{} {}: {}", ctx.request().method(), ctx.request().path(), e.getMessage());
            ctx.response().putHeader("ETag", Versions.etag(e.currentVersion()));
            write(ctx, 409, body(e.getMessage(), List.of())
                    .put("base_version", e.baseVersion())
                    .put("current_version", e.currentVersion()));
        } else if (failure instanceof InvalidChangeException e) {
            LOG.debug("{} {}: invalid change: {}", ctx.request().method(), ctx.request().path(), e.getMessage());
            write(ctx, 400, body("the change would leave the config invalid; nothing was applied", e.problems()));
        } else if (failure instanceof UnknownVersionException e) {
            write(ctx, 404, body(e.getMessage(), List.of()));
        } else {
            LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
            write(ctx, 500, body("internal error; see the node's log", List.of()));
        }
    }

    private void byStatus(RoutingContext ctx, int status) {
        String message = switch (status) {
            case 413 -> "request body larger than " + bodyLimit + " bytes";
            case 401 -> "authentication required";
            case 404 -> "not found: " + ctx.request().path();
            case 405 -> "method not allowed: " + ctx.request().method() + " " + ctx.request().path();
            default -> "request failed with status " + status;
        };
        write(ctx, status < 400 ? 500 : status, body(message, List.of()));
    }

    private static JsonObject body(String message, List<String> problems) {
        JsonObject body = new JsonObject().put("error", message);
        if (!problems.isEmpty()) {
            body.put("problems", new JsonArray(List.copyOf(problems)));
        }
        return body;
    }

    private static void write(RoutingContext ctx, int status, JsonObject body) {
        if (status == 401) {
            ctx.response().headers().add("WWW-Authenticate", CHALLENGES);
        }
        ctx.response().setStatusCode(status);
        ctx.json(body);
    }
}
