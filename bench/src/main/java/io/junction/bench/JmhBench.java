package io.junction.bench;

import io.junction.bench.result.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.Collection;

/**
 * Runs the JMH benchmarks of {@code io.junction.bench.jmh} (packet framer, handshake/auth path, query digest) and
 * records their scores. Full: 1 fork, 3 warm-up and 5 measured iterations of 2 s; quick: 1 fork, 1 warm-up and
 * 2 measured iterations of 1 s. Needs neither MariaDB nor Junction.
 */
public final class JmhBench {

    private JmhBench() {
    }

    public static void main(String[] args) {
        Harness.run(args, "jmh", "JMH micro-benchmarks", JmhBench::run);
    }

    static void run(BenchArgs args, Result result) throws Exception {
        int warmups = args.intOption("warmups", 3, 1);
        int iterations = args.intOption("iterations", 5, 2);
        int seconds = args.intOption("iteration-seconds", 2, 1);
        result.parameter("forks", 1).parameter("warm-up iterations", warmups).parameter("iterations", iterations)
                .parameter("seconds per iteration", seconds);
        Options options = new OptionsBuilder()
                .include("io\\.junction\\.bench\\.jmh\\..*")
                .forks(1)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(seconds))
                .jvmArgsAppend("-Xmx1g")
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> runs = new Runner(options).run();
        for (RunResult run : runs) {
            String name = run.getParams().getBenchmark().replace("io.junction.bench.jmh.", "");
            String statement = run.getParams().getParam("statement");
            if (statement != null) {
                name += " [" + statement + "]";
            }
            var score = run.getPrimaryResult();
            String unit = Double.isFinite(score.getScoreError())
                    ? String.format("%s (± %.4g)", score.getScoreUnit(), score.getScoreError()) : score.getScoreUnit();
            result.measure(name, score.getScore(), unit);
        }
        if (runs.isEmpty()) {
            result.fail("JMH ran no benchmark");
        }
        result.note("FramerBenchmark: one operation frames a whole stream (1,000 packets of 40 bytes, or one 16 MiB + 1 KiB "
                + "payload split in two wire packets) with a new framer. HandshakeBenchmark: decode a HandshakeResponse41 and "
                + "verify its mysql_native_password reply. DigestBenchmark: QueryDigest.of on one statement.");
    }
}
