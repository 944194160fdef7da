package io.junction.bench;

import io.junction.bench.client.BlockingConnection;
import io.junction.bench.client.Endpoint;
import io.junction.bench.measure.ThreadedLoad;
import io.junction.bench.result.Result;

/**
 * Connection churn: many threads each loop connect (mysql_native_password), {@code SELECT 1}, COM_QUIT, close, as
 * fast as they can, first straight to MariaDB, then through Junction. Reports connections per second and the ratio
 * (issue 6 target: Junction at least 2x direct, since a login at Junction needs no backend login).
 *
 * <p>Options: {@code --threads} (32), {@code --seconds} per side (30; quick 5).
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
        int seconds = args.intOption("seconds", 30, 5);
        double warmup = Math.max(1, seconds / 5.0);
        result.parameter("threads", threads).parameter("seconds per side", seconds)
                .parameter("warm-up seconds per side (not counted)", warmup);

        ThreadedLoad.Outcome direct = side(env.direct(), threads, warmup, seconds, result);
        ThreadedLoad.Outcome junction = side(env.junction(), threads, warmup, seconds, result);

        result.compare("connections per second", "conn/s", direct.perSecond(), junction.perSecond(), true)
                .compare("connections made", "", direct.completed(), junction.completed(), true)
                .compare("p50 connect + SELECT 1 + close", "ms", direct.latency().p50Ms(), junction.latency().p50Ms(), false)
                .compare("p99 connect + SELECT 1 + close", "ms", direct.latency().p99Ms(), junction.latency().p99Ms(), false)
                .compare("errors", "", direct.errors(), junction.errors(), false);
        double ratio = junction.perSecond() / direct.perSecond();
        result.target("Connection churn through Junction >= 2 x direct", String.format("%.2f x", ratio), ratio >= 2.0);
    }

    private static ThreadedLoad.Outcome side(Endpoint endpoint, int threads, double warmup, int seconds, Result result)
            throws InterruptedException {
        ThreadedLoad.Operation churn = () -> {
            try (BlockingConnection connection = BlockingConnection.open(endpoint)) {
                connection.query("SELECT 1");
            }
        };
        ThreadedLoad.Outcome warm = ThreadedLoad.run(threads, warmup, churn);
        result.errors(warm.errors(), endpoint.name() + " (warm-up): " + warm.firstError());
        ThreadedLoad.Outcome outcome = ThreadedLoad.run(threads, seconds, churn);
        result.errors(outcome.errors(), endpoint.name() + ": " + outcome.firstError());
        System.out.printf("churn %s: %.0f conn/s, %d errors%n", endpoint.name(), outcome.perSecond(), outcome.errors());
        return outcome;
    }
}
