package io.junction.router.backend;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The sessions waiting for a connection of one pool, oldest first, each until its deadline. One timer serves them
 * all: it is armed for the earliest deadline and, when it fires, hands every waiter past its deadline to
 * {@code expired} and re-arms for the next. Under load nearly every borrow waits a little; a Vert.x timer set and
 * cancelled per waiter cost more than anything else the pool does per statement. Not thread-safe: only the pool's
 * event loop touches it.
 */
final class PoolWaiters {
    private static final long NO_TIMER = -1;

    record Waiter(BorrowRequest request, Promise<BackendConnection> promise, long since, long deadline) {
    }

    private final ArrayDeque<Waiter> queue = new ArrayDeque<>();
    private final Vertx vertx;
    private final Consumer<Waiter> expired;
    private long timer = NO_TIMER;
    /** When the armed timer fires ({@link System#nanoTime}). */
    private long timerDue;

    /** {@code expired} is called for each waiter whose deadline passed, after it left the queue. */
    PoolWaiters(Vertx vertx, Consumer<Waiter> expired) {
        this.vertx = vertx;
        this.expired = expired;
    }

    /** Queues a waiter that gives up after {@code waitMs}; returns its future. */
    Promise<BackendConnection> add(BorrowRequest request, long waitMs) {
        long now = System.nanoTime();
        Waiter waiter = new Waiter(request, Promise.promise(), now, now + waitMs * 1_000_000);
        queue.add(waiter);
        if (timer == NO_TIMER || waiter.deadline() - timerDue < 0) {
            arm(waiter.deadline(), now);
        }
        return waiter.promise();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    int size() {
        return queue.size();
    }

    /** When the longest-waiting session started to wait; 0 when nobody waits. */
    long oldestSince() {
        Waiter oldest = queue.peek();
        return oldest == null ? 0 : oldest.since();
    }

    /** Takes the longest-waiting one, or null. */
    Waiter poll() {
        return queue.poll();
    }

    /** Takes the longest-waiting one if {@code connection} suits it; null if nobody waits or it does not. */
    Waiter takeOldestIfFits(BackendConnection connection) {
        Waiter oldest = queue.peek();
        return oldest != null && oldest.request().fits(connection) ? queue.poll() : null;
    }

    /** Takes them all and stops the timer. */
    List<Waiter> takeAll() {
        List<Waiter> all = new ArrayList<>(queue);
        queue.clear();
        if (timer != NO_TIMER) {
            vertx.cancelTimer(timer);
            timer = NO_TIMER;
        }
        return all;
    }

    private void arm(long deadline, long now) {
        if (timer != NO_TIMER) {
            vertx.cancelTimer(timer);
        }
        long delayMs = Math.max(1, (deadline - now + 999_999) / 1_000_000);
        timerDue = deadline;
        timer = vertx.setTimer(delayMs, id -> fire());
    }

    private void fire() {
        timer = NO_TIMER;
        long now = System.nanoTime();
        List<Waiter> late = new ArrayList<>();
        long next = 0;
        boolean more = false;
        for (Iterator<Waiter> it = queue.iterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            if (waiter.deadline() - now <= 0) {
                it.remove();
                late.add(waiter);
            } else if (!more || waiter.deadline() - next < 0) {
                next = waiter.deadline();
                more = true;
            }
        }
        if (more) {
            arm(next, now);
        }
        late.forEach(expired);
    }
}
