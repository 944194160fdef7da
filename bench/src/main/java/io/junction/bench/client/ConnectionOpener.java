package io.junction.bench.client;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.net.NetClient;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Opens many {@link AsyncConnection}s with at most {@code concurrency} logins in flight, so that neither side's
 * accept queue overflows. Connection {@code i} goes through {@code clientFor.apply(i)}, which picks its source
 * address. Stops starting new ones at the deadline; those count as errors.
 */
public final class ConnectionOpener {

    /** What opening gave: the open connections, how many failed and the first failure's message. */
    public record Outcome(List<AsyncConnection> connections, int errors, String firstError) {
    }

    private final IntFunction<NetClient> clientFor;
    private final Endpoint endpoint;
    private final int count;
    private final long deadlineNanos;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger chains = new AtomicInteger();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final ConcurrentLinkedQueue<AsyncConnection> opened = new ConcurrentLinkedQueue<>();
    private final Promise<Outcome> outcome = Promise.promise();

    private ConnectionOpener(IntFunction<NetClient> clientFor, Endpoint endpoint, int count, long deadlineNanos) {
        this.clientFor = clientFor;
        this.endpoint = endpoint;
        this.count = count;
        this.deadlineNanos = deadlineNanos;
    }

    /** Opens {@code count} connections; the future completes (never fails) once every attempt has ended. */
    public static Future<Outcome> open(IntFunction<NetClient> clientFor, Endpoint endpoint, int count,
                                       int concurrency, long deadlineNanos) {
        ConnectionOpener opener = new ConnectionOpener(clientFor, endpoint, count, deadlineNanos);
        int lanes = Math.max(1, Math.min(concurrency, count));
        opener.chains.set(lanes);
        for (int i = 0; i < lanes; i++) {
            opener.openNext();
        }
        return opener.outcome.future();
    }

    private void openNext() {
        int i = next.getAndIncrement();
        if (i >= count) {
            laneDone();
            return;
        }
        if (System.nanoTime() - deadlineNanos > 0) {
            next.set(count);
            firstError.compareAndSet(null, "deadline passed before every connection was opened");
            laneDone();
            return;
        }
        AsyncConnection.open(clientFor.apply(i), endpoint).onComplete(result -> {
            if (result.succeeded()) {
                opened.add(result.result());
            } else {
                firstError.compareAndSet(null, result.cause().toString());
            }
            openNext();
        });
    }

    /** When the last lane ends, every connection not opened (failed, or never tried) counts as an error. */
    private void laneDone() {
        if (chains.decrementAndGet() == 0) {
            List<AsyncConnection> open = List.copyOf(opened);
            outcome.complete(new Outcome(open, count - open.size(), firstError.get()));
        }
    }
}
