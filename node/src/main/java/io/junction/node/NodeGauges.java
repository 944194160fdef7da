package io.junction.node;

import io.junction.router.NodeLimits;
import io.junction.router.routing.PinReason;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes the router's node-wide counters: gauges {@code junction_client_connections} and
 * {@code junction_backend_connections{server="host:port"}}, {@code junction_server_shunned{server}},
 * {@code junction_server_latency_seconds{server}}, and the counters {@code junction_pins_total{reason=...}} and
 * {@code junction_query_rule_hits_total{rule=...}}, {@code junction_config_version}, and {@code junction_prepared_statements_total{event=prepared|
 * reprepared|evicted}} (prepared by clients, prepared again on another backend connection, evicted from one).
 */
final class NodeGauges {
    private NodeGauges() {
    }

    /** Registers the gauges of the node's current servers and rules; call again after a config change. */
    static void register(MeterRegistry registry, NodeLimits limits, NodeState state) {
        Gauge.builder("junction.config.version", state, NodeState::configVersion)
                .description("Version of the shared config this node runs")
                .strongReference(true)
                .register(registry);
        Gauge.builder("junction.client.connections", limits, NodeLimits::clients)
                .description("Client connections open on this node")
                .strongReference(true)
                .register(registry);
        for (PinReason.Kind kind : PinReason.Kind.values()) {
            FunctionCounter.builder("junction.pins", limits.pins(), pins -> pins.count(kind))
                    .description("Sessions pinned to their backend connection, by reason")
                    .tag("reason", kind.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry);
        }
        FunctionCounter.builder("junction.prepared.statements", limits.prepared(), c -> c.preparedCount())
                .description("Statements clients prepared").tag("event", "prepared").register(registry);
        FunctionCounter.builder("junction.prepared.statements", limits.prepared(), c -> c.repreparedCount())
                .description("Statements clients prepared").tag("event", "reprepared").register(registry);
        FunctionCounter.builder("junction.prepared.statements", limits.prepared(), c -> c.evictedCount())
                .description("Statements clients prepared").tag("event", "evicted").register(registry);
        // Bound to the limits, not to one QueryRules: a config change compiles new rules (and restarts their counts).
        limits.rules().hits().keySet().forEach(rule ->
                FunctionCounter.builder("junction.query.rule.hits", limits, l -> l.rules().hits().getOrDefault(rule, 0L))
                        .description("Statements a query rule matched")
                        .tag("rule", String.valueOf(rule))
                        .register(registry));
        // Called again after each config change: meters that exist are kept, new servers and rules get theirs.
        for (String server : limits.backendConnections().keySet()) {
            Gauge.builder("junction.backend.connections", limits, l -> l.backendConnections().getOrDefault(server, 0))
                    .description("Backend connections this node holds open to a server")
                    .tag("server", server)
                    .strongReference(true)
                    .register(registry);
            Gauge.builder("junction.server.shunned", limits, l -> l.health().current().of(server).shunned() ? 1 : 0)
                    .description("1 while the monitor keeps new work away from the server")
                    .tag("server", server)
                    .strongReference(true)
                    .register(registry);
            Gauge.builder("junction.server.latency.seconds", limits, l -> l.health().current().of(server).latencyMicros() / 1e6)
                    .description("Round trip of the monitor's last successful ping")
                    .tag("server", server)
                    .strongReference(true)
                    .register(registry);
        }
    }
}
