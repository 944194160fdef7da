package io.junction.node;

import io.junction.router.monitor.HealthSnapshot;
import io.junction.router.monitor.ServerHealth;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link HealthSnapshot} as JSON, the form in which observations travel between nodes and show in the stats API:
 * <pre>{"version": 12, "servers": [{"server": "10.0.0.5:3306", "shunned": false, "read_only": true,
 *   "replication_lag_seconds": 0, "latency_us": 310}]}</pre>
 * {@code read_only} and {@code replication_lag_seconds} are null when not checked; a stopped replica's lag is
 * {@link Integer#MAX_VALUE}, as on the board. Servers are listed by address. Kept out of the monitor package so that
 * stays free of JSON.
 */
final class HealthJson {

    private HealthJson() {
    }

    static JsonObject encode(HealthSnapshot snapshot) {
        return new JsonObject().put("version", snapshot.version()).put("servers", servers(snapshot));
    }

    /** The servers of a snapshot, by address. */
    static JsonArray servers(HealthSnapshot snapshot) {
        JsonArray rows = new JsonArray();
        for (ServerHealth server : new TreeMap<>(snapshot.servers()).values()) {
            rows.add(new JsonObject()
                    .put("server", server.address())
                    .put("shunned", server.shunned())
                    .put("read_only", server.readOnly())
                    .put("replication_lag_seconds", server.replicationLagSeconds())
                    .put("latency_us", server.latencyMicros()));
        }
        return rows;
    }

    /**
     * The snapshot {@link #encode} wrote.
     *
     * @throws IllegalArgumentException naming the field, when one is missing or of the wrong type
     */
    static HealthSnapshot decode(JsonObject json) {
        long version = required(json, "version", Number.class).longValue();
        JsonArray rows = required(json, "servers", JsonArray.class);
        Map<String, ServerHealth> servers = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!(rows.getValue(i) instanceof JsonObject row)) {
                throw new IllegalArgumentException("servers[" + i + "]: expected an object");
            }
            String field = "servers[" + i + "].";
            String address = required(row, "server", String.class, field);
            Number lag = optional(row, "replication_lag_seconds", Number.class, field);
            ServerHealth health = new ServerHealth(address,
                    required(row, "shunned", Boolean.class, field),
                    optional(row, "read_only", Boolean.class, field),
                    lag == null ? null : lag.intValue(),
                    required(row, "latency_us", Number.class, field).longValue());
            if (servers.put(address, health) != null) {
                throw new IllegalArgumentException(field + "server: " + address + " (listed twice)");
            }
        }
        return new HealthSnapshot(version, servers);
    }

    private static <T> T required(JsonObject json, String key, Class<T> type) {
        return required(json, key, type, "");
    }

    private static <T> T required(JsonObject json, String key, Class<T> type, String prefix) {
        T value = optional(json, key, type, prefix);
        if (value == null) {
            throw new IllegalArgumentException(prefix + key + ": missing");
        }
        return value;
    }

    private static <T> T optional(JsonObject json, String key, Class<T> type, String prefix) {
        Object value = json.getValue(key);
        if (value != null && !type.isInstance(value)) {
            throw new IllegalArgumentException(prefix + key + ": " + value + " (expected: "
                    + type.getSimpleName().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        return type.cast(value);
    }
}
