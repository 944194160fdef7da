package io.junction.admin;

import io.vertx.core.Future;

import java.util.List;

/**
 * The cluster as the admin API shows it. The node implements it (from Hazelcast's member list and what each node
 * publishes about itself); the admin verticle only reads it, so it never depends on the router.
 */
public interface ClusterView {

    /** This node's id: the same id {@link Member#id()} carries and the event-bus addresses use. */
    String localNodeId();

    /** The live members, this node included, ordered by id. */
    Future<List<Member>> members();

    /**
     * What one node says about itself.
     *
     * @param mysqlPort the port its router listens on
     * @param adminPort its admin HTTP port, 0 when its admin endpoint is disabled
     * @param configVersion the config version its router verticles run
     * @param draining whether it was asked to drain (accepts no new clients)
     * @param monitorLeader whether it runs the health checks for the whole cluster (the other nodes show what it
     *        observes)
     */
    record Member(String id, String host, int mysqlPort, int adminPort, long configVersion, boolean ready,
                  boolean draining, boolean monitorLeader) {
    }
}
