package io.junction.router.backend;

import io.junction.config.JunctionConfig;
import io.junction.config.ServerConfig;
import io.junction.config.ServerStatus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the backend pools need to know of each server address in one config snapshot. Pools are per address, while
 * the config lists an address once per hostgroup it serves, so this folds those entries into one: the first entry
 * (in config order) is the one connections are opened with and whose {@code max_connections} is the budget, and
 * the address's {@link Availability} comes from all of its entries (see there). Immutable.
 */
public final class BackendServers {
    /** Whether an address takes new backend connections, and what happens to the ones it has. */
    public enum Availability {
        /** Listed ONLINE in at least one hostgroup: pools work as usual (hostgroups that list it offline just do not route to it). */
        ONLINE,
        /** OFFLINE_SOFT wherever listed: no new borrows, idle connections closed, lent ones closed when given back. */
        OFFLINE_SOFT,
        /** OFFLINE_HARD in some entry and ONLINE in none: every connection is closed now, lent ones included. */
        OFFLINE_HARD,
        /** Not in the config any more: drains like {@link #OFFLINE_SOFT}. */
        REMOVED
    }

    public static final BackendServers NONE = new BackendServers(Map.of(), Map.of());

    private final Map<String, ServerConfig> connectAs;
    private final Map<String, Availability> availability;

    private BackendServers(Map<String, ServerConfig> connectAs, Map<String, Availability> availability) {
        this.connectAs = connectAs;
        this.availability = availability;
    }

    public static BackendServers of(JunctionConfig config) {
        Map<String, ServerConfig> first = new LinkedHashMap<>();
        Map<String, Availability> availability = new LinkedHashMap<>();
        for (ServerConfig server : config.servers()) {
            first.putIfAbsent(server.address(), server);
            availability.merge(server.address(), of(server.status()), BackendServers::milder);
        }
        return new BackendServers(Map.copyOf(first), Map.copyOf(availability));
    }

    /** Addresses in this config. */
    public Set<String> addresses() {
        return connectAs.keySet();
    }

    /** The entry connections to {@code address} are opened with; null if the address is not in this config. */
    public ServerConfig connectAs(String address) {
        return connectAs.get(address);
    }

    public Availability availability(String address) {
        return availability.getOrDefault(address, Availability.REMOVED);
    }

    /**
     * Whether connections to {@code address} opened under {@code before} must not be reused under this config:
     * the way they were made changed (TLS mode or CA file). Host and port are the address itself.
     */
    public boolean reconnects(String address, BackendServers before) {
        ServerConfig now = connectAs(address);
        ServerConfig then = before.connectAs(address);
        return now != null && then != null && (now.tls() != then.tls() || !Objects.equals(now.tlsCa(), then.tlsCa()));
    }

    private static Availability of(ServerStatus status) {
        return switch (status) {
            case ONLINE -> Availability.ONLINE;
            case OFFLINE_SOFT -> Availability.OFFLINE_SOFT;
            case OFFLINE_HARD -> Availability.OFFLINE_HARD;
        };
    }

    /** ONLINE anywhere wins; else OFFLINE_HARD anywhere; else OFFLINE_SOFT. */
    private static Availability milder(Availability a, Availability b) {
        if (a == Availability.ONLINE || b == Availability.ONLINE) {
            return Availability.ONLINE;
        }
        return a == Availability.OFFLINE_HARD || b == Availability.OFFLINE_HARD ? Availability.OFFLINE_HARD : Availability.OFFLINE_SOFT;
    }
}
