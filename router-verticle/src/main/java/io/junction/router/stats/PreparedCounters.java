package io.junction.router.stats;

import java.util.concurrent.atomic.LongAdder;

/** Prepared statements across a node's backend connections: shared by its event loops, read by metrics. */
public final class PreparedCounters {
    private final LongAdder prepared = new LongAdder();
    private final LongAdder reprepared = new LongAdder();
    private final LongAdder evicted = new LongAdder();

    /** A client prepared a statement (on the connection that answered it). */
    public void prepared() {
        prepared.increment();
    }

    /** A statement was prepared again on another connection before it could run there. */
    public void reprepared() {
        reprepared.increment();
    }

    /** A connection closed its least recently used statement to stay within its cap. */
    public void evicted() {
        evicted.increment();
    }

    public long preparedCount() {
        return prepared.sum();
    }

    public long repreparedCount() {
        return reprepared.sum();
    }

    public long evictedCount() {
        return evicted.sum();
    }
}
