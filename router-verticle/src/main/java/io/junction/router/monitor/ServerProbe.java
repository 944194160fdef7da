package io.junction.router.monitor;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.mysqlclient.MySQLConnection;
import io.vertx.sqlclient.spi.ConnectionFactory;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The monitor's one connection to one server, and the queue of checks that take turns on it. A check connects
 * first if there is no open connection, and fails when it takes longer than the timeout; after any failure the
 * connection is closed and the next check opens a new one. Used only from the monitor's event loop.
 *
 * <p>A connect that outlives its check (say the server accepted the TCP connection but sends no handshake) is not
 * started again while it is still pending: checks fail fast until it ends.
 */
final class ServerProbe {
    private final Vertx vertx;
    private final Context context;
    private final ConnectionFactory<MySQLConnectOptions> factory;
    private final MySQLConnectOptions options;
    private final long timeoutMs;
    private final Queue<Check<?>> waiting = new ArrayDeque<>();
    private boolean running;
    private boolean connecting;
    private boolean closed;
    private MySQLConnection connection;

    private record Check<T>(Function<MySQLConnection, Future<T>> query, Promise<T> result) {
    }

    ServerProbe(Vertx vertx, Context context, ConnectionFactory<MySQLConnectOptions> factory, MySQLConnectOptions options,
                long timeoutMs) {
        this.vertx = vertx;
        this.context = context;
        this.factory = factory;
        this.options = options;
        this.timeoutMs = timeoutMs;
    }

    /** Runs {@code query} on the connection once the checks queued before it are done; fails after the timeout. */
    <T> Future<T> run(Function<MySQLConnection, Future<T>> query) {
        if (closed) {
            return Future.failedFuture(new IllegalStateException("monitor stopped"));
        }
        Check<T> check = new Check<>(query, Promise.promise());
        waiting.add(check);
        runNext();
        return check.result().future();
    }

    /** Fails the waiting checks and closes the connection. */
    Future<Void> close() {
        closed = true;
        for (Check<?> check = waiting.poll(); check != null; check = waiting.poll()) {
            check.result().tryFail(new IllegalStateException("monitor stopped"));
        }
        MySQLConnection open = connection;
        connection = null;
        return open != null ? open.close() : Future.succeededFuture();
    }

    private void runNext() {
        if (running || waiting.isEmpty()) {
            return;
        }
        running = true;
        start(waiting.poll());
    }

    private <T> void start(Check<T> check) {
        Promise<T> result = check.result();
        long timer = vertx.setTimer(timeoutMs, id -> {
            if (result.tryFail(new TimeoutException("no answer within " + timeoutMs + " ms"))) {
                finish(true);
            }
        });
        connection().compose(connected -> result.future().isComplete()
                ? Future.failedFuture("timed out while connecting") // a late connect; this check is over
                : check.query().apply(connected)).onComplete(done -> {
            vertx.cancelTimer(timer);
            boolean completed = done.succeeded() ? result.tryComplete(done.result()) : result.tryFail(done.cause());
            if (completed) {
                finish(done.failed());
            }
        });
    }

    private void finish(boolean failed) {
        if (failed && connection != null) {
            connection.close();
            connection = null;
        }
        running = false;
        runNext();
    }

    /**
     * The open connection, or a new one. A connect that outlives the check that started it is kept for the next
     * check if it succeeds in the end: the server was slow, not necessarily gone, and the next ping will tell.
     */
    private Future<MySQLConnection> connection() {
        if (connection != null) {
            return Future.succeededFuture(connection);
        }
        if (connecting) {
            return Future.failedFuture(
                    new IllegalStateException("an earlier connect is still unanswered after more than " + timeoutMs + " ms"));
        }
        connecting = true;
        return factory.connect(context, options).compose(connected -> {
            MySQLConnection opened = MySQLConnection.cast(connected);
            if (closed) {
                opened.close();
                return Future.failedFuture(new IllegalStateException("monitor stopped"));
            }
            connection = opened;
            opened.closeHandler(v -> {
                if (connection == opened) {
                    connection = null;
                }
            });
            return Future.succeededFuture(opened);
        }).andThen(done -> connecting = false);
    }
}
