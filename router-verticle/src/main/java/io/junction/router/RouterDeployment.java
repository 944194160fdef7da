package io.junction.router;

import io.junction.config.JunctionConfig;
import io.junction.router.monitor.MonitorVerticle;
import io.junction.router.stats.StatsCollector;
import io.junction.router.stats.StatsSnapshot;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The router verticles of one node: one {@link RouterVerticle} per event loop, all on the same port, sharing
 * one {@link NodeLimits}.
 */
public final class RouterDeployment {
    private final Vertx vertx;
    private final String deploymentId;
    private final NodeLimits limits;
    private final StatsCollector stats;
    private String monitorId;

    private RouterDeployment(Vertx vertx, String deploymentId, NodeLimits limits, StatsCollector stats) {
        this.vertx = vertx;
        this.deploymentId = deploymentId;
        this.limits = limits;
        this.stats = stats;
    }

    /** Deploys the router verticles; the future completes once every instance listens. */
    public static Future<RouterDeployment> start(Vertx vertx, JunctionConfig config) {
        NodeLimits limits = new NodeLimits(config);
        StatsCollector stats = new StatsCollector();
        int instances = config.listener().eventLoops() > 0
                ? config.listener().eventLoops()
                : Runtime.getRuntime().availableProcessors();
        return vertx.deployVerticle(() -> new RouterVerticle(config, limits, stats), new DeploymentOptions().setInstances(instances))
                .compose(routers -> startMonitor(vertx, config, limits).map(monitor -> {
                    RouterDeployment deployment = new RouterDeployment(vertx, routers, limits, stats);
                    deployment.monitorId = monitor;
                    return deployment;
                }));
    }

    /** The health monitor, when the config enables it: it publishes to the node's health board. */
    private static Future<String> startMonitor(Vertx vertx, JunctionConfig config, NodeLimits limits) {
        if (!config.monitor().enabled()) {
            return Future.succeededFuture();
        }
        return vertx.deployVerticle(new MonitorVerticle(config, limits.health()));
    }

    /** Node-wide counters: client connections open, backend connections per server. */
    public NodeLimits limits() {
        return limits;
    }

    /** Statement digests and backend pools of every router verticle, each read on its own event loop, merged. */
    public Future<StatsSnapshot> stats() {
        return stats.collect();
    }

    /** The port the router listens on. */
    public int port() {
        return limits.port();
    }

    public Future<Void> stop() {
        Future<Void> monitor = monitorId == null ? Future.succeededFuture() : vertx.undeploy(monitorId);
        return monitor.compose(v -> vertx.undeploy(deploymentId));
    }
}
