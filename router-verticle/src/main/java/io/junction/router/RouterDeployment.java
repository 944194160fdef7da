package io.junction.router;

import io.junction.config.JunctionConfig;
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

    private RouterDeployment(Vertx vertx, String deploymentId, NodeLimits limits) {
        this.vertx = vertx;
        this.deploymentId = deploymentId;
        this.limits = limits;
    }

    /** Deploys the router verticles; the future completes once every instance listens. */
    public static Future<RouterDeployment> start(Vertx vertx, JunctionConfig config) {
        NodeLimits limits = new NodeLimits(config);
        int instances = config.listener().eventLoops() > 0
                ? config.listener().eventLoops()
                : Runtime.getRuntime().availableProcessors();
        return vertx.deployVerticle(() -> new RouterVerticle(config, limits), new DeploymentOptions().setInstances(instances))
                .map(id -> new RouterDeployment(vertx, id, limits));
    }

    /** Node-wide counters: client connections open, backend connections per server. */
    public NodeLimits limits() {
        return limits;
    }

    /** The port the router listens on. */
    public int port() {
        return limits.port();
    }

    public Future<Void> stop() {
        return vertx.undeploy(deploymentId);
    }
}
