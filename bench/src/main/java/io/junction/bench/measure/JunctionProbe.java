package io.junction.bench.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Measures the Junction node's process from outside: resident memory and CPU time from {@code /proc}, full GCs through
 * {@code jcmd}, heap use and connection gauges from its {@code /metrics}.
 */
public final class JunctionProbe {
    private final long pid;
    private final Metrics metrics;
    /** The kernel's USER_HZ, asked for on the first {@link #cpu()} (most benchmarks never read CPU time); 0 until then. */
    private long ticksPerSecond;

    public JunctionProbe(long pid, Metrics metrics) {
        this.pid = pid;
        this.metrics = metrics;
    }

    public Metrics metrics() {
        return metrics;
    }

    /** VmRSS of the process, in bytes. */
    public long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading /proc/" + pid + "/status failed (is Junction still running?)", e);
        }
        throw new IllegalStateException("/proc/" + pid + "/status has no VmRSS line");
    }

    /** The CPU time the node has used so far. */
    public ProcessCpu cpu() {
        if (ticksPerSecond == 0) {
            ticksPerSecond = ProcessCpu.ticksPerSecond();
        }
        return ProcessCpu.of(pid, ticksPerSecond);
    }

    /** Heap in use right now (garbage included), summed over the heap pools, in bytes. */
    public long heapUsedBytes() {
        double used = metrics.sum("jvm_memory_used_bytes", "area=\"heap\"");
        if (Double.isNaN(used)) {
            throw new IllegalStateException("Junction's /metrics has no jvm_memory_used_bytes{area=\"heap\"}");
        }
        return (long) used;
    }

    /** Heap the JVM has committed (taken from the OS for its heap), summed over the heap pools, in bytes. */
    public long heapCommittedBytes() {
        double committed = metrics.sum("jvm_memory_committed_bytes", "area=\"heap\"");
        if (Double.isNaN(committed)) {
            throw new IllegalStateException("Junction's /metrics has no jvm_memory_committed_bytes{area=\"heap\"}");
        }
        return (long) committed;
    }

    /** Runs two full GCs in the node ({@code jcmd PID GC.run}), then reads the heap in use: the live heap. */
    public long heapAfterGcBytes() {
        for (int i = 0; i < 2; i++) {
            List<String> command = List.of("jcmd", Long.toString(pid), "GC.run");
            Commands.run(command, Duration.ofSeconds(60)).orThrow(command);
        }
        return heapUsedBytes();
    }

    /** Sum of the {@code junction_client_connections} gauge. */
    public long clientConnections() {
        return (long) metrics.sum("junction_client_connections", null);
    }

    /** Sum of {@code junction_backend_connections} over all servers. */
    public long backendConnections() {
        return (long) metrics.sum("junction_backend_connections", null);
    }
}
