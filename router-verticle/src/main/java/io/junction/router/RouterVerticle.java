package io.junction.router;

import io.junction.config.JunctionConfig;
import io.junction.router.backend.BackendConnector;
import io.junction.router.backend.BackendPools;
import io.junction.router.backend.BackendServers;
import io.junction.router.frontend.ClientSession;
import io.junction.router.frontend.RouterContext;
import io.junction.router.routing.QueryRules;
import io.junction.router.stats.RouterMetrics;
import io.junction.router.stats.StatsCollector;
import io.junction.router.stats.StatsSnapshot;
import io.junction.router.tls.ClientSecurity;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One per event loop: accepts client connections and owns their sessions and this loop's backend pools. Node-wide
 * changes arrive through {@link RouterLoops}, on this loop: a new config ({@link #apply}), a drain ({@link #drain}).
 */
public final class RouterVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(RouterVerticle.class);
    private final JunctionConfig config;
    private final NodeLimits limits;
    private final StatsCollector collector;
    private final RouterLoops loops;
    private final RouterMetrics metrics;
    private Runnable statsRegistration = () -> { };
    private BackendPools pools;
    private RouterContext router;
    private NetServer server;
    private ClientSecurity security;
    private long idleSweep = -1;

    RouterVerticle(JunctionConfig config, NodeLimits limits, StatsCollector stats, RouterLoops loops, RouterMetrics metrics) {
        this.config = config;
        this.limits = limits;
        this.collector = stats;
        this.loops = loops;
        this.metrics = metrics;
    }

    @Override
    public Future<?> start() {
        int priority = config.listener().eventLoopPriority();
        if (priority != 0) {
            String failure = LoopPriority.apply(priority);
            if (failure != null) {
                LOG.warn("listener.event_loop_priority {}: {} left at the process's priority: {}", priority,
                        Thread.currentThread().getName(), failure);
            }
        }
        return ClientSecurity.start(vertx, config.tls()).compose(loaded -> {
            security = loaded;
            return listen();
        });
    }

    private Future<?> listen() {
        BackendConnector connector = new BackendConnector(vertx, vertx.createNetClient(TcpOptions.client(config.timeouts().connectMs())),
                config.timeouts().connectMs());
        pools = new BackendPools(vertx, context, connector, limits, config.timeouts(), BackendServers.of(config), metrics);
        statsRegistration = collector.register(context, this::stats);
        router = new RouterContext(vertx, config, limits, pools, metrics);
        server = vertx.createNetServer(TcpOptions.listener(config.listener().host(), config.listener().port()));
        server.connectHandler(socket -> ClientSession.accept(socket, router, security));
        scheduleIdleSweep(config.timeouts().clientIdleMs());
        return server.listen().onSuccess(s -> {
            limits.boundPort(s.actualPort());
            loops.add(this);
        });
    }

    /** Runs a new config on this loop: the snapshot sessions read, the pools, the idle-client sweep. */
    Future<Void> apply(ConfigChanges changes, QueryRules rules) {
        JunctionConfig next = changes.effective();
        long idleBefore = router.config().timeouts().clientIdleMs();
        router.apply(next, rules);
        pools.apply(changes.servers(), changes.retiredUsers(), next.timeouts());
        if (next.timeouts().clientIdleMs() != idleBefore) {
            scheduleIdleSweep(next.timeouts().clientIdleMs());
        }
        return Future.succeededFuture();
    }

    /**
     * Stops listening and closes each session as soon as it is idle outside a transaction; sessions still open after
     * {@code graceMs} are closed anyway. Completes when this loop has no session left and its listener is closed.
     */
    Future<Void> drain(long graceMs) {
        Future<Void> drained = router.drain();
        long deadline = vertx.setTimer(Math.max(1, graceMs), id -> router.closeAll());
        // shutdown, not close: close() would also close every connection accepted, busy or not
        Future<Void> unbound = server.shutdown(graceMs + 1_000, java.util.concurrent.TimeUnit.MILLISECONDS);
        return Future.all(drained, unbound).onComplete(r -> vertx.cancelTimer(deadline)).mapEmpty();
    }

    /** This loop's pools, for node-wide upkeep (a cluster re-split lowers caps). */
    BackendPools pools() {
        return pools;
    }

    /** The event loop this verticle runs on. */
    Context loopContext() {
        return context;
    }

    private void scheduleIdleSweep(long idleMs) {
        if (idleSweep >= 0) {
            vertx.cancelTimer(idleSweep);
            idleSweep = -1;
        }
        if (idleMs > 0) {
            idleSweep = vertx.setPeriodic(Math.max(100, Math.min(1_000, idleMs / 4)), id -> router.closeIdleClients(System.nanoTime()));
        }
    }

    @Override
    public Future<?> stop() {
        loops.remove(this);
        statsRegistration.run();
        router.close();
        if (idleSweep >= 0) {
            vertx.cancelTimer(idleSweep);
        }
        pools.close();
        security.close();
        return server.close();
    }

    /** This loop's statistics; runs on this verticle's event loop only (see {@link StatsCollector}). */
    private StatsSnapshot stats() {
        return new StatsSnapshot(pools.digestStats().snapshot(), pools.poolStats());
    }
}
