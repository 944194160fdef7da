package io.junction.router.monitor;

import io.junction.config.MonitorConfig;
import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A monitor restarted for a new config starts from what the board shows: a server shunned before the restart is
 * still shunned until it recovers by the policy, not healthy because the new monitor has not seen it fail yet.
 */
@ExtendWith(MariaDbExtension.class)
class RestartedMonitorTest {
    static MariaDb db;
    static String address;

    @BeforeAll
    static void start(MariaDb server) {
        db = server;
        address = db.host() + ":" + db.port();
        db.execute("CREATE USER IF NOT EXISTS 'monitor'@'%' IDENTIFIED BY 'mpw'",
                "GRANT REPLICATION CLIENT, SLAVE MONITOR ON *.* TO 'monitor'@'%'");
    }

    @Test
    void aServerShunnedBeforeTheRestartStaysShunnedUntilEnoughChecksSucceed() {
        MonitorConfig slowRecovery = new MonitorConfig(true, "monitor", "mpw", 50, 50, 50, 500, 2, 1_000);
        try (RunningMonitor monitor = RunningMonitor.start(config(slowRecovery), shunned())) {
            HealthSnapshot measured = monitor.await("a latency measured", s -> s.of(address).latencyMicros() > 0);
            assertThat(measured.of(address).shunned()).isTrue();
        }
    }

    @Test
    void itRecoversByThePolicy() {
        MonitorConfig quickRecovery = new MonitorConfig(true, "monitor", "mpw", 50, 50, 50, 500, 2, 2);
        try (RunningMonitor monitor = RunningMonitor.start(config(quickRecovery), shunned())) {
            monitor.await("recovered after two successful checks", s -> !s.of(address).shunned());
        }
    }

    private static HealthSnapshot shunned() {
        return new HealthSnapshot(7, Map.of(address, new ServerHealth(address, true, null, null, 0)));
    }

    private static io.junction.config.JunctionConfig config(MonitorConfig monitor) {
        return TestConfigs.config(List.of(TestConfigs.server(db.host(), db.port(), 0)), List.of(), monitor);
    }
}
