package io.junction.router.backend;

import io.junction.config.ServerConfig;
import io.junction.router.stats.PoolStats;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The idle backend connections of one (server, user, wire format) on one event loop, bucketed by session state,
 * and the sessions waiting for one. Not thread-safe: only its event loop touches it. The server-wide cap is the
 * shared {@link ServerBudget}.
 */
public final class BackendPool {
    private final PoolKey key;
    private final ServerConfig server;
    private final ServerBudget budget;
    private final BackendPools loop;
    private final PoolStats stats;
    private final Map<SessionState, ArrayDeque<BackendConnection>> idle = new HashMap<>();
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private int idleCount;
    private int lent;
    private boolean wakeRegistered;
    private boolean countedWaiting;

    private record Waiter(BorrowRequest request, Promise<BackendConnection> promise, long timer) {
    }

    BackendPool(PoolKey key, ServerConfig server, ServerBudget budget, BackendPools loop) {
        this.key = key;
        this.server = server;
        this.budget = budget;
        this.loop = loop;
        this.stats = loop.poolStats(server.address());
    }

    public PoolKey key() {
        return key;
    }

    public int idle() {
        return idleCount;
    }

    public int lent() {
        return lent;
    }

    public int waiting() {
        return waiters.size();
    }

    /** An idle connection (one in the wanted state if any), a new one, or one released within the wait timeout. */
    public Future<BackendConnection> borrow(BorrowRequest request) {
        BackendConnection connection = takeIdle(request);
        if (connection != null) {
            return lend(connection);
        }
        if (budget.tryAcquire() || (loop.evictIdle(server.address()) && budget.tryAcquire())) {
            return open(request).compose(this::lend);
        }
        Promise<BackendConnection> promise = Promise.promise();
        long timer = loop.vertx().setTimer(loop.poolWaitMs(), id -> timeout(promise));
        waiters.add(new Waiter(request, promise, timer));
        countWaiting();
        registerWake();
        return promise.future();
    }

    /** Takes back a connection with nothing in flight and no pinned state. */
    public void release(BackendConnection connection) {
        release(connection, false);
    }

    /**
     * Takes back a connection; {@code keepForLastUser} parks it below the other idle ones in its bucket, so other
     * borrowers take those first and its last user can still find it (for ROW_COUNT() right after a write).
     */
    public void release(BackendConnection connection, boolean keepForLastUser) {
        addLent(-1);
        park(connection, keepForLastUser);
    }

    /** Takes back a lent connection that must not be reused (broken, or its state is unknown) and closes it. */
    public void discard(BackendConnection connection) {
        addLent(-1);
        connection.close();
    }

    private void park(BackendConnection connection, boolean keepForLastUser) {
        if (!connection.isOpen()) {
            return;
        }
        if (loop.expired(connection) || overFairShare()) {
            connection.close();
            return;
        }
        Iterator<Waiter> it = waiters.iterator();
        while (it.hasNext()) {
            Waiter waiter = it.next();
            if (waiter.request().fits(connection)) {
                it.remove();
                countWaiting();
                loop.vertx().cancelTimer(waiter.timer());
                addLent(1);
                waiter.promise().complete(connection);
                return;
            }
        }
        if (budget.hasStarving()) {
            connection.close();
            return;
        }
        ArrayDeque<BackendConnection> bucket = idle.computeIfAbsent(connection.state(), s -> new ArrayDeque<>());
        if (keepForLastUser) {
            bucket.addLast(connection);
        } else {
            bucket.push(connection);
        }
        idleCount++;
    }

    /** Closes one idle connection, the least recently used; false if there is none. */
    boolean evictOne() {
        BackendConnection oldest = null;
        for (ArrayDeque<BackendConnection> bucket : idle.values()) {
            BackendConnection last = bucket.peekLast();
            if (last != null && (oldest == null || last.lastUsedAt() < oldest.lastUsedAt())) {
                oldest = last;
            }
        }
        if (oldest == null) {
            return false;
        }
        removeIdle(oldest);
        oldest.close();
        return true;
    }

    /** Idle connections, for the maintenance timer: close the expired, ping the long-idle. */
    void maintain(long now) {
        for (ArrayDeque<BackendConnection> bucket : idle.values().toArray(ArrayDeque[]::new)) {
            for (BackendConnection connection : bucket.toArray(BackendConnection[]::new)) {
                if (loop.expired(connection)) {
                    removeIdle(connection);
                    connection.close();
                } else if (now - connection.lastUsedAt() > loop.idlePingNanos()) {
                    removeIdle(connection);
                    addLent(1);
                    connection.ping(now).onComplete(r -> {
                        if (r.succeeded()) {
                            release(connection);
                        } else {
                            addLent(-1);
                            connection.close();
                        }
                    });
                }
            }
        }
    }

