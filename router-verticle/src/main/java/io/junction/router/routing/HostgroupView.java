package io.junction.router.routing;

import io.junction.config.JunctionConfig;
import io.junction.config.ReplicationHostgroupConfig;
import io.junction.config.ServerConfig;
import io.junction.config.ServerStatus;
import io.junction.router.monitor.HealthSnapshot;
import io.junction.router.monitor.ServerHealth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which servers take new work in each hostgroup, from the operator's config and the monitor's observations:
 * ONLINE in config, not shunned, within their lag and latency limits (unless every server of the hostgroup is past
 * its lag limit: then they all serve), and, in a replication hostgroup pair, in the writer or reader hostgroup
 * according to their observed {@code read_only}. Built when either changes, not per statement.
 */
public final class HostgroupView {
    private final Map<Integer, List<ServerConfig>> eligible;
    private final Map<Integer, Integer> writerOfReader;

    private HostgroupView(Map<Integer, List<ServerConfig>> eligible, Map<Integer, Integer> writerOfReader) {
        this.eligible = eligible;
        this.writerOfReader = writerOfReader;
    }

    public static HostgroupView of(JunctionConfig config, HealthSnapshot health) {
        Map<Integer, ReplicationHostgroupConfig> pairOf = new HashMap<>();
        Map<Integer, Integer> writerOfReader = new HashMap<>();
        for (ReplicationHostgroupConfig pair : config.replicationHostgroups()) {
            pairOf.put(pair.writerHostgroup(), pair);
            pairOf.put(pair.readerHostgroup(), pair);
            writerOfReader.put(pair.readerHostgroup(), pair.writerHostgroup());
        }
        Map<Integer, Set<ServerConfig>> members = new HashMap<>();
        Map<Integer, Set<ServerConfig>> lagging = new HashMap<>();
        Set<String> placed = new java.util.HashSet<>();
        for (ServerConfig server : config.servers()) {
            ServerHealth observed = health.of(server.address());
            if (!takesWork(server, observed)) {
                continue;
            }
            ReplicationHostgroupConfig pair = pairOf.get(server.hostgroup());
            if (pair == null || observed.readOnly() == null) {
                (withinLag(server, observed) ? members : lagging).computeIfAbsent(server.hostgroup(), h -> new LinkedHashSet<>()).add(server);
                continue;
            }
            if (!placed.add(server.address() + "/" + pair.writerHostgroup())) {
                continue; // listed in both hostgroups of the pair: place it once, by read_only
            }
            if (observed.readOnly()) {
                (withinLag(server, observed) ? members : lagging).computeIfAbsent(pair.readerHostgroup(), h -> new LinkedHashSet<>()).add(server);
            } else {
                members.computeIfAbsent(pair.writerHostgroup(), h -> new LinkedHashSet<>()).add(server);
                if (pair.writerIsAlsoReader()) {
                    members.computeIfAbsent(pair.readerHostgroup(), h -> new LinkedHashSet<>()).add(server);
                }
            }
        }
        // Lag never empties a hostgroup: when every server of one is too far behind (as all replicas are while
        // their primary is down and their IO threads reconnect), stale reads beat no reads.
        lagging.forEach((hostgroup, servers) -> {
            if (!members.containsKey(hostgroup)) {
                members.put(hostgroup, servers);
            }
        });
        Map<Integer, List<ServerConfig>> eligible = new HashMap<>();
        members.forEach((hostgroup, servers) -> eligible.put(hostgroup, List.copyOf(servers)));
        return new HostgroupView(Map.copyOf(eligible), Map.copyOf(writerOfReader));
    }

    /** Servers of a hostgroup that take new work now; empty if none. */
    public List<ServerConfig> servers(int hostgroup) {
        return eligible.getOrDefault(hostgroup, List.of());
    }

    /** The writer hostgroup paired with a reader hostgroup, or the hostgroup itself. */
    public int writerFor(int hostgroup) {
        return writerOfReader.getOrDefault(hostgroup, hostgroup);
    }

    /** Addresses of every server that takes work somewhere. */
    public Set<String> addresses() {
        Set<String> addresses = new java.util.HashSet<>();
        eligible.values().forEach(list -> list.forEach(s -> addresses.add(s.address())));
        return addresses;
    }

    private static boolean takesWork(ServerConfig server, ServerHealth observed) {
        if (server.status() != ServerStatus.ONLINE || observed.shunned()) {
            return false;
        }
        return server.maxLatencyMs() == 0 || observed.latencyMicros() <= server.maxLatencyMs() * 1000L;
    }

    private static boolean withinLag(ServerConfig server, ServerHealth observed) {
        return server.maxReplicationLagSeconds() == 0 || observed.replicationLagSeconds() == null
                || observed.replicationLagSeconds() <= server.maxReplicationLagSeconds();
    }

    @Override
    public String toString() {
        List<String> groups = new ArrayList<>();
        eligible.forEach((h, servers) -> groups.add(h + "=" + servers.stream().map(ServerConfig::address).toList()));
        return "HostgroupView" + groups;
    }
}
