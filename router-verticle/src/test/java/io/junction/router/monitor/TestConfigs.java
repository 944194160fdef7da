package io.junction.router.monitor;

import io.junction.config.AdminConfig;
import io.junction.config.HostgroupConfig;
import io.junction.config.JunctionConfig;
import io.junction.config.LimitsConfig;
import io.junction.config.ListenerConfig;
import io.junction.config.MonitorConfig;
import io.junction.config.ReplicationHostgroupConfig;
import io.junction.config.ServerConfig;
import io.junction.config.ServerStatus;
import io.junction.config.TimeoutsConfig;

import java.util.List;

/** Configs for monitor tests: only servers, replication pairs and the monitor settings matter. */
final class TestConfigs {
    /** Checks every 100 ms, 500 ms timeout, shun after 2 failures, recover after 2 successes. */
    static final MonitorConfig FAST = new MonitorConfig(true, "monitor", "mpw", 100, 100, 100, 500, 2, 2);

    private TestConfigs() {
    }

    static JunctionConfig config(List<ServerConfig> servers, List<ReplicationHostgroupConfig> pairs, MonitorConfig monitor) {
        List<HostgroupConfig> hostgroups = servers.stream().map(ServerConfig::hostgroup).distinct()
                .map(h -> new HostgroupConfig(h, "hg" + h)).toList();
        return new JunctionConfig(1,
                new ListenerConfig("127.0.0.1", 0, 1),
                new AdminConfig("127.0.0.1", 0, false),
                hostgroups, servers, List.of(),
                new LimitsConfig(10_000, 64 * 1024 * 1024, false, 1),
                new TimeoutsConfig(5_000, 3_000, 5_000, 60_000, 3_600_000, 0),
                List.of(), pairs, monitor);
    }

    /** A server with a 30 s lag limit, so that its replication lag is checked. */
    static ServerConfig server(String host, int port, int hostgroup) {
        return new ServerConfig(host, port, hostgroup, 1, 10, ServerStatus.ONLINE, 30, 0);
    }
}
