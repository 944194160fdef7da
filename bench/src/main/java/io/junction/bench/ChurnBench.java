package io.junction.bench;

import io.junction.bench.client.BlockingConnection;
import io.junction.bench.client.Endpoint;
import io.junction.bench.measure.CpuTally;
import io.junction.bench.measure.PairedRounds;
import io.junction.bench.measure.ProcessCpu;
import io.junction.bench.measure.ThreadedLoad;
import io.junction.bench.result.Result;

/**
 * Connection churn: many threads each loop connect (mysql_native_password), {@code SELECT 1}, COM_QUIT, close, as
 * fast as they can, straight to MariaDB and through Junction. Reports connections per second, the medians of several
 * rounds both ways and the median of the rounds' ratios (issue 6 target: Junction at least 2x direct, since a login at
 * Junction needs no backend login). Each round runs both sides back to back, alternating which goes first
 * ({@link PairedRounds}), after a warm-up of each side that is not counted: the node's login, accept and close paths
 * take tens of seconds of churn to be compiled, and so do the load generator's own. Also reports Junction's own CPU
 * time per connection over its rounds.
 *
 * <p>Options: {@code --threads} (32), {@code --seconds} per run (6; quick 2), {@code --rounds} (5; quick 1),
 * {@code --warmup} seconds per side (30; quick 2).
 */
public final class ChurnBench {

    private ChurnBench() {
    }

    public static void main(String[] args) {
        Harness.run(args, "churn", "Connection churn", ChurnBench::run);
    }

    static void run(BenchArgs args, Result result) throws InterruptedException {
        BenchEnv env = args.env();
        int threads = args.intOption("threads", 32, 32);
        int seconds = args.intOption("seconds", 6, 2);
        int rounds = args.intOption("rounds", 5, 1);
        int warmup = args.intOption("warmup", 30, 2);
        result.parameter("threads", threads).parameter("seconds per run", seconds)
                .parameter("rounds (each: direct and Junction, alternating order)", rounds)
                .parameter("warm-up seconds per side (not counted)", warmup);

        side(env.direct(), threads, warmup, "warm-up", result);
        side(env.junction(), threads, warmup, "warm-up", result);

        PairedRounds perSecond = new PairedRounds();
        PairedRounds p50 = new PairedRounds();
        PairedRounds p99 = new PairedRounds();
        CpuTally junctionCpu = new CpuTally(env.probe());
        long junctionConnections = 0;
        for (int round = 0; round < rounds; round++) {
            String run = "round " + (round + 1);
            PairedRounds.Round<ThreadedLoad.Outcome> both = PairedRounds.run(round,
                    () -> side(env.direct(), threads, seconds, run, result),
                    () -> junctionCpu.during(() -> side(env.junction(), threads, seconds, run, result)));
            perSecond.add(both.direct().perSecond(), both.junction().perSecond());
            p50.add(both.direct().latency().p50Ms(), both.junction().latency().p50Ms());
            p99.add(both.direct().latency().p99Ms(), both.junction().latency().p99Ms());
            junctionConnections += both.junction().completed();
        }

        result.compare("connections per second (median)", "conn/s", perSecond.directMedian(), perSecond.junctionMedian(), true)
                .compare("p50 connect + SELECT 1 + close (median)", "ms", p50.directMedian(), p50.junctionMedian(), false)
                .compare("p99 connect + SELECT 1 + close (median)", "ms", p99.directMedian(), p99.junctionMedian(), false)
                .measure("Junction / direct connections per second, median of the rounds", perSecond.ratioMedian(), "x")
                .note("Junction / direct connections per second by round: " + perSecond.ratios());
        if (junctionConnections > 0) {
            ProcessCpu used = junctionCpu.used();
            result.measure("Junction CPU per connection, user", used.userNanos() / 1_000.0 / junctionConnections, "µs")
                    .measure("Junction CPU per connection, kernel", used.kernelNanos() / 1_000.0 / junctionConnections, "µs");
        }
        double ratio = perSecond.ratioMedian();
        result.target("Connection churn through Junction >= 2 x direct",
                String.format("%.2f x (median of %d rounds: %s)", ratio, perSecond.rounds(), perSecond.ratios()),
                ratio >= 2.0);
    }

    private static ThreadedLoad.Outcome side(Endpoint endpoint, int threads, double seconds, String run, Result result)
            throws InterruptedException {
        ThreadedLoad.Operation churn = () -> {
            try (BlockingConnection connection = BlockingConnection.open(endpoint)) {
                connection.query("SELECT 1");
            }
        };
        ThreadedLoad.Outcome outcome = ThreadedLoad.run(threads, seconds, churn);
        result.errors(outcome.errors(), endpoint.name() + " (" + run + "): " + outcome.firstError());
        System.out.printf("churn %s %s: %.0f conn/s, %d errors%n", endpoint.name(), run, outcome.perSecond(),
                outcome.errors());
        return outcome;
    }
}
