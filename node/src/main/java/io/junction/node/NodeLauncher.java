package io.junction.node;

import io.junction.admin.AdminVerticle;
import io.junction.config.AdminConfig;
import io.junction.config.JunctionConfig;
import io.junction.router.RouterDeployment;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Boots one node: a Vert.x instance (native transport when present, Micrometer metrics with a Prometheus
 * registry), the router verticles, then the admin verticle if enabled. Not clustered yet.
 */
public final class NodeLauncher {
    private static final Logger log = LoggerFactory.getLogger(NodeLauncher.class);
    private static final long CLOSE_TIMEOUT_SECONDS = 30;
    /** How long {@link #launch(JunctionConfig)} waits for the verticles to deploy. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private NodeLauncher() {
    }

    /** {@link #launch(JunctionConfig, Duration)} with {@link #START_TIMEOUT}. */
    public static RunningNode launch(JunctionConfig config) throws Exception {
        return launch(config, START_TIMEOUT);
    }

    /**
     * Starts a node for {@code config} (which must be valid) and returns once clients can connect and
     * {@code /ready} says so. If any step fails or {@code timeout} passes, Vert.x is closed again and the cause
     * is thrown. Blocking, and from outside Vert.x only (main thread, test), like {@link RunningNode#stop()}.
     */
    public static RunningNode launch(JunctionConfig config, Duration timeout) throws Exception {
        if (Context.isOnVertxThread()) {
            throw new IllegalStateException("launch() blocks: call it from outside Vert.x");
        }
        Vertx vertx = Vertx.vertx(options());
        NodeState state = new NodeState(config.version());
        RunningNode node;
        try {
            node = deploy(vertx, config, state).await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            vertx.close().await(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            throw e;
        }
        state.markReady();
        log.info("Junction listening on {}:{} (mysql), {}", config.listener().host(), node.mysqlPort(),
                node.adminPort().isPresent()
                        ? "admin on http://" + config.admin().host() + ":" + node.adminPort().getAsInt() + "/"
                        : "admin disabled");
        log.debug("Native transport: {}", vertx.isNativeTransportEnabled());
        return node;
    }

    private static Future<RunningNode> deploy(Vertx vertx, JunctionConfig config, NodeState state) {
        return RouterDeployment.start(vertx, config).compose(router -> {
            NodeGauges.register(registry(), router.limits());
            return deployAdmin(vertx, config.admin(), state).map(admin -> new RunningNode(vertx, router, admin, state));
        });
    }

    private static VertxOptions options() {
        return new VertxOptions()
                .setPreferNativeTransport(true)
                .setMetricsOptions(new MicrometerMetricsOptions()
                        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
                        .setJvmMetricsEnabled(true)
                        .setEnabled(true));
    }

    /** The registry Vert.x created from {@link #options()}; the admin verticle scrapes the same one. */
    private static MeterRegistry registry() {
        MeterRegistry registry = BackendRegistries.getDefaultNow();
        if (registry == null) {
            throw new IllegalStateException("Micrometer metrics are not enabled (vertx-micrometer-metrics missing?)");
        }
        return registry;
    }

    private static Future<AdminVerticle> deployAdmin(Vertx vertx, AdminConfig config, NodeState state) {
        if (!config.enabled()) {
            return Future.succeededFuture(null);
        }
        AdminVerticle admin = new AdminVerticle(config, state);
        return vertx.deployVerticle(admin).map(id -> admin);
    }
}