    /** Closes every idle connection and fails every waiter (the event loop is stopping). */
    void close() {
        List<BackendConnection> parked = new ArrayList<>();
        idle.values().forEach(parked::addAll);
        idle.clear();
        idleCount = 0;
        parked.forEach(BackendConnection::close); // each close calls back into removeIdle: iterate a copy
        for (Waiter waiter : waiters) {
            loop.vertx().cancelTimer(waiter.timer());
            waiter.promise().tryFail("Junction is shutting down");
        }
        waiters.clear();
        countWaiting();
    }

    private BackendConnection takeIdle(BorrowRequest request) {
        BackendConnection preferred = request.preferred();
        if (preferred != null && preferred.isIdle() && preferred.key().equals(key) && removeIdle(preferred)) {
            return preferred;
        }
        ArrayDeque<BackendConnection> exact = idle.get(request.state());
        if (exact != null && !exact.isEmpty()) {
            idleCount--;
            return exact.pop();
        }
        for (ArrayDeque<BackendConnection> bucket : idle.values()) {
            BackendConnection candidate = bucket.peek();
            if (candidate != null && request.fits(candidate)) {
                idleCount--;
                return bucket.pop();
            }
        }
        return null;
    }

    private boolean removeIdle(BackendConnection connection) {
        ArrayDeque<BackendConnection> bucket = idle.get(connection.state());
        if (bucket != null && bucket.remove(connection)) {
            idleCount--;
            if (bucket.isEmpty()) {
                idle.remove(connection.state());
            }
            return true;
        }
        return false;
    }

    private Future<BackendConnection> lend(BackendConnection connection) {
        addLent(1);
        return Future.succeededFuture(connection);
    }

    private Future<BackendConnection> open(BorrowRequest request) {
        BackendConnector.Request open = new BackendConnector.Request(server, key, request.secret(),
                request.state().schema(), request.collationId());
        return loop.connector().open(open, stats)
                .onFailure(e -> {
                    stats.connectFailed();
                    budget.release();
                })
                .onSuccess(connection -> {
                    stats.connected();
                    connection.onClose(() -> {
                        removeIdle(connection);
                        budget.release();
                    });
                });
    }

    /** Every change of {@code lent} goes through here, so the statistics see the peak. */
    private void addLent(int delta) {
        lent += delta;
        stats.lent(delta);
    }

    /** Another event loop or pool gave budget back: open connections for our waiters while it lasts. */
    private void serveWaiters() {
        wakeRegistered = false;
        while (!waiters.isEmpty()) {
            if (!budget.tryAcquire()) {
                registerWake();
                return;
            }
            Waiter waiter = waiters.poll();
            countWaiting();
            loop.vertx().cancelTimer(waiter.timer());
            open(waiter.request()).onComplete(result -> {
                if (result.failed()) {
                    waiter.promise().fail(result.cause());
                } else {
                    addLent(1);
                    if (!waiter.promise().tryComplete(result.result())) {
                        release(result.result());
                    }
                }
            });
        }
        budget.wakeOne();
    }

    /**
     * True when sessions of another pool (another event loop or user) wait for this server and this pool holds more
     * than its share of the cap: the connection given back is then closed, so the starving pool can open one,
     * instead of going to this pool's own next waiter (which would keep every connection where it first opened).
     */
    private boolean overFairShare() {
        int waitingElsewhere = budget.waitingPools() - (countedWaiting ? 1 : 0);
        if (waitingElsewhere <= 0) {
            return false;
        }
        int share = Math.max(1, budget.max() / budget.waitingPools());
        return lent + idleCount + 1 > share;
    }

    /** Keeps the budget's count of waiting pools in step with this pool's wait queue. */
    private void countWaiting() {
        boolean waiting = !waiters.isEmpty();
        if (waiting != countedWaiting) {
            countedWaiting = waiting;
            budget.waiting(waiting);
        }
    }

    private void registerWake() {
        if (!wakeRegistered) {
            wakeRegistered = true;
            budget.whenReleased(() -> loop.context().runOnContext(v -> serveWaiters()));
        }
    }

    private void timeout(Promise<BackendConnection> promise) {
        waiters.removeIf(w -> w.promise() == promise);
        countWaiting();
        promise.tryFail(new PoolTimeoutException(server.address(), loop.poolWaitMs(), budget.max()));
    }
}
