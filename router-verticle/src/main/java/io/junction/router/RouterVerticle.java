package io.junction.router;

import io.junction.config.JunctionConfig;
import io.junction.router.backend.BackendConnector;
import io.junction.router.backend.BackendPools;
import io.junction.router.frontend.ClientSession;
import io.junction.router.frontend.RouterContext;
import io.junction.router.stats.StatsCollector;
import io.junction.router.stats.StatsSnapshot;
import io.junction.router.tls.ClientSecurity;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;

/** One per event loop: accepts client connections and owns their sessions and this loop's backend pools. */
public final class RouterVerticle extends VerticleBase {
    private final JunctionConfig config;
    private final NodeLimits limits;
    private final StatsCollector collector;
    private Runnable statsRegistration = () -> { };
    private BackendPools pools;
    private NetServer server;
    private ClientSecurity security;
    private long idleSweep = -1;

    RouterVerticle(JunctionConfig config, NodeLimits limits, StatsCollector stats) {
        this.config = config;
        this.limits = limits;
        this.collector = stats;
    }

    @Override
    public Future<?> start() {
        return ClientSecurity.start(vertx, config.tls()).compose(loaded -> {
            security = loaded;
            return listen();
        });
    }

    private Future<?> listen() {
        NetClientOptions clientOptions = new NetClientOptions()
                .setConnectTimeout((int) config.timeouts().connectMs())
                .setTcpNoDelay(true)
                .setTcpKeepAlive(true);
        BackendConnector connector = new BackendConnector(vertx, vertx.createNetClient(clientOptions), config.timeouts().connectMs());
        pools = new BackendPools(vertx, context, connector, limits, config.timeouts());
        statsRegistration = collector.register(context, this::stats);
        RouterContext router = new RouterContext(vertx, config, limits, pools);
        server = vertx.createNetServer(new NetServerOptions()
                .setHost(config.listener().host())
                .setPort(config.listener().port())
                .setTcpNoDelay(true)
                .setTcpKeepAlive(true));
        server.connectHandler(socket -> ClientSession.accept(socket, router, security));
        long idleMs = config.timeouts().clientIdleMs();
        if (idleMs > 0) {
            idleSweep = vertx.setPeriodic(Math.max(100, Math.min(1_000, idleMs / 4)), id -> router.closeIdleClients(System.nanoTime()));
        }
        return server.listen().onSuccess(s -> limits.boundPort(s.actualPort()));
    }

    @Override
    public Future<?> stop() {
        statsRegistration.run();
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
