package io.junction.router.backend;

import io.junction.config.ServerConfig;
import io.junction.router.backend.BackendServers.Availability;
import io.junction.router.stats.PoolStats;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The idle backend connections of one (server, user, wire format) on one event loop, bucketed by session state,
 * and the sessions waiting for one. Not thread-safe: only its event loop touches it. A new connection needs room in
 * two caps shared by all loops: the server's {@link ServerBudget} and the user's {@link UserBudget}. Waiters wait
 * for whichever of the two was full last time (their {@code blocker}); a waiter's pool timeout names that cap.
 *
 * <p>A config change reaches the pool through {@link #apply}: a server taken offline or removed lends nothing more
 * and closes its idle connections (and, OFFLINE_HARD, its lent ones too); connections made in a way that no longer
 * holds (another TLS setting, the user's password changed) are retired: closed now if idle, when given back if lent.
 */
public final class BackendPool {
    private final PoolKey key;
    private ServerConfig server;
    private Availability availability;
    private final ServerBudget budget;
    private final UserBudget userBudget;
    private final BackendPools loop;
    /** Told by a budget that some pool started waiting for room; hops to this pool's loop. */
    private final Runnable reclaim;
    private final PoolStats stats;
    private final IdleConnections idle = new IdleConnections();
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    /** Every open connection of this pool, idle or lent: OFFLINE_HARD closes them all. */
    private final Set<BackendConnection> connections = new HashSet<>();
    /** Lent connections made before a retirement: closed when given back. */
    private final Set<BackendConnection> retired = new HashSet<>();
    /** Bumped by each retirement, so a connection still being opened then is retired when it arrives. */
    private int generation;
    private int lent;
    /** The budget that had no room the last time a new connection was wanted: the one waiters wait for. */
    private ConnectionBudget blocker;
    /** The budget whose count of waiting pools includes this pool now, or null. */
    private ConnectionBudget countedOn;
    /** The budgets this pool asked to be woken by and has not been woken by since (at most both). */
    private final List<ConnectionBudget> wakes = new ArrayList<>(2);

    private record Waiter(BorrowRequest request, Promise<BackendConnection> promise, long timer, long since) {
    }

    BackendPool(PoolKey key, ServerConfig server, ServerBudget budget, UserBudget userBudget, BackendPools loop,
                Availability availability) {
        this.key = key;
        this.server = server;
        this.budget = budget;
        this.userBudget = userBudget;
        this.loop = loop;
        this.availability = availability;
        this.stats = loop.poolStats(server.address());
        this.reclaim = () -> loop.context().runOnContext(v -> giveBackIdle());
        budget.whenStarving(reclaim);
        userBudget.whenStarving(reclaim);
    }

    /** The pool is dropped: its budgets stop telling it about waiters. */
    void forget() {
        budget.forget(reclaim);
        userBudget.forget(reclaim);
    }

    public PoolKey key() {
        return key;
    }

    ServerBudget budget() {
        return budget;
    }

    UserBudget userBudget() {
        return userBudget;
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
        trim(budget);
        trim(userBudget);
    }

    /**
     * One loop at a time per budget: closing gives the room back at once, so a loop that checks the count while
     * another trims would otherwise see the same excess and close connections the cap still allows.
     */
    private void trim(ConnectionBudget cap) {
        synchronized (cap) {
            while (cap.overCap() && evictOne()) {
                // each call closes one idle connection
            }
        }
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
        if (reserve(true)) {
            return open(request).compose(this::lend);
        }
        Promise<BackendConnection> promise = Promise.promise();
        long timer = loop.vertx().setTimer(loop.poolWaitMs(), id -> timeout(promise));
        waiters.add(new Waiter(request, promise, timer, System.nanoTime()));
        waitForRoom();
        return promise.future();
    }

    /**
     * Reserves room for one new connection in the user's budget, then in the server's; with {@code evict}, an idle
     * connection of this loop that holds the room (of the same user, or to the same server) is closed for it. On
     * failure nothing stays reserved and {@link #blocker} is the budget without room.
     */
    private boolean reserve(boolean evict) {
        if (!userBudget.tryAcquire() && !(evict && loop.evictIdleOfUser(key.user()) && userBudget.tryAcquire())) {
            blocker = userBudget;
            return false;
        }
        if (!budget.tryAcquire() && !(evict && loop.evictIdle(server.address()) && budget.tryAcquire())) {
            userBudget.release(); // wakes a pool of this user that waits, as if the room had never been taken
            blocker = budget;
            return false;
        }
        return true;
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
        if (availability != Availability.ONLINE || (!retired.isEmpty() && retired.remove(connection)) || budget.overCap()
                || userBudget.overCap() || loop.expired(connection) || owesRoomToOthers()) {
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
                loop.metrics().poolWait(System.nanoTime() - waiter.since(), false);
                addLent(1);
                waiter.promise().complete(connection);
                return;
            }
        }
        // Parked even while another pool waits, unless this pool owes it room (checked above): closing every spare
        // connection for a waiter elsewhere made two busy loops trade connections back and forth under short
        // sessions, a backend login each time (bin/bench churn ran at a tenth of the speed).
        idle.add(connection, keepForLastUser);
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
        for (Waiter waiter : waiters) {
            loop.vertx().cancelTimer(waiter.timer());
            waiter.promise().tryFail(cause);
        }
        waiters.clear();
        countWaiting();
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
                    userBudget.release();
                    budget.release();
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
                        userBudget.release();
                        budget.release();
                    });
                });
    }

    /** Every change of {@code lent} goes through here, so the statistics see the peak. */
    private void addLent(int delta) {
        lent += delta;
        stats.lent(delta);
    }

    /** Another event loop or pool gave room in {@code woke} back: open connections for our waiters while it lasts. */
    private void serveWaiters(ConnectionBudget woke) {
        wakes.remove(woke);
        while (!waiters.isEmpty()) {
            if (!reserve(false)) {
                if (woke == budget && blocker == userBudget) {
                    budget.wakeOne(); // the server's room was not taken: it may serve another pool
                }
                waitForRoom();
                return;
            }
            Waiter waiter = waiters.poll();
            countWaiting();
            loop.vertx().cancelTimer(waiter.timer());
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
     * True when sessions of another pool wait for room in this pool's server budget (another event loop or user)
     * or user budget (another event loop or server) and this pool owes them room ({@link #owesRoom}): the
     * connection given back is then closed, so the starving pool can open one, instead of going to this pool's own
     * next waiter (which would keep every connection where it first opened).
     */
    private boolean owesRoomToOthers() {
        return owesRoom(budget, 1) || owesRoom(userBudget, 1);
    }

    /**
     * Another pool started waiting for room in one of our budgets (called on our loop): idle connections this pool
     * owes are closed now, rather than when they are next given back, which on a quiet loop may be never. A quiet
     * pool (nothing lent, nobody waiting) also gives up one idle connection, within its share or not: nobody here
     * uses it now.
     */
    private void giveBackIdle() {
        if (lent == 0 && waiters.isEmpty() && (othersWait(budget) || othersWait(userBudget))) {
            evictOne();
        }
        while (owesRoom(budget, 0) || owesRoom(userBudget, 0)) {
            if (!evictOne()) {
                return;
            }
        }
    }

    /**
     * Whether this pool, with {@code extra} more connections, holds more than its fair share of {@code cap} (the cap
     * divided among the pools that draw on it) while other pools wait for room in it. A pool within its share keeps
     * its connections even when another waits, so busy pools never trade connections back and forth; a pool may
     * go above its share while the cap has room, and gives the excess back once somebody waits. With fewer
     * connections than pools, a connection given back goes to whichever pool has waited longest.
     */
    private boolean owesRoom(ConnectionBudget cap, int extra) {
        if (!othersWait(cap)) {
            return false;
        }
        if (cap.max() < cap.pools()) {
            // fewer connections than pools: they take turns, the pool whose session has waited longest first
            return waiters.isEmpty() || cap.waitedLonger(this, waiters.peek().since());
        }
        return lent + idle.size() + extra > cap.max() / cap.pools();
    }

    private boolean othersWait(ConnectionBudget cap) {
        return cap.waitingPools() - (countedOn == cap ? 1 : 0) > 0;
    }

    /** Keeps the count of waiting pools of the budget our waiters wait for in step with this pool's wait queue. */
    private void countWaiting() {
        ConnectionBudget now = waiters.isEmpty() ? null : blocker;
        if (now != countedOn && countedOn != null) {
            countedOn.stoppedWaiting(this);
        }
        if (now != null) {
            now.waiting(this, waiters.peek().since());
        }
        countedOn = now;
    }

    /**
     * Our waiters need room in {@link #blocker}: asks to be woken when some is given back, then counts this pool as
     * waiting (which may make other pools give room back at once), then looks once more, since room given back
     * before the wake-up was registered would otherwise go unnoticed until the next release.
     */
    private void waitForRoom() {
        registerWake(blocker);
        countWaiting();
        if (blocker.open() < blocker.max()) {
            blocker.wakeOne();
        }
    }

    private void registerWake(ConnectionBudget on) {
        if (!wakes.contains(on)) {
            wakes.add(on);
            on.whenReleased(() -> loop.context().runOnContext(v -> serveWaiters(on)));
        }
    }

    private void timeout(Promise<BackendConnection> promise) {
        for (Waiter waiter : waiters) {
            if (waiter.promise() == promise) {
                loop.metrics().poolWait(System.nanoTime() - waiter.since(), true);
            }
        }
        waiters.removeIf(w -> w.promise() == promise);
        countWaiting();
        promise.tryFail(new PoolTimeoutException(server.address(), loop.poolWaitMs(), blocker.reached()));
    }
}
