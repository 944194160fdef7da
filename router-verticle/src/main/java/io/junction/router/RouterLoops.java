package io.junction.router;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The router verticles of a node, so that a node-wide change (a new config, a cluster re-split, a drain) can be
 * carried to each of them on its own event loop, where it may touch that loop's sessions and pools without locks.
 * Thread-safe.
 */
final class RouterLoops {
    private final List<RouterVerticle> loops = new CopyOnWriteArrayList<>();

    void add(RouterVerticle loop) {
        loops.add(loop);
    }

    void remove(RouterVerticle loop) {
        loops.remove(loop);
    }

    /** Runs {@code action} on every loop, each on its own event loop; completes when all have, failed if one did. */
    Future<Void> onEach(Function<RouterVerticle, Future<?>> action) {
        List<Future<?>> done = new ArrayList<>();
        for (RouterVerticle loop : loops) {
            Promise<Void> ran = Promise.promise();
            loop.loopContext().runOnContext(v -> {
                try {
                    action.apply(loop).onComplete(r -> ran.handle(r.mapEmpty()));
                } catch (RuntimeException e) {
                    ran.fail(e);
                }
            });
            done.add(ran.future());
        }
        return Future.all(done).mapEmpty();
    }
}
