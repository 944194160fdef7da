package io.junction.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns a {@link JunctionConfig} into the tree {@link ConfigReader} reads back: the same snake_case keys, every field
 * written (so a saved file shows the values in force), null values left out. Secrets (user and monitor passwords)
 * are written too: a saved file must load back to the same config. Public because the cluster store edits and stores
 * these trees.
 */
public final class ConfigWriter {

    private ConfigWriter() {
    }

    public static ObjectNode tree(JunctionConfig config) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("version", config.version());
        root.putObject("listener")
                .put("host", config.listener().host())
                .put("port", config.listener().port())
                .put("event_loops", config.listener().eventLoops())
                .put("event_loop_priority", config.listener().eventLoopPriority())
                .put("transport", config.listener().transport().configName());
        admin(root.putObject("admin"), config.admin());
        ArrayNode hostgroups = root.putArray("hostgroups");
        config.hostgroups().forEach(h -> hostgroups.addObject().put("id", h.id()).put("name", h.name()));
        ArrayNode servers = root.putArray("servers");
        config.servers().forEach(s -> server(servers.addObject(), s));
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
        ArrayNode rules = root.putArray("query_rules");
        config.queryRules().forEach(r -> queryRule(rules.addObject(), r));
        ArrayNode pairs = root.putArray("replication_hostgroups");
        config.replicationHostgroups().forEach(p -> pairs.addObject()
                .put("writer_hostgroup", p.writerHostgroup())
                .put("reader_hostgroup", p.readerHostgroup())
                .put("writer_is_also_reader", p.writerIsAlsoReader()));
        monitor(root.putObject("monitor"), config.monitor());
        tls(root.putObject("tls"), config.tls());
        cluster(root.putObject("cluster"), config.cluster());
        return root;
    }

    private static void admin(ObjectNode node, AdminConfig admin) {
        node.put("host", admin.host()).put("port", admin.port()).put("enabled", admin.enabled());
        ArrayNode users = node.putArray("users");
        admin.users().forEach(u -> users.addObject().put("name", u.name()).put("password_hash", u.passwordHash()));
        ArrayNode tokens = node.putArray("tokens");
        admin.tokens().forEach(t -> tokens.addObject().put("name", t.name()).put("sha256", t.sha256()));
    }

    private static void cluster(ObjectNode node, ClusterConfig cluster) {
        node.put("enabled", cluster.enabled()).put("name", cluster.name()).put("host", cluster.host())
                .put("port", cluster.port());
        ArrayNode members = node.putArray("members");
        cluster.members().forEach(members::add);
        putIfSet(node, "state_dir", cluster.stateDir());
    }

    private static void server(ObjectNode node, ServerConfig server) {
        node.put("host", server.host())
                .put("port", server.port())
                .put("hostgroup", server.hostgroup())
                .put("weight", server.weight())
                .put("max_connections", server.maxConnections())
                .put("status", server.status().name())
                .put("max_replication_lag", server.maxReplicationLagSeconds())
                .put("max_latency_ms", server.maxLatencyMs())
                .put("tls", server.tls().configName());
        putIfSet(node, "tls_ca", server.tlsCa());
    }

    private static void user(ObjectNode node, UserConfig user) {
        node.put("name", user.name());
        putIfSet(node, "password", user.password());
        putIfSet(node, "password_hash", user.passwordHash());
        putIfSet(node, "password_ed25519", user.passwordEd25519());
        node.put("default_hostgroup", user.defaultHostgroup());
        putIfSet(node, "default_schema", user.defaultSchema());
        node.put("max_connections", user.maxConnections())
                .put("max_backend_connections", user.maxBackendConnections())
                .put("transaction_persistent", user.transactionPersistent())
                .put("auth_plugin", user.authPlugin())
                .put("require_tls", user.requireTls());
    }

    private static void tls(ObjectNode node, TlsConfig tls) {
        node.put("enabled", tls.enabled());
        putIfSet(node, "certificate", tls.certificate());
        putIfSet(node, "key", tls.key());
        node.put("reload_interval_ms", tls.reloadIntervalMs());
        putIfSet(node, "rsa_key", tls.rsaKey());
    }

    private static void queryRule(ObjectNode node, QueryRuleConfig rule) {
        node.put("id", rule.id()).put("active", rule.active());
        putIfSet(node, "user", rule.user());
        putIfSet(node, "schema", rule.schema());
        putIfSet(node, "client_address", rule.clientAddress());
        putIfSet(node, "match_pattern", rule.matchPattern());
        putIfSet(node, "match_digest", rule.matchDigest());
        putIfSet(node, "digest", rule.digest());
        if (rule.destinationHostgroup() != null) {
            node.put("destination_hostgroup", rule.destinationHostgroup());
        }
        putIfSet(node, "error_message", rule.errorMessage());
        node.put("timeout_ms", rule.timeoutMs());
        if (rule.multiplex() != null) {
            node.put("multiplex", rule.multiplex());
        }
        node.put("apply", rule.apply());
    }

    private static void monitor(ObjectNode node, MonitorConfig monitor) {
        node.put("enabled", monitor.enabled());
        putIfSet(node, "user", monitor.user());
        putIfSet(node, "password", monitor.password());
        node.put("ping_interval_ms", monitor.pingIntervalMs())
                .put("read_only_interval_ms", monitor.readOnlyIntervalMs())
                .put("replication_lag_interval_ms", monitor.replicationLagIntervalMs())
                .put("check_timeout_ms", monitor.checkTimeoutMs())
                .put("shun_after_failures", monitor.shunAfterFailures())
                .put("recover_after_successes", monitor.recoverAfterSuccesses());
    }

    private static void putIfSet(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
    }
}
