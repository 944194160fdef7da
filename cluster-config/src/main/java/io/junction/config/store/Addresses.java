package io.junction.config.store;

/** Event-bus addresses of a Junction cluster. Payloads are JSON ({@code JsonObject}), so any node can decode them. */
public final class Addresses {
    /** Published after each commit: the new version ({@code {"version": n}}); nodes then read it from the store. */
    public static final String CONFIG_COMMITTED = "junction.config.committed";
    /**
     * Published by the cluster's monitor leader with each new observation of the servers' health (leader, epoch,
     * snapshot version and servers); the other nodes put it on their health board.
     */
    public static final String HEALTH_OBSERVED = "junction.health.observed";

    private Addresses() {
    }

    /** Request/reply: one node's statistics (pools per server, digests, pins by reason, clients). */
    public static String stats(String nodeId) {
        return "junction.node." + nodeId + ".stats";
    }

    /** Request/reply: drain one node (stop accepting, let transactions finish, close idle clients). */
    public static String drain(String nodeId) {
        return "junction.node." + nodeId + ".drain";
    }
}
