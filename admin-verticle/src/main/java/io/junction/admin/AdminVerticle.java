package io.junction.admin;

import io.junction.config.AdminConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;

/**
 * The node's HTTP endpoint: {@code /health} (the process is up), {@code /ready} (it accepts MySQL clients),
 * {@code /metrics} (Prometheus text from the Vert.x Micrometer registry) and a static page at {@code /}.
 * The REST API under {@code /api/v1} and the console come later.
 *
 * <p>{@code /metrics} reads the default Micrometer registry, so the Vert.x instance must be built with
 * Micrometer metrics and Prometheus enabled; without it the endpoint answers 500.
 */
public final class AdminVerticle extends VerticleBase {
    private final AdminConfig config;
    private final NodeStatus status;
    private HttpServer server;

    public AdminVerticle(AdminConfig config, NodeStatus status) {
        this.config = config;
        this.status = status;
    }

    @Override
    public Future<?> start() {
        return vertx.createHttpServer()
                .requestHandler(router())
                .listen(config.port(), config.host())
                .onSuccess(s -> server = s);
    }

    /** The port actually bound: differs from the configured one when that is 0. */
    public int actualPort() {
        if (server == null) {
            throw new IllegalStateException("admin verticle not started");
        }
        return server.actualPort();
    }

    private Router router() {
        Router router = Router.router(vertx);
        router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
        router.get("/ready").handler(this::ready);
        router.get("/metrics").handler(PrometheusScrapingHandler.create());
        // Static files last: a path with no file falls through to the 404 handler below.
        router.get("/*").handler(StaticHandler.create("webroot"));
        router.errorHandler(404, ctx -> error(ctx, 404, "not found: " + ctx.request().path()));
        router.errorHandler(405, ctx -> error(ctx, 405, "method not allowed: " + ctx.request().method() + " " + ctx.request().path()));
        return router;
    }

    private void ready(RoutingContext ctx) {
        if (status.ready()) {
            ctx.json(new JsonObject().put("ready", true).put("config_version", status.configVersion()));
        } else {
            ctx.response().setStatusCode(503);
            ctx.json(new JsonObject().put("ready", false));
        }
    }

    private static void error(RoutingContext ctx, int code, String message) {
        ctx.response().setStatusCode(code);
        ctx.json(new JsonObject().put("error", message));
    }
}
