package io.junction.config;

import java.util.List;
import java.util.Optional;

/**
 * One immutable snapshot of a node's configuration. Every component receives the small record it needs
 * (a {@link ListenerConfig}, a {@link UserConfig}, ...), never the whole snapshot unless it routes.
 *
 * @param version increases with every committed change; 1 for a config read from a file that gives none
 */
public record JunctionConfig(
        long version,
        ListenerConfig listener,
        AdminConfig admin,
        List<HostgroupConfig> hostgroups,
        List<ServerConfig> servers,
        List<UserConfig> users,
        LimitsConfig limits,
        TimeoutsConfig timeouts,
        List<QueryRuleConfig> queryRules,
        List<ReplicationHostgroupConfig> replicationHostgroups,
        MonitorConfig monitor) {

    public JunctionConfig {
        hostgroups = List.copyOf(hostgroups);
        servers = List.copyOf(servers);
        users = List.copyOf(users);
        queryRules = List.copyOf(queryRules);
        replicationHostgroups = List.copyOf(replicationHostgroups);
    }

    /** A config without query rules or replication hostgroups, with the default monitor settings. */
    public JunctionConfig(long version, ListenerConfig listener, AdminConfig admin, List<HostgroupConfig> hostgroups,
                          List<ServerConfig> servers, List<UserConfig> users, LimitsConfig limits, TimeoutsConfig timeouts) {
        this(version, listener, admin, hostgroups, servers, users, limits, timeouts, List.of(), List.of(), MonitorConfig.DEFAULT);
    }

    public Optional<UserConfig> user(String name) {
        return users.stream().filter(u -> u.name().equals(name)).findFirst();
    }

    public List<ServerConfig> serversIn(int hostgroup) {
        return servers.stream().filter(s -> s.hostgroup() == hostgroup).toList();
    }
}
