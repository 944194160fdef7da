package io.junction.bench.client;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;

/** The Vert.x instance and socket clients of an async load generator. */
public final class LoadVertx {
    private static final int CONNECT_TIMEOUT_MS = 20_000;
    private static final String DEFAULT_SOURCE = "127.0.0.1";

    private LoadVertx() {
    }

    /** Two event loops (the machine has two cores, shared with Junction and MariaDB), epoll when present. */
    public static Vertx create() {
        return Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(2));
    }

    /**
     * A client whose sockets leave from {@code localAddress} (one of 127.0.0.x), or the default one when null.
     *
     * <p>The default source, 127.0.0.1, is left to the kernel rather than bound: a socket bound before it connects
     * gets its port from a search that knows nothing of the destination, which with some thousands of sockets open
     * took most of the load generator's CPU; an unbound one gets its port at connect, from the four-tuple.
     *
     * <p>TCP_QUICKACK is set on: Vert.x's epoll transport otherwise sets it off before connecting, and Linux then
     * acknowledges the server's SYN-ACK only when the delayed-ACK timer fires, so that every connect to a server that
     * speaks first (MySQL) waited 200 ms.
     */
    public static NetClient client(Vertx vertx, String localAddress) {
        NetClientOptions options = new NetClientOptions().setTcpNoDelay(true).setTcpQuickAck(true)
                .setConnectTimeout(CONNECT_TIMEOUT_MS);
        if (localAddress != null && !localAddress.equals(DEFAULT_SOURCE)) {
            options.setLocalAddress(localAddress);
        }
        return vertx.createNetClient(options);
    }
}
