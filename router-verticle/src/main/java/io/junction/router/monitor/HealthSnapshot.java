package io.junction.router.monitor;

import java.util.Map;

/** The observed health of every checked server at one moment. Immutable; {@code version} grows with each change. */
public record HealthSnapshot(long version, Map<String, ServerHealth> servers) {
    public static final HealthSnapshot EMPTY = new HealthSnapshot(0, Map.of());

    public HealthSnapshot {
        servers = Map.copyOf(servers);
    }

    /** The health of a server by address; {@link ServerHealth#unknown} if never checked. */
    public ServerHealth of(String address) {
        ServerHealth health = servers.get(address);
        return health != null ? health : ServerHealth.unknown(address);
    }
}
