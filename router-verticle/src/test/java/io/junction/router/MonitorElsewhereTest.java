package io.junction.router;

import io.junction.config.MonitorConfig;
import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import io.junction.router.monitor.HealthSnapshot;
import io.junction.router.monitor.ServerHealth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A node whose monitor runs elsewhere (in a cluster, on the leader): it checks nothing, shows what it is handed,
 * and when it becomes the one that monitors, its monitor starts from what it was shown.
 */
@ExtendWith(MariaDbExtension.class)
class MonitorElsewhereTest {
    /** Recovery takes far longer than the test: a shunned server stays shunned while the monitor runs. */
    private static final MonitorConfig SLOW_RECOVERY = new MonitorConfig(true, "monitor", "mpw", 50, 50, 50, 500, 2, 1_000);
    static MariaDb db;
    static String address;

    @BeforeAll
    static void start(MariaDb server) {
        db = server;
        address = db.host() + ":" + db.port();
        TestJunction.prepare(db);
        db.execute("CREATE USER IF NOT EXISTS 'monitor'@'%' IDENTIFIED BY 'mpw'",
                "GRANT REPLICATION CLIENT, SLAVE MONITOR ON *.* TO 'monitor'@'%'");
    }

    @Test
    void aNodeThatTakesOverMonitoringStartsFromWhatItWasShown() throws Exception {
        try (TestJunction junction = TestJunction.start(db, c -> RuntimeUsersAndRulesTest.withMonitor(c, 1, SLOW_RECOVERY))) {
            RouterDeployment node = junction.deployment();
            Poll.until("the node's own monitor connected", () -> monitorConnections() == 1);

            Poll.await(node.monitorLocally(false));
            Poll.until("its monitor connection closed", () -> monitorConnections() == 0);
            HealthSnapshot shunned = new HealthSnapshot(7, Map.of(address, new ServerHealth(address, true, null, null, 0)));
            node.observe(shunned);
            assertThat(junction.limits().health().current()).isSameAs(shunned);

            Poll.await(node.monitorLocally(true));
            Poll.until("the monitor measured the server", () -> junction.limits().health().current().of(address).latencyMicros() > 0);
            assertThat(junction.limits().health().current().of(address).shunned()).isTrue();
            assertThat(monitorConnections()).isEqualTo(1);
            assertThatThrownBy(() -> node.observe(shunned)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aConfigChangeLeavesTheBoardToTheNodeThatMonitors() throws Exception {
        try (TestJunction junction = TestJunction.start(db, c -> RuntimeUsersAndRulesTest.withMonitor(c, 1, SLOW_RECOVERY))) {
            RouterDeployment node = junction.deployment();
            Poll.await(node.monitorLocally(false));
            HealthSnapshot shunned = new HealthSnapshot(7, Map.of(address, new ServerHealth(address, true, null, null, 0)));
            node.observe(shunned);

            Poll.await(node.apply(RuntimeUsersAndRulesTest.withMonitor(junction.config(), 2, MonitorConfig.DEFAULT)));

            assertThat(junction.limits().health().current()).as("not cleared as a stopped local monitor's would be")
                    .isSameAs(shunned);
        }
    }

    private static int monitorConnections() {
        return Integer.parseInt(db.queryString("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = 'monitor'"));
    }
}
