package io.junction.config;

import java.util.List;

/** The config of {@code example.yaml}, written out by hand, and small ways to change one part of it. */
final class TestConfigs {
    static final HostgroupConfig WRITER = new HostgroupConfig(0, "writer");
    static final HostgroupConfig READERS = new HostgroupConfig(1, "readers");
    static final ServerConfig SERVER = new ServerConfig("127.0.0.1", 3306, 0, 1, 100, ServerStatus.ONLINE);
    static final UserConfig APP = new UserConfig("app", "secret", null, 0, "app", 1000, true);
    static final ListenerConfig LISTENER = new ListenerConfig("0.0.0.0", 6033, 0);
    static final AdminConfig ADMIN = new AdminConfig("127.0.0.1", 6080, true);
    static final LimitsConfig LIMITS = new LimitsConfig(10000, 67108864, false, 1);
    static final TimeoutsConfig TIMEOUTS = new TimeoutsConfig(10000, 5000, 10000, 60000, 3600000, 0);

    static final JunctionConfig EXAMPLE = new JunctionConfig(1, LISTENER, ADMIN, List.of(WRITER, READERS),
            List.of(SERVER), List.of(APP), LIMITS, TIMEOUTS);

    private TestConfigs() {
    }

    static JunctionConfig withVersion(long version) {
        JunctionConfig c = EXAMPLE;
        return new JunctionConfig(version, c.listener(), c.admin(), c.hostgroups(), c.servers(), c.users(), c.limits(),
                c.timeouts());
    }

    static JunctionConfig withListener(ListenerConfig listener) {
        JunctionConfig c = EXAMPLE;
        return new JunctionConfig(c.version(), listener, c.admin(), c.hostgroups(), c.servers(), c.users(), c.limits(),
                c.timeouts());
    }

    static JunctionConfig withAdmin(AdminConfig admin) {
        JunctionConfig c = EXAMPLE;
        return new JunctionConfig(c.version(), c.listener(), admin, c.hostgroups(), c.servers(), c.users(), c.limits(),
                c.timeouts());
    }

    static JunctionConfig withHostgroups(HostgroupConfig... hostgroups) {
        JunctionConfig c = EXAMPLE;
        return new JunctionConfig(c.version(), c.listener(), c.admin(), List.of(hostgroups), c.servers(), c.users(),
                c.limits(), c.timeouts());
    }

    static JunctionConfig withServers(ServerConfig... servers) {
        JunctionConfig c = EXAMPLE;
        return new JunctionConfig(c.version(), c.listener(), c.admin(), c.hostgroups(), List.of(servers), c.users(),
                c.limits(), c.timeouts());
    }

    static JunctionConfig withUsers(UserConfig... users) {
        JunctionConfig c = EXAMPLE;
        return new JunctionConfig(c.version(), c.listener(), c.admin(), c.hostgroups(), c.servers(), List.of(users),
                c.limits(), c.timeouts());
    }

    static JunctionConfig withLimits(LimitsConfig limits) {
        JunctionConfig c = EXAMPLE;
        return new JunctionConfig(c.version(), c.listener(), c.admin(), c.hostgroups(), c.servers(), c.users(), limits,
                c.timeouts());
    }

    static JunctionConfig withTimeouts(TimeoutsConfig timeouts) {
        JunctionConfig c = EXAMPLE;
        return new JunctionConfig(c.version(), c.listener(), c.admin(), c.hostgroups(), c.servers(), c.users(),
                c.limits(), timeouts);
    }

    static JunctionConfig withRouting(List<QueryRuleConfig> rules, List<ReplicationHostgroupConfig> pairs) {
        JunctionConfig c = EXAMPLE;
        return new JunctionConfig(c.version(), c.listener(), c.admin(), c.hostgroups(), c.servers(), c.users(),
                c.limits(), c.timeouts(), rules, pairs, c.monitor());
    }

    static JunctionConfig withQueryRules(QueryRuleConfig... rules) {
        return withRouting(List.of(rules), EXAMPLE.replicationHostgroups());
    }

    static JunctionConfig withReplicationHostgroups(ReplicationHostgroupConfig... pairs) {
        return withRouting(EXAMPLE.queryRules(), List.of(pairs));
    }

    static JunctionConfig withMonitor(MonitorConfig monitor) {
        JunctionConfig c = EXAMPLE;
        return new JunctionConfig(c.version(), c.listener(), c.admin(), c.hostgroups(), c.servers(), c.users(),
                c.limits(), c.timeouts(), c.queryRules(), c.replicationHostgroups(), monitor);
    }

    /** An active rule without match keys or actions; the builder changes what a test needs. */
    static RuleBuilder rule(int id) {
        return new RuleBuilder(id);
    }

    /** A valid user apart from whatever the test changes. */
    static UserConfig user(String name, String password, String passwordHash) {
        return new UserConfig(name, password, passwordHash, 0, null, 10000, true);
    }
}
