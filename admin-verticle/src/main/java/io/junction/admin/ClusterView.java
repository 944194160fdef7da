package io.junction.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

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

        /** The member as the admin API shows it and as nodes publish it to each other. */
        public JsonObject toJson() {
            return new JsonObject()
                    .put("id", id)
                    .put("host", host)
                    .put("mysql_port", mysqlPort)
                    .put("admin_port", adminPort)
                    .put("config_version", configVersion)
                    .put("ready", ready)
                    .put("draining", draining)
                    .put("monitor_leader", monitorLeader);
        }

        /** Reads what {@link #toJson} wrote; {@code id} is the member's (the key it was published under). */
        public static Member fromJson(String id, JsonObject json) {
            return new Member(id, json.getString("host"), json.getInteger("mysql_port"), json.getInteger("admin_port"),
                    json.getLong("config_version"), json.getBoolean("ready"), json.getBoolean("draining"),
                    json.getBoolean("monitor_leader", false));
        }
    }
}
