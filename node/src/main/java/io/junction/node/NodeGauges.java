package io.junction.node;

import io.junction.router.NodeLimits;
import io.junction.router.routing.PinReason;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes the router's node-wide counters: gauges {@code junction_client_connections} and
 * {@code junction_backend_connections{server="host:port"}}, and the counter {@code junction_pins_total{reason=...}}.
 */
final class NodeGauges {
    private NodeGauges() {
    }

    static void register(MeterRegistry registry, NodeLimits limits) {
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
        // The servers are fixed for a config snapshot; a config swap will register gauges for new servers.
        for (String server : limits.backendConnections().keySet()) {
            Gauge.builder("junction.backend.connections", limits, l -> l.backendConnections().getOrDefault(server, 0))
                    .description("Backend connections this node holds open to a server")
                    .tag("server", server)
                    .strongReference(true)
                    .register(registry);
        }
    }
}
