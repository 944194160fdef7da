package io.junction.admin;

import io.junction.admin.api.ApiRouter;
import io.junction.config.AdminConfig;
import io.junction.config.store.ConfigStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;

import java.time.Duration;
import java.util.Objects;

/**
 * The node's HTTP endpoint: {@code /health} (the process is up), {@code /ready} (it accepts MySQL clients),
 * {@code /metrics} (Prometheus text from the Vert.x Micrometer registry), the REST API under {@code /api/v1}
 * ({@link ApiRouter}: authenticated, described by {@code /api/v1/openapi.json}) and the console, static files at
 * {@code /}. Health, readiness and metrics stay open: load balancers and Prometheus call them without credentials.
 *
 * <p>{@code /metrics} reads the Micrometer registry named at construction (the default one if none), so the Vert.x
 * instance must be built with Micrometer metrics and Prometheus enabled; without it the endpoint answers 500.
 */
public final class AdminVerticle extends VerticleBase {
    /** How long a node is given to answer a stats or drain request from this node's API. */
    public static final Duration NODE_TIMEOUT = Duration.ofSeconds(2);

    private final AdminConfig config;
    private final NodeStatus status;
    private final ConfigStore store;
    private final ClusterView cluster;
    /** The Micrometer registry {@code /metrics} scrapes, by name; null for Vert.x's default one. */
    private final String metricsRegistry;
    private HttpServer server;

    /** Health, readiness, metrics and the static page only: {@code /api/v1} answers 404. */
    public AdminVerticle(AdminConfig config, NodeStatus status) {
        this.config = config;
        this.status = status;
        this.store = null;
        this.cluster = null;
        this.metricsRegistry = null;
    }

    /** Everything, the REST API included, reading and changing {@code store} and showing {@code cluster}. */
    public AdminVerticle(AdminConfig config, NodeStatus status, ConfigStore store, ClusterView cluster) {
        this(config, status, store, cluster, null);
    }

    /** Everything, with {@code /metrics} scraping the Micrometer registry named {@code metricsRegistry}. */
    public AdminVerticle(AdminConfig config, NodeStatus status, ConfigStore store, ClusterView cluster,
                         String metricsRegistry) {
        this.config = config;
        this.status = status;
        this.store = Objects.requireNonNull(store, "store");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.metricsRegistry = metricsRegistry;
    }

    @Override
    public Future<?> start() {
        // TCP_QUICKACK on, as for the router's sockets (see its TcpOptions): Vert.x's native transport otherwise
        // clears it, which delays the ACKs of requests and stalls clients that send a request in two writes.
        return vertx.createHttpServer(new HttpServerOptions().setTcpQuickAck(true))
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
        router.get("/metrics").handler(metricsRegistry == null ? PrometheusScrapingHandler.create()
                : PrometheusScrapingHandler.create(metricsRegistry));
        if (store != null) {
            router.route("/api/v1/*").subRouter(new ApiRouter(vertx, config, store, cluster, NODE_TIMEOUT).create());
        }
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
