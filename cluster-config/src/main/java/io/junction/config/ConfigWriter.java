package io.junction.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns a {@link JunctionConfig} into the tree {@link ConfigReader} reads back: the same snake_case keys, every field
 * written (so a saved file shows the values in force), null strings left out.
 */
final class ConfigWriter {

    private ConfigWriter() {
    }

    static ObjectNode tree(JunctionConfig config) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("version", config.version());
        root.putObject("listener")
                .put("host", config.listener().host())
                .put("port", config.listener().port())
                .put("event_loops", config.listener().eventLoops());
        root.putObject("admin")
                .put("host", config.admin().host())
                .put("port", config.admin().port())
                .put("enabled", config.admin().enabled());
        ArrayNode hostgroups = root.putArray("hostgroups");
        config.hostgroups().forEach(h -> hostgroups.addObject().put("id", h.id()).put("name", h.name()));
        ArrayNode servers = root.putArray("servers");
        config.servers().forEach(s -> servers.addObject()
                .put("host", s.host())
                .put("port", s.port())
                .put("hostgroup", s.hostgroup())
                .put("weight", s.weight())
                .put("max_connections", s.maxConnections())
                .put("status", s.status().name()));
        ArrayNode users = root.putArray("users");
        config.users().forEach(u -> user(users.addObject(), u));
        root.putObject("limits")
                .put("max_client_connections", config.limits().maxClientConnections())
                .put("max_packet_size", config.limits().maxPacketSize())
                .put("local_infile", config.limits().localInfile())
                .put("max_retries", config.limits().maxRetries());
        root.putObject("timeouts")
                .put("handshake_ms", config.timeouts().handshakeMs())
                .put("connect_ms", config.timeouts().connectMs())
                .put("pool_wait_ms", config.timeouts().poolWaitMs())
                .put("idle_ping_ms", config.timeouts().idlePingMs())
                .put("max_age_ms", config.timeouts().maxAgeMs())
                .put("client_idle_ms", config.timeouts().clientIdleMs());
        return root;
    }

    private static void user(ObjectNode node, UserConfig user) {
        node.put("name", user.name());
        putIfSet(node, "password", user.password());
        putIfSet(node, "password_hash", user.passwordHash());
        node.put("default_hostgroup", user.defaultHostgroup());
        putIfSet(node, "default_schema", user.defaultSchema());
        node.put("max_connections", user.maxConnections())
                .put("transaction_persistent", user.transactionPersistent());
    }

    private static void putIfSet(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
    }
}
