package io.junction.router.backend;

import io.junction.config.ServerConfig;
import io.junction.router.backend.BackendServers.Availability;
import io.junction.router.stats.PoolStats;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The idle backend connections of one (server, user, wire format) on one event loop, bucketed by session state,
 * and the sessions waiting for one. Not thread-safe: only its event loop touches it. A new connection needs room in
 * two caps shared by all loops, the server's and the user's ({@link PoolBudgets}). Waiters wait for whichever of the
 * two was full last time; a waiter's pool timeout names that cap.
 *
 * <p>A config change reaches the pool through {@link #apply}: a server taken offline or removed lends nothing more
 * and closes its idle connections (and, OFFLINE_HARD, its lent ones too); connections made in a way that no longer
 * holds (another TLS setting, the user's password changed) are retired: closed now if idle, when given back if lent.
 */
public final class BackendPool {
    /** How long a session on another loop waits before a quiet pool here gives it an idle connection. */
    static final long QUIET_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final PoolKey key;
    private ServerConfig server;
    private Availability availability;
    private final PoolBudgets budgets;
    private final BackendPools loop;
    private final PoolStats stats;
    private final IdleConnections idle = new IdleConnections();
    private final PoolWaiters waiters;
    /** Every open connection of this pool, idle or lent: OFFLINE_HARD closes them all. */
    private final Set<BackendConnection> connections = new HashSet<>();
    /** Lent connections made before a retirement: closed when given back. */
    private final Set<BackendConnection> retired = new HashSet<>();
    /** Bumped by each retirement, so a connection still being opened then is retired when it arrives. */
    private int generation;
    private int lent;
    /** A {@link #giveBackIdle} is due on a timer (see there). */
    private boolean quietRecheckDue;

    BackendPool(PoolKey key, ServerConfig server, ServerBudget budget, UserBudget userBudget, BackendPools loop,
                Availability availability) {
        this.key = key;
        this.server = server;
        this.loop = loop;
        this.availability = availability;
        this.stats = loop.poolStats(server.address());
        this.waiters = new PoolWaiters(loop.vertx(), this::timedOut);
        this.budgets = new PoolBudgets(budget, userBudget, this, () -> loop.context().runOnContext(v -> giveBackIdle()),
                woke -> loop.context().runOnContext(v -> serveWaiters(woke)));
    }

    /** The pool is dropped: its budgets stop telling it about waiters. */
    void forget() {
        budgets.forget();
    }

    public PoolKey key() {
        return key;
    }

    ServerBudget budget() {
        return budgets.server();
    }

    UserBudget userBudget() {
        return budgets.user();
    }

    /** The server entry new connections are opened with. */
    ServerConfig server() {
        return server;
    }

    public int idle() {
        return idle.size();
    }

    public int lent() {
        return lent;
    }

    public int waiting() {
        return waiters.size();
    }

    /**
     * Takes a new config: {@code connectAs} is the server entry later connections are opened with, and
     * {@code availability} says whether the server takes new borrows; {@code retire} closes the connections made
     * so far (idle now, lent when given back).
     */
    void apply(ServerConfig connectAs, Availability next, boolean retire) {
        server = connectAs;
        availability = next;
        if (retire) {
            generation++;
            retired.addAll(connections);
        }
        if (next != Availability.ONLINE || retire) {
            closeIdle();
        }
        if (next != Availability.ONLINE) {
            failWaiters(unavailable());
        }
        if (next == Availability.OFFLINE_HARD) {
            for (BackendConnection connection : connections.toArray(BackendConnection[]::new)) {
                connection.close("backend " + server.address() + " was taken OFFLINE_HARD");
            }
        }
    }

    /** True once a pool of a server that takes no new borrows has nothing left: it can be dropped. */
    boolean drained() {
        return availability != Availability.ONLINE && connections.isEmpty() && lent == 0 && waiters.isEmpty();
    }

    /** Closes idle connections while the server or the user has more open than its (lowered) cap allows. */
    void trimToCap() {
        budgets.trim(this::evictOne);
    }

    /** An idle connection (one in the wanted state if any), a new one, or one released within the wait timeout. */
    public Future<BackendConnection> borrow(BorrowRequest request) {
        if (availability != Availability.ONLINE) {
            return Future.failedFuture(unavailable());
        }
        BackendConnection connection = idle.take(request, key);
        if (connection != null) {
            return lend(connection);
        }
        if (budgets.reserve(() -> loop.evictIdleOfUser(key.user()), () -> loop.evictIdle(server.address()))) {
            return open(request).compose(this::lend);
        }
        Promise<BackendConnection> promise = waiters.add(request, loop.poolWaitMs());
        budgets.waitForRoom(waiters.oldestSince());
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
        if (availability != Availability.ONLINE || (!retired.isEmpty() && retired.remove(connection)) || budgets.overCap()
                || loop.expired(connection) || budgets.owesRoom(lent + idle.size() + 1, !waiters.isEmpty(), waiters.oldestSince())) {
            connection.close();
            return;
        }
        if (!waiters.isEmpty()) {
            handOver(connection);
            return;
        }
        // Parked even while another pool waits, unless this pool owes it room (checked above): closing every spare
        // connection for a waiter elsewhere made two busy loops trade connections back and forth under short
        // sessions, a backend login each time (bin/bench churn ran at a tenth of the speed).
        idle.add(connection, keepForLastUser);
    }

    /**
     * Gives a connection to the longest-waiting session. One without a default schema cannot use a connection that has
     * one (only a new login drops it): the connection is closed, and its room opens a new one for the waiters, oldest
     * first. Parking it had left such a session waiting out the pool timeout beside an idle connection, and handing it
     * to the next session that could use it would let a stream of those pass such a session by for good.
     */
    private void handOver(BackendConnection connection) {
        PoolWaiters.Waiter waiter = waiters.takeOldestIfFits(connection);
        if (waiter == null) {
            connection.close();
            return;
        }
        countWaiting();
        loop.metrics().poolWait(System.nanoTime() - waiter.since(), false);
        addLent(1);
        waiter.promise().complete(connection);
    }

    /** Closes one idle connection, the least recently used; false if there is none. */
    boolean evictOne() {
        BackendConnection oldest = idle.takeOldest();
        if (oldest == null) {
            return false;
        }
        oldest.close();
        return true;
    }

    /** Idle connections, for the maintenance timer: close the expired, ping the long-idle. */
    void maintain(long now) {
        for (BackendConnection connection : idle.list()) {
            if (loop.expired(connection)) {
                idle.remove(connection);
                connection.close();
            } else if (now - connection.lastUsedAt() > loop.idlePingNanos()) {
                idle.remove(connection);
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

    /** Closes every idle connection and fails every waiter (the event loop is stopping). */
    void close() {
        forget();
        closeIdle();
        failWaiters(new BackendUnavailableException(server.address(), "Junction is shutting down"));
    }

    private void closeIdle() {
        idle.takeAll().forEach(BackendConnection::close);
    }

    private void failWaiters(Throwable cause) {
        List<PoolWaiters.Waiter> failed = waiters.takeAll();
        countWaiting();
        failed.forEach(waiter -> waiter.promise().tryFail(cause));
    }

    private BackendUnavailableException unavailable() {
        return new BackendUnavailableException(server.address(), availability == Availability.REMOVED
                ? "it was removed from the config" : "it is " + availability);
    }

    private Future<BackendConnection> lend(BackendConnection connection) {
        addLent(1);
        return Future.succeededFuture(connection);
    }

    private Future<BackendConnection> open(BorrowRequest request) {
        BackendConnector.Request open = new BackendConnector.Request(server, key, request.secret(),
                request.state().schema(), request.collationId());
        int openedIn = generation;
        long started = System.nanoTime();
        return loop.connector().open(open, stats)
                .onFailure(e -> {
                    stats.connectFailed();
                    loop.metrics().backendConnect(key.server(), System.nanoTime() - started, false);
                    budgets.release();
                })
                .onSuccess(connection -> {
                    stats.connected();
                    loop.metrics().backendConnect(key.server(), System.nanoTime() - started, true);
                    connections.add(connection);
                    if (openedIn != generation) {
                        retired.add(connection);
                    }
                    connection.onClose(() -> {
                        idle.remove(connection);
                        connections.remove(connection);
                        retired.remove(connection);
                        budgets.leaving();
                    });
                    connection.whenGone(budgets::left);
                });
    }

    /** Every change of {@code lent} goes through here, so the statistics see the peak. */
    private void addLent(int delta) {
        lent += delta;
        stats.lent(delta);
    }

    /** Another event loop or pool gave room in {@code woke} back: open connections for our waiters while it lasts. */
    private void serveWaiters(ConnectionBudget woke) {
        budgets.woken(woke);
        while (!waiters.isEmpty()) {
            if (!budgets.reserve(null, null)) {
                budgets.couldNotUse(woke);
                budgets.waitForRoom(waiters.oldestSince());
                return;
            }
            PoolWaiters.Waiter waiter = waiters.poll();
            countWaiting();
            loop.metrics().poolWait(System.nanoTime() - waiter.since(), false);
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
        woke.wakeOne();
    }

    /**
     * Another pool started waiting for room in one of our budgets (called on our loop): idle connections this pool
     * owes are closed now, rather than when they are next given back, which on a quiet loop may be never. A quiet
     * pool (nothing lent, nobody waiting) also gives up one idle connection, within its share or not, once the other
     * pool's session has waited {@link #QUIET_GRACE_NANOS}: nobody here uses it now, and a session stuck elsewhere
     * must not wait for the pool timeout while connections sit idle here. Not at once: under many short sessions
     * each loop is quiet for a moment between them, and giving up a connection then only made the two loops trade
     * connections, a backend login each time (PoolFairnessTest saw twice the logins with io_uring's event loops).
     */
    private void giveBackIdle() {
        if (lent == 0 && waiters.isEmpty() && budgets.othersWait()) {
            long waited = budgets.othersWaited(System.nanoTime());
            if (waited >= QUIET_GRACE_NANOS) {
                evictOne();
            } else {
                recheckWhenQuiet(QUIET_GRACE_NANOS - waited);
            }
        }
        while (budgets.owesRoom(lent + idle.size(), !waiters.isEmpty(), waiters.oldestSince())) {
            if (!evictOne()) {
                return;
            }
        }
    }

    /** Runs {@link #giveBackIdle} again in {@code nanos}, unless a run is already due. */
    private void recheckWhenQuiet(long nanos) {
        if (quietRecheckDue) {
            return;
        }
        quietRecheckDue = true;
        loop.vertx().setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos) + 1), id -> {
            quietRecheckDue = false;
            giveBackIdle();
        });
    }

    /** Keeps the budgets' count of waiting pools in step with this pool's wait queue. */
    private void countWaiting() {
        budgets.waiting(!waiters.isEmpty(), waiters.oldestSince());
    }

    /** A waiter gave up after the pool timeout (it has left the queue). */
    private void timedOut(PoolWaiters.Waiter waiter) {
        loop.metrics().poolWait(System.nanoTime() - waiter.since(), true);
        countWaiting();
        long allowedMs = (waiter.deadline() - waiter.since()) / 1_000_000;
        waiter.promise().tryFail(new PoolTimeoutException(server.address(), allowedMs, budgets.reached()));
    }
}
