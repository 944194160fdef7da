package io.junction.config.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;
import io.junction.config.ClusterConfig;
import io.junction.config.store.SharedDataConfigStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.core.transport.Transport;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds Vert.x's Hazelcast cluster manager from a node's {@link ClusterConfig}, in code rather than from
 * vertx-hazelcast's default {@code cluster.xml} (which joins by multicast): TCP/IP join with the configured member
 * list only, the cluster name, Hazelcast bound to the node's address only, no phone-home, a short join wait, and the
 * maps Vert.x's event bus needs. The event bus binds to and announces the same address.
 */
public final class ClusterManagers {

    private ClusterManagers() {
    }

    /**
     * A clustered Vert.x for this node on {@code transport}: {@code options} with the event bus on the node's
     * address, and {@code manager} (from {@link #hazelcast}; the caller keeps it to ask who is alive). Blocking only
     * while it resolves {@code cluster.host} if that is a name: call it at start.
     */
    public static Future<Vertx> clusteredVertx(ClusterConfig cluster, VertxOptions options, Transport transport,
                                               ClusterManager manager) {
        return Vertx.builder()
                .with(withEventBusAddress(cluster, options))
                .withTransport(transport)
                .withClusterManager(manager)
                .buildClustered();
    }

    /** A cluster manager from {@link #hazelcastConfig}. */
    public static HazelcastClusterManager hazelcast(ClusterConfig cluster) {
        return new HazelcastClusterManager(hazelcastConfig(cluster));
    }

    /**
     * {@code options} (copied, not changed) with the event bus bound to {@code cluster.host} on any free port and
     * announcing that address to the other nodes.
     */
    public static VertxOptions withEventBusAddress(ClusterConfig cluster, VertxOptions options) {
        VertxOptions copy = new VertxOptions(options);
        // The copy constructor turns MicrometerMetricsOptions into plain MetricsOptions, which loses the Prometheus
        // backend (and /metrics with it): hand over the original metrics options instead.
        copy.setMetricsOptions(options.getMetricsOptions());
        // TCP_QUICKACK on: Vert.x's native transport otherwise clears it, and a node's first connection to another
        // node's event bus then waits 200 ms for a delayed ACK of the server's SYN-ACK (see the router's TcpOptions).
        copy.getEventBusOptions().setHost(cluster.host()).setClusterPublicHost(cluster.host()).setTcpQuickAck(true);
        return copy;
    }

    /** The Hazelcast config of a node, per the "Hazelcast on loopback" recipe of {@code STACK.md}. */
    public static Config hazelcastConfig(ClusterConfig cluster) {
        Config config = new Config();
        config.setClusterName(cluster.name());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        config.setProperty("hazelcast.max.wait.seconds.before.join", "3");
        // Hazelcast's own shutdown hook would leave the cluster before Vert.x closes; Vert.x closes it in order.
        config.setProperty("hazelcast.shutdownhook.enabled", "false");

        NetworkConfig network = config.getNetworkConfig();
        network.setPort(cluster.port()).setPortAutoIncrement(true);
        network.getInterfaces().setEnabled(true).setInterfaces(List.of(address(cluster.host())));
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        List<String> members = new ArrayList<>(cluster.members());
        if (members.isEmpty()) {
            members.add(cluster.host() + ":" + cluster.port());
        }
        join.getTcpIpConfig().setEnabled(true).setMembers(members);

        config.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1)
                .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
        config.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
        config.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));
        // The shared config: one backup, so it survives any one node leaving.
        config.addMapConfig(new MapConfig(SharedDataConfigStore.MAP_NAME).setBackupCount(1));
        return config;
    }

    /** Hazelcast's interface list takes IP addresses only; a host name is resolved once, here. */
    private static String address(String host) {
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cluster.host: cannot resolve " + host, e);
        }
    }
}
