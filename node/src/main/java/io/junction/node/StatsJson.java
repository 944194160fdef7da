package io.junction.node;

import io.junction.router.NodeLimits;
import io.junction.router.routing.PinReason;
import io.junction.router.stats.DigestStatsRow;
import io.junction.router.stats.PoolStatsRow;
import io.junction.router.stats.StatsSnapshot;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * One node's statistics as the JSON it answers on {@code Addresses.stats(nodeId)}: the admin API of any node
 * gathers these from every member, so every node's console shows every node's view. Observed health is the
 * cluster's one view (the monitor leader's), so it is the same on every node once the latest observation reached
 * it; {@code monitor} says whose it is. Keys are snake_case like the config's.
 */
final class StatsJson {
    /** Digest rows sent per node, busiest first: enough for a console, small enough for one event-bus message. */
    static final int MAX_DIGESTS = 500;

    private StatsJson() {
    }

    static JsonObject of(String nodeId, StatsSnapshot stats, NodeLimits limits, MonitorStatus monitor) {
        return new JsonObject()
                .put("node", nodeId)
                .put("pools", pools(stats))
                .put("digests", digests(stats))
                .put("pins", pins(limits))
                .put("health", HealthJson.servers(limits.health().current()))
                .put("monitor", monitor.toJson())
                .put("clients", new JsonObject()
                        .put("connected", limits.clients())
                        .put("backend_connections", new JsonObject(new java.util.LinkedHashMap<>(limits.backendConnections()))));
    }

    private static JsonArray pools(StatsSnapshot stats) {
        JsonArray rows = new JsonArray();
        for (PoolStatsRow row : stats.pools()) {
            rows.add(new JsonObject()
                    .put("server", row.server())
                    .put("connections_ok", row.connectionsOk())
                    .put("connect_errors", row.connectErrors())
                    .put("used", row.used())
                    .put("free", row.free())
                    .put("max_used", row.maxUsed())
                    .put("queries", row.queries())
                    .put("bytes_sent", row.bytesSent())
                    .put("bytes_received", row.bytesReceived()));
        }
        return rows;
    }

    private static JsonArray digests(StatsSnapshot stats) {
        JsonArray rows = new JsonArray();
        for (DigestStatsRow row : stats.digests().subList(0, Math.min(MAX_DIGESTS, stats.digests().size()))) {
            rows.add(new JsonObject()
                    .put("hostgroup", row.hostgroup())
                    .put("user", row.user())
                    .put("schema", row.schema())
                    .put("digest", row.digestHex())
                    .put("digest_text", row.digestText())
                    .put("count", row.count())
                    .put("first_seen", row.firstSeen())
                    .put("last_seen", row.lastSeen())
                    .put("sum_time_us", row.sumTimeMicros())
                    .put("min_time_us", row.minTimeMicros())
                    .put("max_time_us", row.maxTimeMicros())
                    .put("rows_sent", row.rowsSent())
                    .put("rows_affected", row.rowsAffected()));
        }
        return rows;
    }

    private static JsonObject pins(NodeLimits limits) {
        JsonObject pins = new JsonObject();
        for (PinReason.Kind kind : PinReason.Kind.values()) {
            pins.put(kind.name().toLowerCase(java.util.Locale.ROOT), limits.pins().count(kind));
        }
        return pins;
    }
}
