package io.junction.bench;

import io.junction.bench.client.Endpoint;
import io.junction.bench.measure.JunctionProbe;
import io.junction.bench.measure.PairedRounds;
import io.junction.bench.measure.ProcessCpu;
import io.junction.bench.measure.Sysbench;
import io.junction.bench.measure.SysbenchOutput;
import io.junction.bench.result.Result;

/**
 * sysbench {@code oltp_point_select} and {@code oltp_read_only} at 8 and 64 threads, straight to MariaDB and through
 * Junction in the same run; reports the medians of several rounds both ways and the median of the rounds' ratios
 * (issue 6 target: point selects at 64 threads through Junction at least 0.7x direct). Each round runs both sides
 * back to back, alternating which goes first ({@link PairedRounds}). A warm-up of each test at 64 threads both ways
 * comes first and is not counted, so that the node's JIT has compiled the paths being measured. Last, Junction's own
 * CPU time per point select at a fixed rate ({@link #cpuPerTransaction}).
 *
 * <p>Options: {@code --seconds} per run (6; quick 2), {@code --rounds} (5; quick 1), {@code --warmup} seconds per
 * test and side (10; quick 2), {@code --cpu-seconds} (10; quick 2), {@code --tables} (4; quick 1),
 * {@code --table-size} (10,000; quick 1,000).
 */
public final class ThroughputBench {
    private static final String[] TESTS = {"oltp_point_select", "oltp_read_only"};
    private static final int[] THREADS = {8, 64};
    private static final int WARMUP_THREADS = 64;

    private ThroughputBench() {
    }

    public static void main(String[] args) {
        Harness.run(args, "throughput", "sysbench throughput", ThroughputBench::run);
    }

    static void run(BenchArgs args, Result result) throws InterruptedException {
        BenchEnv env = args.env();
        int seconds = args.intOption("seconds", 6, 2);
        int rounds = args.intOption("rounds", 5, 1);
        int warmup = args.intOption("warmup", 10, 2);
        int cpuSeconds = args.intOption("cpu-seconds", 10, 2);
        int tables = args.intOption("tables", 4, 1);
        int tableSize = args.intOption("table-size", 10_000, 1_000);
        result.parameter("seconds per run", seconds).parameter("rounds (each: direct and Junction, alternating order)", rounds)
                .parameter("tables", tables).parameter("rows per table", tableSize)
                .parameter("statements", "text (--db-ps-mode=disable)")
                .parameter("warm-up (not counted)", "each test, " + WARMUP_THREADS + " threads, " + warmup + " s each way")
                .parameter("Junction CPU per transaction", "oltp_point_select, 64 threads, at half Junction's median "
                        + "tps, " + cpuSeconds + " s (/proc/<pid>/stat)");

        Sysbench sysbench = new Sysbench(tables, tableSize);
        sysbench.prepare(env.direct());
        for (String test : TESTS) {
            sysbench.run(test, env.direct(), WARMUP_THREADS, warmup);
            sysbench.run(test, env.junction(), WARMUP_THREADS, warmup);
        }

        for (String test : TESTS) {
            for (int threads : THREADS) {
                PairedRounds tps = new PairedRounds();
                PairedRounds qps = new PairedRounds();
                PairedRounds p99 = new PairedRounds();
                for (int round = 0; round < rounds; round++) {
                    PairedRounds.Round<SysbenchOutput> both = PairedRounds.run(round,
                            () -> run(sysbench, test, env.direct(), threads, seconds, result),
                            () -> run(sysbench, test, env.junction(), threads, seconds, result));
                    tps.add(both.direct().tps(), both.junction().tps());
                    qps.add(both.direct().qps(), both.junction().qps());
                    p99.add(both.direct().percentileMs(), both.junction().percentileMs());
                }
                String label = test + ", " + threads + " threads";
                result.compare(label + ": transactions/s (median)", "tps", tps.directMedian(), tps.junctionMedian(), true)
                        .compare(label + ": queries/s (median)", "qps", qps.directMedian(), qps.junctionMedian(), true)
                        .compare(label + ": p99 latency (median)", "ms", p99.directMedian(), p99.junctionMedian(), false)
                        .measure(label + ": Junction / direct tps, median of the rounds", tps.ratioMedian(), "x")
                        .note(label + ": Junction / direct tps by round: " + tps.ratios());
                if (test.equals("oltp_point_select") && threads == 64) {
                    double ratio = tps.ratioMedian();
                    result.target("oltp_point_select at 64 threads through Junction >= 0.7 x direct",
                            String.format("%.2f x (median of %d rounds: %s)", ratio, tps.rounds(), tps.ratios()),
                            ratio >= 0.7);
                    cpuPerTransaction(sysbench, env, test, threads, cpuSeconds, (int) (tps.junctionMedian() / 2), result);
                }
            }
        }
        result.note("sysbench runs with --db-ps-mode=disable (text queries): a session that prepares statements is "
                + "pinned to its backend connection in Junction today, which would defeat multiplexing.");
        result.note("oltp_read_only runs each transaction between BEGIN and COMMIT: Junction keeps the session on one "
                + "backend connection for the transaction, and multiplexes between transactions.");
    }

    /**
     * Junction's own CPU time per transaction, user and kernel, at a fixed rate it sustains ({@code rate}, half its
     * median throughput): unlike throughput on a saturated machine, this barely moves with what else the machine
     * does, so it shows whether a change made the node cheaper. Each transaction waits for its event loop to wake
     * up at this rate, so it costs more than at full load, where a loop turn serves many.
     */
    private static void cpuPerTransaction(Sysbench sysbench, BenchEnv env, String test, int threads, int seconds,
                                          int rate, Result result) {
        JunctionProbe probe = env.probe();
        ProcessCpu before = probe.cpu();
        SysbenchOutput output = run(sysbench, test, env.junction(), threads, seconds, rate, result);
        ProcessCpu used = probe.cpu().since(before);
        String label = String.format("%s, %d threads at %,d tps: Junction CPU per transaction", test, threads, rate);
        result.measure(label + ", user", used.userNanos() / 1_000.0 / output.transactions(), "µs")
                .measure(label + ", kernel", used.kernelNanos() / 1_000.0 / output.transactions(), "µs");
    }

    private static SysbenchOutput run(Sysbench sysbench, String test, Endpoint endpoint, int threads, int seconds,
                                      Result result) {
        return run(sysbench, test, endpoint, threads, seconds, 0, result);
    }

    private static SysbenchOutput run(Sysbench sysbench, String test, Endpoint endpoint, int threads, int seconds,
                                      int rate, Result result) {
        SysbenchOutput output = sysbench.run(test, endpoint, threads, seconds, rate);
        result.errors(output.errors(), endpoint.name() + " " + test + " " + threads + " threads: "
                + output.ignoredErrors() + " ignored errors, " + output.reconnects() + " reconnects");
        System.out.printf("throughput %s %s %d threads: %.0f tps%n", endpoint.name(), test, threads, output.tps());
        return output;
    }
}
