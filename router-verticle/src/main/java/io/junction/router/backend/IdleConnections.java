package io.junction.router.backend;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The idle connections of one pool, bucketed by session state so a borrower finds one already in its state first.
 * Within a bucket the most recently parked comes first, except connections kept for their last user (ROW_COUNT()
 * right after a write), which go last. Only stores: closing is the pool's job. Not thread-safe.
 */
final class IdleConnections {
    private final Map<SessionState, ArrayDeque<BackendConnection>> buckets = new HashMap<>();
    private int count;

    int size() {
        return count;
    }

    void add(BackendConnection connection, boolean keepForLastUser) {
        ArrayDeque<BackendConnection> bucket = buckets.computeIfAbsent(connection.state(), s -> new ArrayDeque<>());
        if (keepForLastUser) {
            bucket.addLast(connection);
        } else {
            bucket.push(connection);
        }
        count++;
    }

    /** The preferred connection if it is here, else one in the wanted state, else one that can be brought to it; or null. */
    BackendConnection take(BorrowRequest request, PoolKey key) {
        BackendConnection preferred = request.preferred();
        if (preferred != null && preferred.isIdle() && preferred.key().equals(key) && remove(preferred)) {
            return preferred;
        }
        ArrayDeque<BackendConnection> exact = buckets.get(request.state());
        if (exact != null && !exact.isEmpty()) {
            count--;
            return exact.pop();
        }
        for (ArrayDeque<BackendConnection> bucket : buckets.values()) {
            BackendConnection candidate = bucket.peek();
            if (candidate != null && request.fits(candidate)) {
                count--;
                return bucket.pop();
            }
        }
        return null;
    }

    /** Removes a connection if it is here. */
    boolean remove(BackendConnection connection) {
        ArrayDeque<BackendConnection> bucket = buckets.get(connection.state());
        if (bucket != null && bucket.remove(connection)) {
            count--;
            if (bucket.isEmpty()) {
                buckets.remove(connection.state());
            }
            return true;
        }
        return false;
    }

    /** Removes and returns the least recently used connection, or null if there is none. */
    BackendConnection takeOldest() {
        BackendConnection oldest = null;
        for (ArrayDeque<BackendConnection> bucket : buckets.values()) {
            BackendConnection last = bucket.peekLast();
            if (last != null && (oldest == null || last.lastUsedAt() < oldest.lastUsedAt())) {
                oldest = last;
            }
        }
        if (oldest != null) {
            remove(oldest);
        }
        return oldest;
    }

    /** A copy of every idle connection, to walk while closing or pinging some of them. */
    List<BackendConnection> list() {
        List<BackendConnection> all = new ArrayList<>(count);
        buckets.values().forEach(all::addAll);
        return all;
    }

    /** Removes and returns every idle connection. */
    List<BackendConnection> takeAll() {
        List<BackendConnection> all = list();
        buckets.clear();
        count = 0;
        return all;
    }
}
