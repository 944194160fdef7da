package io.junction.node;

import io.junction.admin.AdminVerticle;
import io.junction.admin.ClusterView;
import io.junction.config.JunctionConfig;
import io.junction.config.store.SharedDataConfigStore;
import io.junction.config.store.StateFile;
import io.junction.config.store.VersionedConfig;
import io.junction.router.RouterDeployment;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Boots one node: a Vert.x instance (clustered on Hazelcast when configured; the transport listener.transport names;
 * Micrometer metrics with a Prometheus registry), the config store seeded or adopted ({@link ConfigBootstrap}),
 * the router verticles on the resulting config, then what keeps the node in step with the cluster (member entry,
 * budget share, config follower, stats and drain endpoints, the shared health observations) and the admin verticle.
 * A clustered node starts without its health monitor: {@link SharedHealth} runs it on one node for all.
 */
public final class NodeLauncher {
    private static final Logger log = LoggerFactory.getLogger(NodeLauncher.class);
    private static final long CLOSE_TIMEOUT_SECONDS = 30;
    /** How long {@link #launch(JunctionConfig)} waits for the node to start (joining a cluster included). */
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
        // Each node its own registry: nodes started in one JVM would otherwise share Vert.x's default one, and the
        // first of them to stop would close it under the others.
        String metricsRegistry = "junction-" + UUID.randomUUID();
        ClusterBoot boot = ClusterBoot.start(config.cluster(), options(metricsRegistry),
                NodeTransport.of(config.listener().transport())).await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        RunningNode node;
        try {
            node = deploy(boot, config, metricsRegistry).await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            boot.vertx().close().await(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            throw e;
        }
        node.state().markReady();
        log.info("Junction listening on {}:{} (mysql, {}), {}, config version {}{}", config.listener().host(),
                node.mysqlPort(), node.transport(),
                node.adminPort().isPresent()
                        ? "admin on http://" + config.admin().host() + ":" + node.adminPort().getAsInt() + "/"
                        : "admin disabled",
                node.state().configVersion(),
                boot.manager() == null ? "" : ", cluster \"" + config.cluster().name() + "\" as node " + boot.nodeId());
        return node;
    }

    private static Future<RunningNode> deploy(ClusterBoot boot, JunctionConfig local, String metricsRegistry) {
        Vertx vertx = boot.vertx();
        SharedDataConfigStore store = new SharedDataConfigStore(vertx);
        StateFile stateFile = local.cluster().stateDir() == null ? null : new StateFile(vertx, Path.of(local.cluster().stateDir()), store);
        PrometheusMeterRegistry registry = registry(metricsRegistry);
        return ConfigBootstrap.seedOrAdopt(store, local, stateFile).compose(current -> {
            JunctionConfig config = ConfigBootstrap.merged(local, current);
            NodeState state = new NodeState(current.version());
            return RouterDeployment.start(vertx, config, new NodeMetrics(registry), boot.manager() == null)
                    .compose(router -> persist(stateFile, current).map(router))
                    .compose(router -> {
                        NodeGauges.register(registry, router.limits(), state);
                        return follow(boot, local, store, stateFile, router, state, registry, metricsRegistry);
                    });
        });
    }

    /** Everything that keeps a started router in step with the cluster, then the admin verticle. */
    private static Future<RunningNode> follow(ClusterBoot boot, JunctionConfig local, SharedDataConfigStore store,
                                              StateFile stateFile, RouterDeployment router, NodeState state,
                                              MeterRegistry registry, String metricsRegistry) {
        Vertx vertx = boot.vertx();
        AtomicInteger adminPort = new AtomicInteger(); // known once the admin verticle listens
        MemberDirectory members = new MemberDirectory(vertx, boot.manager(), boot.nodeId(), () -> new ClusterView.Member(
                boot.nodeId(), local.listener().host(), router.port(), adminPort.get(), state.configVersion(), state.ready(),
                state.draining(), router.monitorsLocally()));
        SharedHealth sharedHealth = boot.manager() == null ? null
                : new SharedHealth(boot.nodeId(), members, router, router.limits().health());
        Supplier<MonitorStatus> monitor = sharedHealth != null ? sharedHealth::status
                : () -> MonitorStatus.alone(boot.nodeId(), router.limits().health().current().version());
        MembershipWatch watch = new MembershipWatch(vertx, boot.manager(), router::share);
        ConfigFollower follower = new ConfigFollower(store, shared -> ConfigBootstrap.merged(local, shared),
                next -> router.apply(next).onSuccess(v -> NodeGauges.register(registry, router.limits(), state)),
                version -> persist(stateFile, version), state);
        NodeEndpoints endpoints = new NodeEndpoints(boot.nodeId(), router, state, members::publish, monitor);
        return vertx.deployVerticle(follower)
                .compose(id -> vertx.deployVerticle(endpoints))
                .compose(id -> deployAdmin(vertx, local, state, store, members, metricsRegistry))
                .compose(admin -> {
                    adminPort.set(admin == null ? 0 : admin.actualPort());
                    watch.start();
                    return members.start()
                            .compose(v -> sharedHealth == null ? Future.succeededFuture() : vertx.deployVerticle(sharedHealth))
                            .map(v -> new RunningNode(vertx, router, admin, state, members, watch));
                });
    }

    private static Future<Void> persist(StateFile stateFile, VersionedConfig version) {
        return stateFile == null ? Future.succeededFuture() : stateFile.save(version);
    }

    private static VertxOptions options(String metricsRegistry) {
        return new VertxOptions()
                .setMetricsOptions(new MicrometerMetricsOptions()
                        .setRegistryName(metricsRegistry)
                        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
                        .setJvmMetricsEnabled(true)
                        .setEnabled(true));
    }

    /** The registry Vert.x created from {@link #options}; the admin verticle scrapes the same one. */
    private static PrometheusMeterRegistry registry(String metricsRegistry) {
        MeterRegistry registry = BackendRegistries.getNow(metricsRegistry);
        if (!(registry instanceof PrometheusMeterRegistry prometheus)) {
            throw new IllegalStateException("Micrometer metrics with Prometheus are not enabled (vertx-micrometer-metrics"
                    + " missing?), found " + registry);
        }
        return prometheus;
    }

    private static Future<AdminVerticle> deployAdmin(Vertx vertx, JunctionConfig config, NodeState state,
                                                     SharedDataConfigStore store, ClusterView members,
                                                     String metricsRegistry) {
        if (!config.admin().enabled()) {
            return Future.succeededFuture(null);
        }
        AdminVerticle admin = new AdminVerticle(config.admin(), state, store, members, metricsRegistry);
        return vertx.deployVerticle(admin).map(id -> admin);
    }
}
