package io.junction.router.backend;

import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A cap on open backend connections, shared by all event loops of a node: a server's ({@link ServerBudget}) or a
 * user's ({@link UserBudget}). A new connection needs room in both its server's and its user's budget; an idle one
 * is lent without asking either, since it is counted already. An event loop that cannot open a connection
 * registers as starving, and every pool of the budget hears of it: a pool that holds more than its fair share (the
 * cap divided among the pools that draw on it) closes idle connections above it at once, and closes connections
 * given back instead of parking them, and a quiet pool gives up an idle one once the waiter has waited a moment
 * ({@link BackendPool#QUIET_GRACE_NANOS}), so idle connections on one loop never lock out waiters on another. A busy
 * pool within its share keeps what it has: closing every spare connection for any waiter elsewhere made busy loops
 * trade connections back and forth, a backend login each time.
 *
 * <p>The cap changes at runtime (a config change, or this node's share of a cluster-wide cap when nodes join or
 * leave): a lower cap takes effect for every later reservation, and connections above it are closed by the pools
 * (idle ones at once, lent ones when given back, see {@link #overCap()}); a higher one wakes starving loops.
 */
public abstract sealed class ConnectionBudget permits ServerBudget, UserBudget {
    private volatile int max;
    private final AtomicInteger open = new AtomicInteger();
    /** Of the open ones, those closed by Junction that the server may still count: no room yet, but no longer kept. */
    private final AtomicInteger leaving = new AtomicInteger();
    private final Queue<Runnable> starving = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waitingPools = new AtomicInteger();
    private final Set<Runnable> holders = ConcurrentHashMap.newKeySet();
    /** The waiting pools and since when their longest waiter waits; only the pool's own loop writes its entry. */
    private final Map<Object, AtomicLong> waitingSince = new ConcurrentHashMap<>();

    ConnectionBudget(int max) {
        this.max = max;
    }

    /** The cap that stopped a statement which then timed out, for its error, e.g. {@code max_connections 5}. */
    abstract String reached();

    /** The cap now; 0 means no connection may be opened (this node's share of a small cluster-wide cap). */
    public int max() {
        return max;
    }

    /** Changes the cap; a higher one wakes loops that wait for room. */
    public void resize(int newMax) {
        int before = max;
        max = newMax;
        for (long added = (long) newMax - before; added > 0 && !starving.isEmpty(); added--) {
            wakeOne();
        }
    }

    /**
     * True while more connections are kept than the cap allows (it was lowered): a connection given back is closed.
     * Connections already closing do not count here, or every pool would close one more while they finish.
     */
    public boolean overCap() {
        return open.get() - leaving.get() > max;
    }

    public int open() {
        return open.get();
    }

    /** Reserves one connection; false when the cap is reached. */
    public boolean tryAcquire() {
        return incrementBelow(open, max);
    }

    /** Adds one to {@code counter} unless that would pass {@code max}; atomic against other threads doing the same. */
    public static boolean incrementBelow(AtomicInteger counter, int max) {
        while (true) {
            int now = counter.get();
            if (now >= max) {
                return false;
            }
            if (counter.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Gives back a reservation (the connection failed to open) and wakes one starving loop. */
    public void release() {
        open.decrementAndGet();
        wakeOne();
    }

    /**
     * A connection closed; its room comes back with {@link #left}, once the server has let go of it too, so that the
     * server never sees more connections than the cap.
     */
    void leaving() {
        leaving.incrementAndGet();
    }

    /** A {@link #leaving} connection is gone on the server's side: its room comes back. */
    void left() {
        open.decrementAndGet();
        leaving.decrementAndGet();
        wakeOne();
    }

    /** Passes a wake-up on to the next starving loop (one that was woken but no longer needed it). */
    public void wakeOne() {
        Runnable wake = starving.poll();
        if (wake != null) {
            wake.run();
        }
    }

    /** Asks to be called back (from any thread) when a reservation is given back. */
    public void whenReleased(Runnable wake) {
        starving.add(wake);
    }

    /**
     * True while some pool of some event loop has sessions waiting for room in this budget: an idle connection
     * elsewhere should then be closed, not parked, so the waiting loop can open one. Counts pools, not wake-ups: a
     * wake-up left behind after its pool was served by a release of its own must not close anyone's connections.
     */
    public boolean hasStarving() {
        return waitingPools.get() > 0;
    }

    /** How many pools, on all event loops, have sessions waiting for room in this budget now. */
    public int waitingPools() {
        return waitingPools.get();
    }

    /**
     * {@code pool} has sessions waiting for room in this budget, the longest since {@code since} ({@link System#nanoTime}).
     * Called again, on the pool's event loop only, whenever that changes; the first call tells every pool of the budget
     * (see {@link #whenStarving}).
     */
    void waiting(Object pool, long since) {
        AtomicLong counted = waitingSince.get(pool);
        if (counted != null) {
            counted.set(since); // on every hand-off under load: no boxing, no map write
            return;
        }
        waitingSince.put(pool, new AtomicLong(since));
        waitingPools.incrementAndGet();
        holders.forEach(Runnable::run);
    }

    /** {@code pool} has nobody waiting for room in this budget any more. */
    void stoppedWaiting(Object pool) {
        if (waitingSince.remove(pool) != null) {
            waitingPools.decrementAndGet();
        }
    }

    /** Whether some pool other than {@code pool} has waited for room longer than since {@code since}. */
    boolean waitedLonger(Object pool, long since) {
        return othersWaitingSince(pool, since) - since < 0;
    }

    /**
     * Since when ({@link System#nanoTime}) the longest-waiting pool other than {@code pool} has waited for room in
     * this budget; {@code now} when no other pool waits.
     */
    long othersWaitingSince(Object pool, long now) {
        long oldest = now;
        for (Map.Entry<Object, AtomicLong> entry : waitingSince.entrySet()) {
            long since = entry.getValue().get();
            if (entry.getKey() != pool && since - oldest < 0) {
                oldest = since;
            }
        }
        return oldest;
    }

    /** Asks to be called (from any thread) whenever a pool starts waiting for room in this budget. */
    void whenStarving(Runnable holder) {
        holders.add(holder);
    }

    /** How many pools draw on this budget (registered with {@link #whenStarving}): its cap is shared fairly among them. */
    int pools() {
        return holders.size();
    }

    /** Undoes {@link #whenStarving}: the pool is gone. */
    void forget(Runnable holder) {
        holders.remove(holder);
    }
}
