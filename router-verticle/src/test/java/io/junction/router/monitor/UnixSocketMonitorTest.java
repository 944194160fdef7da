package io.junction.router.monitor;

import io.junction.config.ServerConfig;
import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The monitor checks a server given as its Unix socket path (port 0) through that socket. */
@ExtendWith(MariaDbExtension.class)
class UnixSocketMonitorTest {

    @Test
    void aServerBehindItsSocketIsSeenUp(MariaDb db) {
        assumeTrue(db.unixSocket().isPresent(), "the server's socket is not reachable from this JVM (a container)");
        db.execute("CREATE USER IF NOT EXISTS 'monitor'@'%' IDENTIFIED BY 'mpw'",
                "GRANT REPLICATION CLIENT, SLAVE MONITOR ON *.* TO 'monitor'@'%'");
        ServerConfig overSocket = TestConfigs.server(db.unixSocket().orElseThrow().toString(), 0, 0);

        try (RunningMonitor monitor = RunningMonitor.start(TestConfigs.config(List.of(overSocket), List.of(), TestConfigs.FAST))) {
            HealthSnapshot seen = monitor.await("the socket server checked", s -> s.of(overSocket.address()).latencyMicros() > 0);
            assertThat(seen.of(overSocket.address()).shunned()).isFalse();
        }
    }
}
