package io.junction.router.monitor;

import io.junction.config.JunctionConfig;
import io.junction.config.ReplicationHostgroupConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Servers that refuse or never answer: shunned, and no check waits longer than the check timeout. */
class UnreachableServerTest {
    static final long TIMEOUT_MS = TestConfigs.FAST.checkTimeoutMs();

    /** One server, checked for lag and read_only too, so that every kind of check meets the dead end. */
    static JunctionConfig config(int port) {
        return TestConfigs.config(List.of(TestConfigs.server("127.0.0.1", port, 0)),
                List.of(new ReplicationHostgroupConfig(0, 1, false)), TestConfigs.FAST);
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aServerAtAClosedPortIsShunned() throws IOException {
        int port = closedPort();
        long started = System.nanoTime();
        try (RunningMonitor monitor = RunningMonitor.start(config(port))) {
            monitor.await("shunned", Duration.ofSeconds(5), s -> s.of("127.0.0.1:" + port).shunned());
        }
        assertThat((System.nanoTime() - started) / 1_000_000).as("two refused connects").isLessThan(TIMEOUT_MS * 2 + 1_000);
    }

    /** A listening socket nobody accepts from: TCP connects, the MySQL handshake never comes. */
    @Test
    void aServerThatNeverAnswersIsShunnedWithinTheCheckTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String address = "127.0.0.1:" + silent.getLocalPort();
            long started = System.nanoTime();
            try (RunningMonitor monitor = RunningMonitor.start(config(silent.getLocalPort()))) {
                monitor.await("shunned", Duration.ofSeconds(5), s -> s.of(address).shunned());
                long shunnedAfterMs = (System.nanoTime() - started) / 1_000_000;
                // the first check times out; the second fails at once, as the first connect is still pending
                assertThat(shunnedAfterMs).isGreaterThanOrEqualTo(TIMEOUT_MS).isLessThan(TIMEOUT_MS * 2 + 1_000);
            }
        }
    }
}
