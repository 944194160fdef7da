package io.junction.config.store;

import io.junction.config.HostgroupConfig;
import io.junction.config.JunctionConfig;
import io.junction.config.QueryRuleConfig;
import io.junction.config.ReplicationHostgroupConfig;
import io.junction.config.UserConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A change-level check the whole-config validator cannot make: a change may not leave a hostgroup that something
 * routes to (a user's {@code default_hostgroup}, an active query rule's {@code destination_hostgroup}, either
 * hostgroup of a replication pair) with no server to serve it. A hostgroup of a replication pair is served by the
 * servers of both its hostgroups, since the monitor places each server by its {@code read_only}. Only what the change
 * makes worse is refused: a config that already routed to an empty hostgroup can still be changed in other ways.
 */
final class RouteCoverage {
    private static final int MAX_NAMED = 5;

    private RouteCoverage() {
    }

    /** One problem per hostgroup that {@code after} leaves without servers for a route {@code before} could serve. */
    static List<String> lost(JunctionConfig before, JunctionConfig after) {
        Set<Route> already = new LinkedHashSet<>(uncovered(before));
        Map<Integer, List<String>> byHostgroup = new LinkedHashMap<>();
        for (Route route : uncovered(after)) {
            if (!already.contains(route)) {
                byHostgroup.computeIfAbsent(route.hostgroup(), h -> new ArrayList<>()).add(route.from());
            }
        }
        List<String> problems = new ArrayList<>();
        byHostgroup.forEach((id, from) -> problems.add("servers: hostgroup " + id + " (" + nameOf(after, id)
                + ") would have no servers, but " + named(from)
                + (from.size() == 1 ? " routes" : " route") + " to it"));
        return problems;
    }

    /** Routes to declared hostgroups that no server serves; routes to unknown hostgroups are the validator's. */
    private static List<Route> uncovered(JunctionConfig config) {
        List<Route> routes = new ArrayList<>();
        for (UserConfig user : config.users()) {
            route(config, user.defaultHostgroup(), "user \"" + user.name() + "\"", routes);
        }
        for (QueryRuleConfig rule : config.queryRules()) {
            if (rule.active() && rule.destinationHostgroup() != null) {
                route(config, rule.destinationHostgroup(), "query rule " + rule.id(), routes);
            }
        }
        for (ReplicationHostgroupConfig pair : config.replicationHostgroups()) {
            String name = "replication pair " + pair.writerHostgroup() + "/" + pair.readerHostgroup();
            route(config, pair.writerHostgroup(), name, routes);
            route(config, pair.readerHostgroup(), name, routes);
        }
        return routes;
    }

    private static void route(JunctionConfig config, int hostgroupId, String from, List<Route> routes) {
        boolean declared = config.hostgroups().stream().anyMatch(h -> h.id() == hostgroupId);
        if (declared && !served(config, hostgroupId)) {
            routes.add(new Route(hostgroupId, from));
        }
    }

    private static String nameOf(JunctionConfig config, int hostgroupId) {
        return config.hostgroups().stream().filter(h -> h.id() == hostgroupId).map(HostgroupConfig::name)
                .findFirst().orElseThrow();
    }

    private static boolean served(JunctionConfig config, int hostgroupId) {
        if (!config.serversIn(hostgroupId).isEmpty()) {
            return true;
        }
        return config.replicationHostgroups().stream()
                .filter(p -> p.writerHostgroup() == hostgroupId || p.readerHostgroup() == hostgroupId)
                .anyMatch(p -> !config.serversIn(p.writerHostgroup()).isEmpty()
                        || !config.serversIn(p.readerHostgroup()).isEmpty());
    }

    private static String named(List<String> from) {
        if (from.size() <= MAX_NAMED) {
            return String.join(", ", from);
        }
        return String.join(", ", from.subList(0, MAX_NAMED)) + " and " + (from.size() - MAX_NAMED) + " more";
    }

    private record Route(int hostgroup, String from) {
    }
}
