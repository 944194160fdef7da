package io.junction.node;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Junction node in a JVM of its own ({@code Main run --config FILE} with this test's classpath), as operators
 * run them: the cluster tests start, stop and kill these. Output goes to a log file next to the config, which
 * {@link #log()} reads back for failure messages.
 */
final class NodeProcess implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> JVM_FLAGS = List.of("-Xmx256m", "-XX:+UseSerialGC",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.management/sun.management=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED");

    private final String name;
    private final Path config;
    private final Path logFile;
    private final int mysqlPort;
    private final int adminPort;
    private Process process;

    NodeProcess(String name, Path config, int mysqlPort, int adminPort) {
        this.name = name;
        this.config = config;
        this.logFile = config.resolveSibling(name + ".log");
        this.mysqlPort = mysqlPort;
        this.adminPort = adminPort;
    }

    /** Starts the JVM and returns once {@code /ready} answers 200; fails with the node's log otherwise. */
    NodeProcess start() throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "--config", config.toString()));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        awaitReady();
        return this;
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + log());
            }
            if (isReady()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException(name + " not ready after " + READY_TIMEOUT + ":\n" + log());
    }

    /** Whether {@code /ready} answers 200 now. */
    boolean isReady() {
        try {
            HttpResponse<String> ready = Http.get(adminPort, "/ready");
            return ready.statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    /** Stops the node as an operator would (SIGTERM, so the shutdown hook runs) and waits for it to exit. */
    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Kills the node (SIGKILL): nothing of it runs any more, as after a crash. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    int mysqlPort() {
        return mysqlPort;
    }

    int adminPort() {
        return adminPort;
    }

    String name() {
        return name;
    }

    /** What the node printed so far. */
    String log() {
        try {
            return Files.exists(logFile) ? Files.readString(logFile) : "(no log)";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    @Override
    public String toString() {
        return name;
    }
}
