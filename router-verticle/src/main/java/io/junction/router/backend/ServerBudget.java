package io.junction.router.backend;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server's cap on backend connections, shared by all event loops of a node. An event loop that cannot open a
 * connection registers as starving; a loop that is about to park a spare idle connection closes it instead when
 * another loop starves, so idle connections on one loop never lock out waiters on another.
 *
 * <p>The cap changes at runtime (a config change, or this node's share of a cluster-wide cap when nodes join or
 * leave): a lower cap takes effect for every later reservation, and connections above it are closed by the pools
 * (idle ones at once, lent ones when given back, see {@link #overCap()}); a higher one wakes starving loops.
 */
public final class ServerBudget {
    private final String address;
    private volatile int max;
    private final AtomicInteger open = new AtomicInteger();
    private final Queue<Runnable> starving = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waitingPools = new AtomicInteger();

    public ServerBudget(String address, int max) {
        this.address = address;
        this.max = max;
    }

    public String address() {
        return address;
    }

    /** The cap now; 0 means no connection may be opened (this node's share of a small cluster-wide cap). */
    public int max() {
        return max;
    }

    /** Changes the cap; a higher one wakes loops that wait for room. */
    public void resize(int newMax) {
        int before = max;
        max = newMax;
        for (int added = newMax - before; added > 0 && !starving.isEmpty(); added--) {
            wakeOne();
        }
    }

    /** True while more connections are open than the cap allows (it was lowered): a connection given back is closed. */
    public boolean overCap() {
        return open.get() > max;
    }

    public int open() {
        return open.get();
    }

    /** Reserves one connection; false when the cap is reached. */
    public boolean tryAcquire() {
        while (true) {
            int now = open.get();
            if (now >= max) {
                return false;
            }
            if (open.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Gives back a reservation (the connection closed or failed to open) and wakes one starving loop. */
    public void release() {
        open.decrementAndGet();
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
     * True while some pool of some event loop has sessions waiting for a connection: an idle connection elsewhere
     * should then be closed, not parked, so the waiting loop can open one. Counts pools, not wake-ups: a wake-up
     * left behind after its pool was served by a release of its own must not close anyone's connections.
     */
    public boolean hasStarving() {
        return waitingPools.get() > 0;
    }

    /** How many pools, on all event loops, have sessions waiting now. */
    public int waitingPools() {
        return waitingPools.get();
    }

    /** A pool's wait queue went from empty to not empty ({@code true}) or back ({@code false}). */
    public void waiting(boolean started) {
        if (started) {
            waitingPools.incrementAndGet();
        } else {
            waitingPools.decrementAndGet();
        }
    }
}
