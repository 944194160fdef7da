package io.junction.config.store;

import io.vertx.core.json.JsonObject;

/** The list sections of the shared config that changes edit item by item, and how an item is identified. */
public enum Section {
    HOSTGROUPS("hostgroups"),
    SERVERS("servers"),
    USERS("users"),
    QUERY_RULES("query_rules"),
    REPLICATION_HOSTGROUPS("replication_hostgroups");

    private final String key;

    Section(String key) {
        this.key = key;
    }

    /** The section's key in the config file (and its path under {@code /api/v1}, with '-' for '_'). */
    public String key() {
        return key;
    }

    /**
     * An item's identity within its section: the id of a hostgroup or rule, {@code host:port} of a server, the name
     * of a user, the writer hostgroup of a replication pair. Null when the item lacks the fields that make it.
     * A server listed in several hostgroups has one key for all its entries: a change's put replaces them all, a
     * delete removes them all (see {@link ChangeApplier}).
     */
    public String keyOf(JsonObject item) {
        return switch (this) {
            case HOSTGROUPS, QUERY_RULES -> string(item.getValue("id"));
            case SERVERS -> item.getValue("host") == null ? null
                    : item.getValue("host") + ":" + item.getValue("port", io.junction.config.ServerConfig.DEFAULT_PORT);
            case USERS -> string(item.getValue("name"));
            case REPLICATION_HOSTGROUPS -> string(item.getValue("writer_hostgroup"));
        };
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
