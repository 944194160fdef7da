package io.junction.router.monitor;

import io.junction.config.JunctionConfig;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** A {@link MonitorVerticle} deployed on its own Vert.x, and a way to wait for what it publishes. */
final class RunningMonitor implements AutoCloseable {
    private final Vertx vertx;
    final HealthBoard board = new HealthBoard();

    private RunningMonitor(Vertx vertx) {
        this.vertx = vertx;
    }

    static RunningMonitor start(JunctionConfig config) {
        return start(config, HealthSnapshot.EMPTY);
    }

    /** A monitor started on a board that already shows {@code seen} (what a monitor before it observed). */
    static RunningMonitor start(JunctionConfig config, HealthSnapshot seen) {
        RunningMonitor monitor = new RunningMonitor(Vertx.vertx());
        monitor.board.publish(seen);
        try {
            monitor.vertx.deployVerticle(new MonitorVerticle(config, monitor.board))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return monitor;
        } catch (Exception e) {
            monitor.close();
            throw new IllegalStateException("monitor did not start", e);
        }
    }

    /** Waits for the first published snapshot (the current one included) that satisfies {@code condition}. */
    HealthSnapshot await(String what, Duration timeout, Predicate<HealthSnapshot> condition) {
        CompletableFuture<HealthSnapshot> reached = new CompletableFuture<>();
        Consumer<HealthSnapshot> listener = snapshot -> {
            if (condition.test(snapshot)) {
                reached.complete(snapshot);
            }
        };
        board.subscribe(listener);
        try {
            listener.accept(board.current());
            return reached.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("not within " + timeout + ": " + what + "; last snapshot " + board.current());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            board.unsubscribe(listener);
        }
    }

    HealthSnapshot await(String what, Predicate<HealthSnapshot> condition) {
        return await(what, Duration.ofSeconds(10), condition);
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("vert.x did not close", e);
        }
    }
}
