package io.junction.router.stats;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Gathers the statistics of a node's router verticles. Each verticle registers a supplier of its own snapshot
 * together with its context; {@link #collect()} runs every supplier on its own event loop (the per-loop stats are
 * not thread-safe, so only that loop may read them) and merges the answers. Thread-safe.
 */
public final class StatsCollector {
    private final List<Source> sources = new CopyOnWriteArrayList<>();

    private record Source(Context context, Supplier<StatsSnapshot> part) {
    }

    /**
     * Adds a verticle's snapshot supplier, to be run on {@code context}.
     *
     * @return removes the supplier again (call it when the verticle stops)
     */
    public Runnable register(Context context, Supplier<StatsSnapshot> part) {
        Source source = new Source(context, part);
        sources.add(source);
        return () -> sources.remove(source);
    }

    /** Every registered part, each taken on its own event loop, merged with {@link StatsSnapshot#merge}. */
    public Future<StatsSnapshot> collect() {
        List<Future<StatsSnapshot>> parts = new ArrayList<>();
        for (Source source : sources) {
            Promise<StatsSnapshot> part = Promise.promise();
            source.context().runOnContext(v -> {
                try {
                    part.complete(source.part().get());
                } catch (RuntimeException e) {
                    part.fail(e);
                }
            });
            parts.add(part.future());
        }
        return Future.all(parts).map(all -> StatsSnapshot.merge(all.list()));
    }
}
