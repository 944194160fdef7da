package io.junction.bench;

import io.junction.bench.client.AsyncConnection;
import io.junction.bench.client.Await;
import io.junction.bench.client.ConnectionOpener;
import io.junction.bench.client.Endpoint;
import io.junction.bench.client.LoadVertx;
import io.junction.bench.client.PointSelects;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * A load-generator process of the idle benchmark: holds its share of the idle connections, so that no process needs
 * more than ~15,000 file descriptors (the limit here is 20,000 per process). Driven by {@link IdleBench} over
 * stdin/stdout, one line each way:
 * <pre>
 *   worker: READY
 *   bench:  WARM &lt;n&gt;           worker: WARMED &lt;open&gt; &lt;errors&gt; &lt;first error or -&gt;   (opens n and closes them)
 *   bench:  OPEN               worker: OPENED &lt;open&gt; &lt;errors&gt; &lt;first error or -&gt;
 *   bench:  SAMPLE &lt;c&gt; &lt;q&gt; &lt;w&gt; worker: SAMPLED &lt;errors&gt; &lt;micros,micros,...&gt;   (q point selects, one at a
 *                              time, round robin over the first c connections, after w milliseconds of the same
 *                              not counted)
 *   bench:  CLOSE              worker: CLOSED, and exits
 * </pre>
 * Exits as well when stdin closes, after {@value #MAX_COMMANDS} commands, or after {@value #MAX_MINUTES} minutes.
 *
 * <p>Usage: {@code IdleWorker --port P --user U --password W --schema S --count N --addresses 127.0.0.1,127.0.0.2 --offset K}
 */
public final class IdleWorker {
    private static final int MAX_COMMANDS = 100;
    private static final long MAX_MINUTES = 120;
    private static final int OPEN_CONCURRENCY = 128;
    private static final int SAMPLE_WARMUP_BATCH = 1_000;

    private final Endpoint endpoint;
    private final List<NetClient> clients = new ArrayList<>();
    private final int offset;
    private List<AsyncConnection> connections = List.of();

    private IdleWorker(Vertx vertx, Endpoint endpoint, String[] addresses, int offset) {
        this.endpoint = endpoint;
        this.offset = offset;
        for (String address : addresses) {
            clients.add(LoadVertx.client(vertx, address));
        }
    }

    public static void main(String[] argv) throws IOException {
        BenchArgs args = BenchArgs.parse(argv);
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(Duration.ofMinutes(MAX_MINUTES).toMillis());
                System.err.println("idle-worker: still running after " + MAX_MINUTES + " minutes; exiting");
                System.exit(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        Endpoint endpoint = new Endpoint("junction", BenchEnv.HOST, Integer.parseInt(args.option("port", "")),
                args.option("user", ""), args.option("password", ""), args.option("schema", null));
        Vertx vertx = LoadVertx.create();
        IdleWorker worker = new IdleWorker(vertx, endpoint, args.option("addresses", "127.0.0.1").split(","),
                args.intOption("offset", 0, 0));
        int count = args.intOption("count", 0, 0);
        System.out.println("READY");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        for (int i = 0; i < MAX_COMMANDS; i++) {
            String line = in.readLine();
            if (line == null || line.equals("CLOSE")) {
                worker.closeAll();
                System.out.println("CLOSED");
                break;
            }
            String[] words = line.split(" ");
            System.out.println(switch (words[0]) {
                case "WARM" -> worker.warm(Integer.parseInt(words[1]));
                case "OPEN" -> worker.open(count);
                case "SAMPLE" -> worker.sample(Integer.parseInt(words[1]), Integer.parseInt(words[2]),
                        Duration.ofMillis(Long.parseLong(words[3])));
                default -> "UNKNOWN " + line;
            });
        }
        System.out.flush();
        Await.result(vertx.close(), Duration.ofSeconds(30));
        System.exit(0);
    }

    /** Opens {@code count} connections and closes them again: the node's one-time costs, paid before measuring. */
    private String warm(int count) {
        ConnectionOpener.Outcome outcome = openAll(count);
        outcome.connections().forEach(AsyncConnection::close);
        return "WARMED " + describe(outcome);
    }

    private String open(int count) {
        ConnectionOpener.Outcome outcome = openAll(count);
        connections = outcome.connections();
        return "OPENED " + describe(outcome);
    }

    private ConnectionOpener.Outcome openAll(int count) {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        return Await.result(ConnectionOpener.open(
                i -> clients.get((offset + i) % clients.size()), endpoint, count, OPEN_CONCURRENCY, deadline),
                Duration.ofMinutes(11));
    }

    private static String describe(ConnectionOpener.Outcome outcome) {
        String error = outcome.firstError() == null ? "-" : outcome.firstError().replace('\n', ' ');
        return outcome.connections().size() + " " + outcome.errors() + " " + error;
    }

    private String sample(int sampleConnections, int queries, Duration warmup) {
        List<AsyncConnection> sample = connections.subList(0, Math.min(sampleConnections, connections.size()));
        if (sample.isEmpty()) {
            return "SAMPLED " + queries + " ";
        }
        int[] errors = new int[1];
        // Not counted: the first statements of these sessions, and of this JVM's query path (and, when idle runs first,
        // of the node's), pay for JIT compilation and first use, which is not what is measured here.
        long warm = System.nanoTime() + warmup.toNanos();
        do {
            runSample(sample, new long[SAMPLE_WARMUP_BATCH], errors);
        } while (System.nanoTime() < warm);
        long[] micros = new long[queries];
        runSample(sample, micros, errors);
        StringJoiner line = new StringJoiner(",", "SAMPLED " + errors[0] + " ", "");
        for (long m : micros) {
            if (m >= 0) {
                line.add(Long.toString(m));
            }
        }
        return line.toString();
    }

    /** Runs {@code micros.length} point selects on {@code sample} in turn, recording each one's latency. */
    private static void runSample(List<AsyncConnection> sample, long[] micros, int[] errors) {
        Promise<Void> done = Promise.promise();
        sampleNext(sample, new PointSelects(BenchDb.KV_ROWS), 0, micros, errors, done);
        Await.result(done.future(), Duration.ofMinutes(5));
    }

    /** One query at a time, so that the latency is that of a lone query among many idle connections. */
    private static void sampleNext(List<AsyncConnection> sample, PointSelects statements, int i, long[] micros, int[] errors,
                            Promise<Void> done) {
        if (i == micros.length) {
            done.complete();
            return;
        }
        long began = System.nanoTime();
        Future<Long> query = sample.get(i % sample.size()).query(statements.get());
        query.onComplete(result -> {
            if (result.succeeded()) {
                micros[i] = (System.nanoTime() - began) / 1000;
            } else {
                micros[i] = -1;
                errors[0]++;
                System.err.println("idle-worker: sample query failed: " + result.cause());
            }
            sampleNext(sample, statements, i + 1, micros, errors, done);
        });
    }

    private void closeAll() {
        connections.forEach(AsyncConnection::close);
    }
}
