package io.junction.router.routing;

import io.junction.config.HostgroupConfig;
import io.junction.config.JunctionConfig;
import io.junction.config.LimitsConfig;
import io.junction.config.ListenerConfig;
import io.junction.config.AdminConfig;
import io.junction.config.MonitorConfig;
import io.junction.config.ReplicationHostgroupConfig;
import io.junction.config.ServerConfig;
import io.junction.config.ServerStatus;
import io.junction.config.TimeoutsConfig;
import io.junction.router.monitor.HealthSnapshot;
import io.junction.router.monitor.ServerHealth;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HostgroupViewTest {
    static final ServerConfig PRIMARY = new ServerConfig("10.0.0.1", 3306, 0, 1, 10, ServerStatus.ONLINE, 0, 0);
    static final ServerConfig A = new ServerConfig("10.0.0.2", 3306, 1, 1, 10, ServerStatus.ONLINE, 5, 0);
    static final ServerConfig B = new ServerConfig("10.0.0.3", 3306, 1, 1, 10, ServerStatus.ONLINE, 5, 0);
    static final JunctionConfig CONFIG = new JunctionConfig(1, new ListenerConfig("127.0.0.1", 0, 1), new AdminConfig("127.0.0.1", 0, false),
            List.of(new HostgroupConfig(0, "writer"), new HostgroupConfig(1, "readers")), List.of(PRIMARY, A, B), List.of(),
            new LimitsConfig(10, 1 << 20, false, 1), new TimeoutsConfig(1000, 1000, 1000, 1000, 1000, 0), List.of(),
            List.of(new ReplicationHostgroupConfig(0, 1, false)), MonitorConfig.DEFAULT);

    static ServerHealth health(ServerConfig s, boolean shunned, Boolean readOnly, Integer lag) {
        return new ServerHealth(s.address(), shunned, readOnly, lag, 100);
    }

    @Test
    void readOnlyPlacesServersAndShunnedOrLaggingOnesGetNoWork() {
        HostgroupView view = HostgroupView.of(CONFIG, new HealthSnapshot(1, Map.of(
                PRIMARY.address(), health(PRIMARY, false, false, null),
                A.address(), health(A, false, true, 9),
                B.address(), health(B, false, true, 1))));
        assertThat(view.servers(0)).containsExactly(PRIMARY);
        assertThat(view.servers(1)).containsExactly(B);
        assertThat(view.writerFor(1)).isZero();

        HostgroupView promoted = HostgroupView.of(CONFIG, new HealthSnapshot(2, Map.of(
                PRIMARY.address(), health(PRIMARY, false, true, null),
                A.address(), health(A, false, false, null),
                B.address(), health(B, true, true, 0))));
        assertThat(promoted.servers(0)).containsExactly(A);
        assertThat(promoted.servers(1)).containsExactly(PRIMARY);
    }

    /** Regression: with the primary down, both replicas report no lag value (IO thread reconnecting): reads go on. */
    @Test
    void lagNeverEmptiesAHostgroup() {
        HostgroupView view = HostgroupView.of(CONFIG, new HealthSnapshot(1, Map.of(
                PRIMARY.address(), health(PRIMARY, true, null, null),
                A.address(), health(A, false, true, Integer.MAX_VALUE),
                B.address(), health(B, false, true, Integer.MAX_VALUE))));
        assertThat(view.servers(0)).isEmpty();
        assertThat(view.servers(1)).containsExactlyInAnyOrder(A, B);
    }
}
