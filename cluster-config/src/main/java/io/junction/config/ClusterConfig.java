package io.junction.config;

import java.util.List;

/**
 * How this node joins a Junction cluster: Hazelcast (through Vert.x's cluster manager) with a TCP/IP member list,
 * never multicast. Node-local: every node has its own, and it is never part of the shared config. With clustering
 * off the node runs alone, and its config store is a local map.
 *
 * @param enabled false (the default): no cluster, the node runs alone
 * @param name the cluster name; nodes with another name never join this cluster
 * @param host the address Hazelcast and the event bus bind to and announce to the other nodes
 * @param port Hazelcast's port (auto-incremented by Hazelcast when taken)
 * @param members the other nodes as {@code host:port} (this node's own address may be listed too, so every node can
 *        share one list); empty: this node forms a cluster that others join by listing it
 * @param stateDir where the node keeps the shared config it last saw and the history before it
 *        ({@code junction-state.json}), so it can start the cluster again from them when every node was down;
 *        null: nothing is saved
 */
public record ClusterConfig(boolean enabled, String name, String host, int port, List<String> members,
                            String stateDir) {

    /** Off; name "junction", 127.0.0.1:5701, no members, no state directory. */
    public static final ClusterConfig DEFAULT = new ClusterConfig(false, "junction", "127.0.0.1", 5701, List.of(), null);

    public ClusterConfig {
        members = List.copyOf(members);
    }
}
