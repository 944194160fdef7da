package io.junction.router;

import io.junction.config.JunctionConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/** One per event loop: accepts client connections and owns their sessions and this loop's backend pools. */
public final class RouterVerticle extends VerticleBase {
    private final JunctionConfig config;
    private final NodeLimits limits;

    RouterVerticle(JunctionConfig config, NodeLimits limits) {
        this.config = config;
        this.limits = limits;
    }

    @Override
    public Future<?> start() {
        return Future.failedFuture(new UnsupportedOperationException("router not written yet"));
    }
}
