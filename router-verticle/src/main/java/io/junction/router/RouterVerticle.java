package io.junction.router;

import io.junction.config.JunctionConfig;
import io.junction.router.backend.BackendConnector;
import io.junction.router.backend.BackendPools;
import io.junction.router.frontend.ClientSession;
import io.junction.router.frontend.RouterContext;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;

/** One per event loop: accepts client connections and owns their sessions and this loop's backend pools. */
public final class RouterVerticle extends VerticleBase {
    private final JunctionConfig config;
    private final NodeLimits limits;
    private BackendPools pools;
    private NetServer server;
    private long idleSweep = -1;

    RouterVerticle(JunctionConfig config, NodeLimits limits) {
        this.config = config;
        this.limits = limits;
    }

    @Override
    public Future<?> start() {
        NetClientOptions clientOptions = new NetClientOptions()
                .setConnectTimeout((int) config.timeouts().connectMs())
                .setTcpNoDelay(true)
                .setTcpKeepAlive(true);
        BackendConnector connector = new BackendConnector(vertx, vertx.createNetClient(clientOptions), config.timeouts().connectMs());
        pools = new BackendPools(vertx, context, connector, limits, config.timeouts());
        RouterContext router = new RouterContext(vertx, config, limits, pools);
        server = vertx.createNetServer(new NetServerOptions()
                .setHost(config.listener().host())
                .setPort(config.listener().port())
                .setTcpNoDelay(true)
                .setTcpKeepAlive(true));
        server.connectHandler(socket -> ClientSession.accept(socket, router));
        long idleMs = config.timeouts().clientIdleMs();
        if (idleMs > 0) {
            idleSweep = vertx.setPeriodic(Math.max(100, Math.min(1_000, idleMs / 4)), id -> router.closeIdleClients(System.nanoTime()));
        }
        return server.listen().onSuccess(s -> limits.boundPort(s.actualPort()));
    }

    @Override
    public Future<?> stop() {
        if (idleSweep >= 0) {
            vertx.cancelTimer(idleSweep);
        }
        pools.close();
        return server.close();
    }
}
