package io.junction.node;

import io.junction.config.ClusterConfig;
import io.junction.config.cluster.ClusterManagers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.core.transport.Transport;

import java.util.UUID;

/**
 * The Vert.x instance of a node: clustered on Hazelcast when the config's cluster section says so, alone otherwise.
 * Keeps the cluster manager, which tells who is alive ({@link MembershipWatch}, {@link MemberDirectory}).
 *
 * @param manager null when the node is not clustered
 * @param nodeId the cluster manager's id of this node, or a random one when not clustered
 */
record ClusterBoot(Vertx vertx, ClusterManager manager, String nodeId) {

    static Future<ClusterBoot> start(ClusterConfig cluster, VertxOptions options, Transport transport) {
        if (!cluster.enabled()) {
            Vertx vertx = Vertx.builder().with(options).withTransport(transport).build();
            return Future.succeededFuture(new ClusterBoot(vertx, null, UUID.randomUUID().toString()));
        }
        ClusterManager manager = ClusterManagers.hazelcast(cluster);
        return ClusterManagers.clusteredVertx(cluster, options, transport, manager)
                .map(vertx -> new ClusterBoot(vertx, manager, manager.getNodeId()));
    }
}
