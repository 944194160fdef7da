package io.junction.bench;

import io.junction.bench.client.BlockingConnection;
import io.junction.bench.client.Endpoint;
import io.junction.bench.measure.GcLog;
import io.junction.bench.measure.JunctionProbe;
import io.junction.bench.measure.PeakSampler;
import io.junction.bench.result.Result;

/**
 * One huge result set, {@code SELECT REPEAT('x',1024) FROM seq_1_to_N}, read by a streaming client (a raw socket
 * reader that keeps no rows) straight from MariaDB and then through Junction. Reports MiB/s both ways and how much
 * Junction's heap grew while relaying (issue 6 targets: at least 0.8x direct, at most 64 MB of heap growth).
 *
 * <p>Options: {@code --rows} (1,048,576 = 1 GiB of row data; quick 102,400 = 100 MiB).
 */
public final class BigResultBench {
    private static final double MIB = 1024.0 * 1024.0;

    private BigResultBench() {
    }

    public static void main(String[] args) {
        Harness.run(args, "big-result", "1 GB result set", BigResultBench::run);
    }

    static void run(BenchArgs args, Result result) throws InterruptedException {
        BenchEnv env = args.env();
        int rows = args.intOption("rows", 1_048_576, 102_400);
        String sql = "SELECT REPEAT('x',1024) FROM seq_1_to_" + rows;
        String warmupSql = "SELECT REPEAT('x',1024) FROM seq_1_to_" + Math.min(rows / 8, 65_536);
        result.parameter("rows of 1 KiB", rows).parameter("query", sql)
                .parameter("warm-up query per side (not counted)", warmupSql);

        read(env.direct(), warmupSql);
        Read direct = read(env.direct(), sql);

        JunctionProbe probe = env.probe();
        read(env.junction(), warmupSql);
        long baseline = probe.heapAfterGcBytes();
        long rssBefore = probe.rssBytes();
        GcLog gcLog = new GcLog(env.gcLog());
        long mark = gcLog.mark();
        PeakSampler heap = new PeakSampler("heap", probe::heapUsedBytes, 100, 100_000);
        Read junction;
        long peakSampled;
        try {
            junction = read(env.junction(), sql);
        } finally {
            peakSampled = heap.stop();
        }
        GcLog.Window gcs = gcLog.since(mark);
        long rssAfter = probe.rssBytes();

        for (Read read : new Read[] {direct, junction}) {
            if (read.rows != rows) {
                result.errors(1, read.side + " returned " + read.rows + " rows (expected: " + rows + ")");
            }
        }
        if (heap.error() != null) {
            result.note("Reading Junction's heap during the read failed: " + heap.error());
        }
        result.compare("throughput", "MiB/s", direct.mibPerSecond(), junction.mibPerSecond(), true)
                .compare("seconds to read", "s", direct.seconds, junction.seconds, false)
                .compare("bytes read", "MiB", direct.bytes / MIB, junction.bytes / MIB, true);
        long sampledGrowth = peakSampled - baseline;
        // G1 logs whole megabytes, so a collection can report a little less than the baseline: that is no growth.
        long retainedGrowth = gcs.collections() > 0 ? Math.max(0, gcs.maxAfterBytes() - baseline) : -1;
        result.measure("Junction heap after GC before the read", baseline / MIB, "MiB")
                .measure("Junction peak heap in use during the read (sampled every 100 ms, garbage included) minus that",
                        sampledGrowth / MIB, "MiB")
                .measure("GCs in Junction during the read", gcs.collections(), "")
                .measure("Junction RSS growth over the read", (rssAfter - rssBefore) / MIB, "MiB");
        if (retainedGrowth >= 0) {
            result.measure("Junction peak heap left after a GC during the read minus the baseline", retainedGrowth / MIB, "MiB");
        }
        double ratio = junction.mibPerSecond() / direct.mibPerSecond();
        result.target("1 GB result through Junction >= 0.8 x direct throughput", String.format("%.2f x", ratio), ratio >= 0.8);
        long growth = retainedGrowth >= 0 ? retainedGrowth : sampledGrowth;
        result.target("1 GB result: Junction heap growth <= 64 MB", String.format("%.1f MiB (%s)", growth / MIB,
                retainedGrowth >= 0 ? "after GC" : "no GC during the read: sampled, garbage included"), growth <= 64 * MIB);
        result.note("Heap growth is the largest heap left after a collection during the read minus the heap after a full GC "
                + "before it (from the node's -Xlog:gc log); the sampled peak also counts garbage not yet collected.");
        if (rows < 1_048_576) {
            result.note("Read " + rows + " rows (" + Math.round(rows / 1024.0) + " MiB), not 1 GiB: a quick run.");
        }
    }

    private static Read read(Endpoint endpoint, String sql) {
        try (BlockingConnection connection = BlockingConnection.open(endpoint)) {
            long start = System.nanoTime();
            BlockingConnection.StreamedResult streamed = connection.stream(sql);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("big-result %s: %d rows, %.1f MiB in %.2f s%n", endpoint.name(), streamed.rows(),
                    streamed.bytes() / MIB, seconds);
            return new Read(endpoint.name(), streamed.rows(), streamed.bytes(), seconds);
        }
    }

    private record Read(String side, long rows, long bytes, double seconds) {
        double mibPerSecond() {
            return bytes / MIB / seconds;
        }
    }
}
