package io.junction.bench;

import io.junction.bench.client.Endpoint;
import io.junction.bench.measure.Sysbench;
import io.junction.bench.measure.SysbenchOutput;
import io.junction.bench.result.Result;

/**
 * sysbench {@code oltp_point_select} and {@code oltp_read_only} at 8 and 64 threads, each straight to MariaDB and
 * then through Junction, back to back in the same run; reports transactions and queries per second and the ratio
 * (issue 6 target: point selects at 64 threads through Junction at least 0.7x direct).
 *
 * <p>Options: {@code --seconds} per run (30; quick 5), {@code --tables} (4; quick 1), {@code --table-size}
 * (10,000; quick 1,000).
 */
public final class ThroughputBench {
    private static final String[] TESTS = {"oltp_point_select", "oltp_read_only"};
    private static final int[] THREADS = {8, 64};

    private ThroughputBench() {
    }

    public static void main(String[] args) {
        Harness.run(args, "throughput", "sysbench throughput", ThroughputBench::run);
    }

    static void run(BenchArgs args, Result result) {
        BenchEnv env = args.env();
        int seconds = args.intOption("seconds", 30, 5);
        int tables = args.intOption("tables", 4, 1);
        int tableSize = args.intOption("table-size", 10_000, 1_000);
        int warmup = Math.max(1, seconds / 5);
        result.parameter("seconds per run", seconds).parameter("tables", tables).parameter("rows per table", tableSize)
                .parameter("statements", "text (--db-ps-mode=disable)")
                .parameter("warm-up (not counted)", "oltp_read_only, 8 threads, " + warmup + " s each way");

        Sysbench sysbench = new Sysbench(tables, tableSize);
        sysbench.prepare(env.direct());
        sysbench.run("oltp_read_only", env.direct(), 8, warmup);
        sysbench.run("oltp_read_only", env.junction(), 8, warmup);

        for (String test : TESTS) {
            for (int threads : THREADS) {
                SysbenchOutput direct = run(sysbench, test, env.direct(), threads, seconds, result);
                SysbenchOutput junction = run(sysbench, test, env.junction(), threads, seconds, result);
                String label = test + ", " + threads + " threads";
                result.compare(label + ": transactions/s", "tps", direct.tps(), junction.tps(), true)
                        .compare(label + ": queries/s", "qps", direct.qps(), junction.qps(), true)
                        .compare(label + ": p99 latency", "ms", direct.percentileMs(), junction.percentileMs(), false);
                if (test.equals("oltp_point_select") && threads == 64) {
                    double ratio = junction.tps() / direct.tps();
                    result.target("oltp_point_select at 64 threads through Junction >= 0.7 x direct",
                            String.format("%.2f x", ratio), ratio >= 0.7);
                }
            }
        }
        result.note("sysbench runs with --db-ps-mode=disable (text queries): a session that prepares statements is "
                + "pinned to its backend connection in Junction today, which would defeat multiplexing.");
        result.note("oltp_read_only runs each transaction between BEGIN and COMMIT: Junction keeps the session on one "
                + "backend connection for the transaction, and multiplexes between transactions.");
    }

    private static SysbenchOutput run(Sysbench sysbench, String test, Endpoint endpoint, int threads, int seconds,
                                      Result result) {
        SysbenchOutput output = sysbench.run(test, endpoint, threads, seconds);
        result.errors(output.errors(), endpoint.name() + " " + test + " " + threads + " threads: "
                + output.ignoredErrors() + " ignored errors, " + output.reconnects() + " reconnects");
        System.out.printf("throughput %s %s %d threads: %.0f tps%n", endpoint.name(), test, threads, output.tps());
        return output;
    }
}
