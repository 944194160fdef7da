package io.junction.node;

import io.junction.fixture.FreePorts;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's HAProxy in TCP mode in front of Junction nodes, as users run it: round robin, and a node is taken out
 * of rotation as soon as its {@code /ready} stops answering 200 (checked every 200 ms) and put back after two good
 * checks. Runs in the foreground of a child process; {@link #close()} stops it.
 */
final class HaProxy implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/sbin/haproxy");

    private final Process process;
    private final int port;
    private final Path log;

    private HaProxy(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static HaProxy start(Path dir, List<NodeProcess> nodes) throws Exception {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " missing: bin/test installs it (bin/ensure-haproxy)");
        }
        int port = FreePorts.pick();
        StringBuilder config = new StringBuilder("""
                global
                  maxconn 2000
                defaults
                  mode tcp
                  timeout connect 2s
                  timeout client 120s
                  timeout server 120s
                  retries 2
                  option redispatch
                frontend mysql
                  bind 127.0.0.1:%d
                  default_backend junction
                backend junction
                  balance roundrobin
                  option httpchk GET /ready
                  http-check expect status 200
                  default-server inter 200ms fall 1 rise 2
                """.formatted(port));
        for (NodeProcess node : nodes) {
            config.append("  server ").append(node.name()).append(" 127.0.0.1:").append(node.mysqlPort())
                    .append(" check port ").append(node.adminPort()).append('\n');
        }
        Path file = dir.resolve("haproxy.cfg");
        Files.writeString(file, config);
        Path log = dir.resolve("haproxy.log");
        Process process = new ProcessBuilder(BINARY.toString(), "-db", "-f", file.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        HaProxy proxy = new HaProxy(process, port, log);
        proxy.awaitListening();
        return proxy;
    }

    private void awaitListening() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("haproxy exited: " + Files.readString(log));
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
        throw new IllegalStateException("haproxy not listening on " + port + ": " + Files.readString(log));
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
