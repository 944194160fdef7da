package io.junction.bench;

import io.junction.bench.measure.JunctionProbe;
import io.junction.bench.measure.Percentiles;
import io.junction.bench.result.Result;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Idle connections: N clients log in through Junction and stay idle, held by {@link IdleWorker} processes (at most
 * {@code --per-worker} each, for the 20,000 file descriptors a process may have here) and spread over source
 * addresses 127.0.0.1, 127.0.0.2, ... (ephemeral ports run out near 28,000 per address pair). Reports the time to
 * open them all, Junction's heap after a full GC and RSS per connection (after minus before, divided by N), and the
 * latency of point selects run one at a time on a sample of the open connections. The sample is measured after a
 * warm-up of the same queries, run for a set time rather than a set count: the node and the load generators compile
 * their query paths during the first tens of thousands of statements, and 500 uncounted queries left the compilers
 * busy on both cores while the sample ran, which put the p99 at 5-8 ms where a warm node gives under 1 ms.
 *
 * <p>Options: {@code --connections} (18,000; quick 500), {@code --per-worker} (9,000), {@code --per-address}
 * (20,000), {@code --sample-connections} (100), {@code --sample-queries} (1,000), {@code --sample-warmup-seconds}
 * (10; quick 1), {@code --warm-connections} (2,000; quick 100; 0 for none), {@code --run-dir} for worker logs.
 */
public final class IdleBench {
    private static final double MIB = 1024.0 * 1024.0;
    private static final int SIZING = 100_000;
    private static final Duration CLOSE_LIMIT = Duration.ofSeconds(60);
    private static final Duration CLOSE_POLL = Duration.ofMillis(100);

    private IdleBench() {
    }

    public static void main(String[] args) {
        Harness.run(args, "idle", "Idle client connections", IdleBench::run);
    }

    static void run(BenchArgs args, Result result) throws InterruptedException {
        BenchEnv env = args.env();
        int n = args.intOption("connections", 18_000, 500);
        int perWorker = args.intOption("per-worker", 9_000, 9_000);
        int perAddress = args.intOption("per-address", 20_000, 20_000);
        int warmConnections = args.intOption("warm-connections", 2_000, 100);
        int sampleConnections = args.intOption("sample-connections", 100, 100);
        int sampleQueries = args.intOption("sample-queries", 1_000, 1_000);
        Duration sampleWarmup = Duration.ofSeconds(args.intOption("sample-warmup-seconds", 10, 1));
        int workers = (n + perWorker - 1) / perWorker;
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < Math.max(1, (n + perAddress - 1) / perAddress); i++) {
            addresses.add("127.0.0." + (1 + i));
        }
        result.parameter("connections", n).parameter("load-generator processes", workers)
                .parameter("warm-up before the baseline (not counted)", warmConnections + " connections opened and closed")
                .parameter("source addresses", addresses.get(0) + ".." + addresses.get(addresses.size() - 1))
                .parameter("sample", sampleQueries + " point selects on " + sampleConnections
                        + " of the open connections, one at a time in each load-generator process, after "
                        + sampleWarmup.toSeconds() + " s of the same not counted");

