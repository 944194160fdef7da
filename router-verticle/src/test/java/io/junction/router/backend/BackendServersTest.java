package io.junction.router.backend;

import io.junction.config.AdminConfig;
import io.junction.config.HostgroupConfig;
import io.junction.config.JunctionConfig;
import io.junction.config.LimitsConfig;
import io.junction.config.ListenerConfig;
import io.junction.config.ServerConfig;
import io.junction.config.ServerStatus;
import io.junction.config.ServerTls;
import io.junction.config.TimeoutsConfig;
import io.junction.router.backend.BackendServers.Availability;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How a server listed in several hostgroups folds into one address for the pools. */
class BackendServersTest {

    @Test
    void anAddressOnlineInAnyHostgroupKeepsItsPools() {
        BackendServers servers = BackendServers.of(config(entry(0, ServerStatus.OFFLINE_HARD, 10), entry(1, ServerStatus.ONLINE, 20)));
        assertThat(servers.availability("db:3306")).isEqualTo(Availability.ONLINE);
        assertThat(servers.connectAs("db:3306").maxConnections()).as("the first entry is the budget").isEqualTo(10);
    }

    @Test
    void offlineHardAnywhereBeatsOfflineSoftWhenNoEntryIsOnline() {
        assertThat(BackendServers.of(config(entry(0, ServerStatus.OFFLINE_SOFT, 10), entry(1, ServerStatus.OFFLINE_HARD, 10)))
                .availability("db:3306")).isEqualTo(Availability.OFFLINE_HARD);
        assertThat(BackendServers.of(config(entry(0, ServerStatus.OFFLINE_SOFT, 10))).availability("db:3306"))
                .isEqualTo(Availability.OFFLINE_SOFT);
    }

    @Test
    void anAddressNotListedIsRemoved() {
        BackendServers servers = BackendServers.of(config(entry(0, ServerStatus.ONLINE, 10)));
        assertThat(servers.availability("other:3306")).isEqualTo(Availability.REMOVED);
        assertThat(servers.connectAs("other:3306")).isNull();
    }

    @Test
    void connectionsAreRemadeOnlyWhenTheWayTheyAreMadeChanges() {
        BackendServers plain = BackendServers.of(config(entry(0, ServerStatus.ONLINE, 10)));
        BackendServers capped = BackendServers.of(config(entry(0, ServerStatus.ONLINE, 5)));
        BackendServers tls = BackendServers.of(config(entry(0, ServerStatus.ONLINE, 10).withTls(ServerTls.REQUIRED, null)));
        assertThat(capped.reconnects("db:3306", plain)).isFalse();
        assertThat(tls.reconnects("db:3306", plain)).isTrue();
        assertThat(BackendServers.NONE.reconnects("db:3306", plain)).as("removed: drained, not remade").isFalse();
    }

    private static ServerConfig entry(int hostgroup, ServerStatus status, int maxConnections) {
        return new ServerConfig("db", 3306, hostgroup, 1, maxConnections, status);
    }

    private static JunctionConfig config(ServerConfig... servers) {
        return new JunctionConfig(1, new ListenerConfig("127.0.0.1", 0, 1), new AdminConfig("127.0.0.1", 0, false),
                List.of(new HostgroupConfig(0, "a"), new HostgroupConfig(1, "b")), List.of(servers), List.of(),
                LimitsConfig.DEFAULT, TimeoutsConfig.DEFAULT);
    }
}
