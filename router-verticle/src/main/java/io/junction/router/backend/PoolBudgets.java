package io.junction.router.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One pool's standing in the two caps it draws on, the server's {@link ServerBudget} and the user's
 * {@link UserBudget}: reserving room for a new connection, which of the two its waiters wait for (the
 * {@code blocker}), being counted as waiting and woken when room comes back, and whether it owes room to other pools
 * that wait. Not thread-safe: only the pool's event loop calls it; the budgets call back from any thread.
 */
final class PoolBudgets {
    private final ServerBudget server;
    private final UserBudget user;
    /** The pool, as the budgets know it among the waiting ones. */
    private final Object pool;
    /** Told by a budget that some pool started waiting for room. */
    private final Runnable reclaim;
    /** Told, from any thread, that room came back in a budget this pool asked to be woken by. */
    private final Consumer<ConnectionBudget> roomReturned;
    /** The budget that had no room the last time a new connection was wanted: the one waiters wait for. */
    private ConnectionBudget blocker;
    /** The budget whose count of waiting pools includes this pool now, or null. */
    private ConnectionBudget countedOn;
    /** The budgets this pool asked to be woken by and has not been woken by since (at most both). */
    private final List<ConnectionBudget> wakes = new ArrayList<>(2);

    PoolBudgets(ServerBudget server, UserBudget user, Object pool, Runnable reclaim, Consumer<ConnectionBudget> roomReturned) {
        this.server = server;
        this.user = user;
        this.pool = pool;
        this.reclaim = reclaim;
        this.roomReturned = roomReturned;
        server.whenStarving(reclaim);
        user.whenStarving(reclaim);
    }

    ServerBudget server() {
        return server;
    }

    UserBudget user() {
        return user;
    }

    /** The pool is dropped: its budgets stop telling it about waiters. */
    void forget() {
        server.forget(reclaim);
        user.forget(reclaim);
    }

    /**
     * Reserves room for one new connection in the user's budget, then in the server's; when one is full, its
     * {@code evict} may close an idle connection of this loop that holds the room (null: none may). On failure
     * nothing stays reserved and the full budget is the {@code blocker}.
     */
    boolean reserve(BooleanSupplier evictOfUser, BooleanSupplier evictToServer) {
        if (!user.tryAcquire() && !(evictOfUser != null && evictOfUser.getAsBoolean() && user.tryAcquire())) {
            blocker = user;
            return false;
        }
        if (!server.tryAcquire() && !(evictToServer != null && evictToServer.getAsBoolean() && server.tryAcquire())) {
            user.release(); // wakes a pool of this user that waits, as if the room had never been taken
            blocker = server;
            return false;
        }
        return true;
    }

    /** A connection failed to open: its room goes back to both budgets. */
    void release() {
        user.release();
        server.release();
    }

    /** A connection closed, but the server may still count it: it no longer counts as kept (see {@link #overCap}). */
    void leaving() {
        user.leaving();
        server.leaving();
    }

    /** A connection that was {@link #leaving} is gone on the server too: its room goes back to both budgets. */
    void left() {
        user.left();
        server.left();
    }

    boolean overCap() {
        return server.overCap() || user.overCap();
    }

    /**
     * Closes idle connections with {@code evictOne} while a budget is over its cap. One loop at a time per budget:
     * closing gives the room back at once, so a loop that checks the count while another trims would otherwise see
     * the same excess and close connections the cap still allows.
     */
    void trim(BooleanSupplier evictOne) {
        for (ConnectionBudget cap : List.of(server, user)) {
            synchronized (cap) {
                while (cap.overCap() && evictOne.getAsBoolean()) {
                    // each call closes one idle connection
                }
            }
        }
    }

    /** The cap the waiters wait for, as a pool timeout names it, e.g. {@code max_connections 5}. */
    String reached() {
        return blocker.reached();
    }

    /**
     * Keeps the budgets' count of waiting pools in step with the pool's wait queue: {@code waiting} whether it has
     * waiters, the longest waiting since {@code since} ({@link System#nanoTime}).
     */
    void waiting(boolean waiting, long since) {
        ConnectionBudget now = waiting ? blocker : null;
        if (now != countedOn && countedOn != null) {
            countedOn.stoppedWaiting(pool);
        }
        if (now != null) {
            now.waiting(pool, since);
        }
        countedOn = now;
    }

    /**
     * The pool's waiters need room in the blocker: asks to be woken when some is given back, then counts the pool
     * as waiting (which may make other pools give room back at once), then looks once more, since room given back
     * before the wake-up was registered would otherwise go unnoticed until the next release.
     */
    void waitForRoom(long since) {
        if (!wakes.contains(blocker)) {
            ConnectionBudget on = blocker;
            wakes.add(on);
            on.whenReleased(() -> roomReturned.accept(on));
        }
        waiting(true, since);
        if (blocker.open() < blocker.max()) {
            blocker.wakeOne();
        }
    }

    /**
     * Room came back in {@code woke} but was not enough for a new connection: a server's room this pool cannot use
     * (its user's budget is the full one) is passed on to another pool.
     */
    void couldNotUse(ConnectionBudget woke) {
        if (woke == server && blocker == user) {
            server.wakeOne();
        }
    }

    /** Room came back in {@code woke}: the pool is no longer registered there for a wake-up. */
    void woken(ConnectionBudget woke) {
        wakes.remove(woke);
    }

    /** How long (nanoseconds) the longest-waiting other pool of either budget has waited for room; 0 if none waits. */
    long othersWaited(long now) {
        long server = this.server.othersWaitingSince(pool, now);
        long user = this.user.othersWaitingSince(pool, now);
        return now - (server - user < 0 ? server : user);
    }

    /** Whether another pool waits for room in one of the two budgets. */
    boolean othersWait() {
        return othersWait(server) || othersWait(user);
    }

    /**
     * Whether the pool, holding {@code held} connections (lent and idle), owes room to other pools that wait in one
     * of the budgets: it holds more than its fair share of that cap (the cap divided among the pools that draw on
     * it). A pool within its share keeps its connections even when another waits, so busy pools never trade
     * connections back and forth; a pool may go above its share while the cap has room, and gives the excess back
     * once somebody waits. With fewer connections than pools, a connection given back goes to whichever pool has
     * waited longest: {@code waiting} whether this pool has waiters, the longest since {@code since}.
     */
    boolean owesRoom(int held, boolean waiting, long since) {
        return owesRoom(server, held, waiting, since) || owesRoom(user, held, waiting, since);
    }

    private boolean owesRoom(ConnectionBudget cap, int held, boolean waiting, long since) {
        if (!othersWait(cap)) {
            return false;
        }
        if (cap.max() < cap.pools()) {
            // fewer connections than pools: they take turns, the pool whose session has waited longest first
            return !waiting || cap.waitedLonger(pool, since);
        }
        return held > cap.max() / cap.pools();
    }

    private boolean othersWait(ConnectionBudget cap) {
        return cap.waitingPools() - (countedOn == cap ? 1 : 0) > 0;
    }
}
