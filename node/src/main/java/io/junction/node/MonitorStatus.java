package io.junction.node;

import io.vertx.core.json.JsonObject;

/**
 * Whose observations one node's health board shows, for the stats API and the member list: in a cluster every
 * node shows the same leader, epoch and version once the latest observation reached it.
 *
 * @param leader the node whose monitor made the snapshot on the board; null before the first one arrived
 * @param epoch that leader's term ({@link Observation#epoch()}); 0 when not clustered or nothing arrived yet
 * @param version the board's snapshot version
 * @param checksHere whether this node runs the health checks (when the config enables the monitor)
 */
record MonitorStatus(String leader, long epoch, long version, boolean checksHere) {

    /** A node that is not clustered: it leads itself, always. */
    static MonitorStatus alone(String nodeId, long version) {
        return new MonitorStatus(nodeId, 0, version, true);
    }

    JsonObject toJson() {
        return new JsonObject()
                .put("leader", leader)
                .put("epoch", epoch)
                .put("version", version)
                .put("checks_here", checksHere);
    }
}