        JunctionProbe probe = env.probe();
        List<WorkerProcess> processes = new ArrayList<>();
        try {
            int offset = 0;
            for (int w = 0; w < workers; w++) {
                int count = n / workers + (w < n % workers ? 1 : 0);
                processes.add(WorkerProcess.start("idle-worker-" + w, "512m", IdleWorker.class, List.of(
                        "--port", Integer.toString(env.junctionPort()), "--user", env.user(), "--password", env.password(),
                        "--schema", env.schema(), "--count", Integer.toString(count), "--offset", Integer.toString(offset),
                        "--addresses", String.join(",", addresses)),
                        Path.of(args.option("run-dir", "bench/target/run"), "idle-worker-" + w + ".log")));
                offset += count;
            }
            for (WorkerProcess process : processes) {
                process.expect("READY", Duration.ofSeconds(60));
            }
            warmUp(probe, processes, warmConnections, result);
            measure(probe, processes, n, new Sample(sampleConnections, sampleQueries, sampleWarmup), result);
            for (WorkerProcess process : processes) {
                process.send("CLOSE");
                process.expect("CLOSED", Duration.ofSeconds(60));
            }
        } finally {
            for (WorkerProcess process : processes) {
                process.close();
            }
        }
    }

    /** The sample of point selects: {@code queries} in all on {@code connections}, after {@code warmup} of them. */
    private record Sample(int connections, int queries, Duration warmup) {
    }

    /**
     * Opens and closes {@code count} connections, then waits until the node has let them all go. The node's first
     * logins pay once for what every later one reuses (JIT-compiled code and the memory the compilers keep, buffer
     * pools, the heap G1 sizes for the load): without this, a fresh node charged about 3 KB more RSS to each idle
     * connection (10.2 against 7.2 KB, 15,000 connections).
     */
    private static void warmUp(JunctionProbe probe, List<WorkerProcess> processes, int count, Result result)
            throws InterruptedException {
        if (count == 0) {
            return;
        }
        long clientsBefore = probe.clientConnections();
        int workers = processes.size();
        processes.forEach(p -> p.send("WARM " + Math.max(1, count / workers)));
        for (WorkerProcess process : processes) {
            String[] words = process.expect("WARMED", Duration.ofMinutes(12)).split(" ", 4);
            result.errors(Long.parseLong(words[2]), "warming up: " + words[3]);
        }
        long deadline = System.nanoTime() + CLOSE_LIMIT.toNanos();
        while (probe.clientConnections() > clientsBefore) {
            if (System.nanoTime() > deadline) {
                result.errors(probe.clientConnections() - clientsBefore,
                        "Junction still counts the warm-up's connections " + CLOSE_LIMIT.toSeconds() + " s after they closed");
                return;
            }
            Thread.sleep(CLOSE_POLL.toMillis());
        }
    }

    private static void measure(JunctionProbe probe, List<WorkerProcess> processes, int n, Sample sample, Result result)
            throws InterruptedException {
        long clientsBefore = probe.clientConnections();
        long heapBefore = probe.heapAfterGcBytes();
        long committedBefore = probe.heapCommittedBytes();
        long rssBefore = probe.rssBytes();

        long start = System.nanoTime();
        processes.forEach(p -> p.send("OPEN"));
        long opened = 0;
        for (WorkerProcess process : processes) {
            String[] words = process.expect("OPENED", Duration.ofMinutes(12)).split(" ", 4);
            opened += Long.parseLong(words[1]);
            result.errors(Long.parseLong(words[2]), "opening: " + words[3]);
        }
        double openSeconds = (System.nanoTime() - start) / 1e9;
        long clientsOpen = probe.clientConnections() - clientsBefore;
        if (clientsOpen < opened) {
            result.errors(opened - clientsOpen, "Junction counts " + clientsOpen + " new client connections, " + opened + " were opened");
        }
        long heapAfter = probe.heapAfterGcBytes();
        long committedAfter = probe.heapCommittedBytes();
        long rssAfter = probe.rssBytes();
        Percentiles.Summary latency = sample(processes, sample, result);

        double heapPer = (heapAfter - heapBefore) / (double) Math.max(1, opened);
        double rssPer = (rssAfter - rssBefore) / (double) Math.max(1, opened);
        double outsideHeapPer = (rssAfter - rssBefore - (committedAfter - committedBefore)) / (double) Math.max(1, opened);
        result.measure("connections opened and logged in", opened, "")
                .measure("time to open them all", openSeconds, "s")
                .measure("logins per second while opening", opened / openSeconds, "conn/s")
                .measure("Junction heap after full GC, before", heapBefore / MIB, "MiB")
                .measure("Junction heap after full GC, with all open", heapAfter / MIB, "MiB")
                .measure("heap per idle connection", heapPer, "bytes")
                .measure("Junction RSS, before", rssBefore / MIB, "MiB")
                .measure("Junction RSS, with all open", rssAfter / MIB, "MiB")
                .measure("RSS per idle connection", rssPer, "bytes")
                .measure("Junction heap committed, before", committedBefore / MIB, "MiB")
                .measure("Junction heap committed, with all open", committedAfter / MIB, "MiB")
                .measure("RSS per idle connection outside the heap (RSS growth minus committed heap growth)", outsideHeapPer, "bytes")
                .measure("sample point select p50", latency.p50Ms(), "ms")
                .measure("sample point select p99", latency.p99Ms(), "ms")
                .measure("sample point select max", latency.maxMs(), "ms")
                .measure("100,000 idle connections, heap (extrapolated)", heapPer * SIZING / MIB, "MiB")
                .measure("100,000 idle connections, RSS (extrapolated)", rssPer * SIZING / MIB, "MiB");
        result.target("Idle client connection cost <= 4 KB of heap after GC", String.format("%.0f bytes per connection at %,d", heapPer, opened),
                heapPer <= 4096);
        String sizing = String.format("p99 %.2f ms with %,d open; 100,000 extrapolated: %.0f MiB heap", latency.p99Ms(), opened,
                heapPer * SIZING / MIB);
        result.target("100,000 idle clients on one node, sample queries p99 < 10 ms", sizing,
                opened >= SIZING ? latency.p99Ms() < 10 : null);
        if (opened < SIZING) {
            result.note(String.format("The 100,000-connection figures are arithmetic from the cost measured at %,d connections "
                    + "(per-connection heap and RSS times 100,000), not a measurement: a process may hold at most 20,000 file "
                    + "descriptors on this machine, so one node holds about 19,000 clients.", opened));
        }
        result.note("Per-connection cost is (after - before) / connections, each after two full GCs (jcmd GC.run) in the node. "
                + "RSS growth also counts the heap G1 commits for its young generation while the connections open, which is "
                + "sizing for the load rather than memory each connection keeps: the heap after a full GC is that. "
                + "The reference documents put ProxySQL at about 66 KB per client connection and MySQL at about 280 KB.");
    }

    private static Percentiles.Summary sample(List<WorkerProcess> processes, Sample sample, Result result)
            throws InterruptedException {
        int workers = processes.size();
        processes.forEach(p -> p.send("SAMPLE " + Math.max(1, sample.connections() / workers) + " "
                + Math.max(1, sample.queries() / workers) + " " + sample.warmup().toMillis()));
        List<Long> nanos = new ArrayList<>();
        for (WorkerProcess process : processes) {
            String[] words = process.expect("SAMPLED", Duration.ofMinutes(5)).split(" ", 3);
            result.errors(Long.parseLong(words[1]), "sample queries failed (see the idle-worker logs)");
            if (words.length == 3 && !words[2].isEmpty()) {
                for (String micros : words[2].split(",")) {
                    nanos.add(Long.parseLong(micros) * 1000);
                }
            }
        }
        return Percentiles.summarize(nanos.stream().mapToLong(Long::longValue).toArray());
    }
}
