package io.junction.bench.client;

import io.junction.bench.measure.LatencyRecorder;
import io.junction.bench.measure.Percentiles;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs statements on open {@link AsyncConnection}s in a closed loop: each connection sends its next statement as
 * soon as the previous one answered, until the deadline or {@value #MAX_PER_CONNECTION} statements. No pacing.
 */
public final class AsyncLoad {
    private static final long MAX_PER_CONNECTION = 10_000_000;

    /** Statements answered, statements failed, the first failure, latencies, and the time the load ran. */
    public record Outcome(long completed, long errors, String firstError, Percentiles.Summary latency, double seconds) {
        public double perSecond() {
            return completed / seconds;
        }
    }

    private final LatencyRecorder latencies = new LatencyRecorder(10_000_000);
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final AtomicInteger running = new AtomicInteger();
    private final Promise<Void> done = Promise.promise();
    private final Supplier<byte[]> statements;
    private final long start = System.nanoTime();
    private final long deadline;

    private AsyncLoad(double seconds, Supplier<byte[]> statements) {
        this.statements = statements;
        this.deadline = start + (long) (seconds * 1e9);
    }

    /** Starts the loops; the future completes once every loop has stopped. */
    public static Future<Outcome> run(List<AsyncConnection> connections, double seconds, Supplier<byte[]> statements) {
        AsyncLoad load = new AsyncLoad(seconds, statements);
        if (connections.isEmpty()) {
            return Future.succeededFuture(load.outcome());
        }
        load.running.set(connections.size());
        for (AsyncConnection connection : connections) {
            load.next(connection, 0);
        }
        return load.done.future().map(v -> load.outcome());
    }

    private void next(AsyncConnection connection, long sent) {
        if (sent >= MAX_PER_CONNECTION || System.nanoTime() - deadline > 0 || !connection.isOpen()) {
            if (running.decrementAndGet() == 0) {
                done.complete();
            }
            return;
        }
        long began = System.nanoTime();
        connection.query(statements.get()).onComplete(result -> {
            if (result.succeeded()) {
                latencies.record(System.nanoTime() - began);
                completed.incrementAndGet();
            } else {
                errors.incrementAndGet();
                firstError.compareAndSet(null, result.cause().toString());
            }
            next(connection, sent + 1);
        });
    }

    private Outcome outcome() {
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Outcome(completed.get(), errors.get(), firstError.get(), latencies.summary(), seconds);
    }
}
