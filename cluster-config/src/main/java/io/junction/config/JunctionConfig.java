package io.junction.config;

import java.util.List;
import java.util.Optional;

/**
 * One immutable snapshot of a node's configuration. Every component receives the small record it needs
 * (a {@link ListenerConfig}, a {@link UserConfig}, ...), never the whole snapshot unless it routes.
 *
 * @param version increases with every committed change; 1 for a config read from a file that gives none
 * @param tls TLS toward clients and the RSA key of caching_sha2_password (backend TLS is per server)
 * @param cluster how this node joins a cluster (node-local, like listener, admin and tls)
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
        MonitorConfig monitor,
        TlsConfig tls,
        ClusterConfig cluster) {

    public JunctionConfig {
        hostgroups = List.copyOf(hostgroups);
        servers = List.copyOf(servers);
        users = List.copyOf(users);
        queryRules = List.copyOf(queryRules);
        replicationHostgroups = List.copyOf(replicationHostgroups);
    }

    /** A config of a node that runs alone ({@link ClusterConfig#DEFAULT}). */
    public JunctionConfig(long version, ListenerConfig listener, AdminConfig admin, List<HostgroupConfig> hostgroups,
                          List<ServerConfig> servers, List<UserConfig> users, LimitsConfig limits, TimeoutsConfig timeouts,
                          List<QueryRuleConfig> queryRules, List<ReplicationHostgroupConfig> replicationHostgroups,
                          MonitorConfig monitor, TlsConfig tls) {
        this(version, listener, admin, hostgroups, servers, users, limits, timeouts, queryRules, replicationHostgroups,
                monitor, tls, ClusterConfig.DEFAULT);
    }

    /** A config without TLS toward clients ({@link TlsConfig#DEFAULT}). */
    public JunctionConfig(long version, ListenerConfig listener, AdminConfig admin, List<HostgroupConfig> hostgroups,
                          List<ServerConfig> servers, List<UserConfig> users, LimitsConfig limits, TimeoutsConfig timeouts,
                          List<QueryRuleConfig> queryRules, List<ReplicationHostgroupConfig> replicationHostgroups,
                          MonitorConfig monitor) {
        this(version, listener, admin, hostgroups, servers, users, limits, timeouts, queryRules, replicationHostgroups,
                monitor, TlsConfig.DEFAULT);
    }

    /** A config without query rules or replication hostgroups, with the default monitor settings and no TLS. */
    public JunctionConfig(long version, ListenerConfig listener, AdminConfig admin, List<HostgroupConfig> hostgroups,
                          List<ServerConfig> servers, List<UserConfig> users, LimitsConfig limits, TimeoutsConfig timeouts) {
        this(version, listener, admin, hostgroups, servers, users, limits, timeouts, List.of(), List.of(), MonitorConfig.DEFAULT);
    }

    /** This config with another TLS section. */
    public JunctionConfig withTls(TlsConfig newTls) {
        return new JunctionConfig(version, listener, admin, hostgroups, servers, users, limits, timeouts, queryRules,
                replicationHostgroups, monitor, newTls, cluster);
    }

    /** This config with other users. */
    public JunctionConfig withUsers(List<UserConfig> newUsers) {
        return new JunctionConfig(version, listener, admin, hostgroups, servers, newUsers, limits, timeouts, queryRules,
                replicationHostgroups, monitor, tls, cluster);
    }

    /** This config with other servers. */
    public JunctionConfig withServers(List<ServerConfig> newServers) {
        return new JunctionConfig(version, listener, admin, hostgroups, newServers, users, limits, timeouts, queryRules,
                replicationHostgroups, monitor, tls, cluster);
    }

    /** This config with another cluster section. */
    public JunctionConfig withCluster(ClusterConfig newCluster) {
        return new JunctionConfig(version, listener, admin, hostgroups, servers, users, limits, timeouts, queryRules,
                replicationHostgroups, monitor, tls, newCluster);
    }

    /** This config with another admin section. */
    public JunctionConfig withAdmin(AdminConfig newAdmin) {
        return new JunctionConfig(version, listener, newAdmin, hostgroups, servers, users, limits, timeouts, queryRules,
                replicationHostgroups, monitor, tls, cluster);
    }

    /** This config with another listener section. */
    public JunctionConfig withListener(ListenerConfig newListener) {
        return new JunctionConfig(version, newListener, admin, hostgroups, servers, users, limits, timeouts, queryRules,
                replicationHostgroups, monitor, tls, cluster);
    }

    /** This config with another version number. */
    public JunctionConfig withVersion(long newVersion) {
        return new JunctionConfig(newVersion, listener, admin, hostgroups, servers, users, limits, timeouts, queryRules,
                replicationHostgroups, monitor, tls, cluster);
    }

    public Optional<UserConfig> user(String name) {
        return users.stream().filter(u -> u.name().equals(name)).findFirst();
    }

    public List<ServerConfig> serversIn(int hostgroup) {
        return servers.stream().filter(s -> s.hostgroup() == hostgroup).toList();
    }
}
