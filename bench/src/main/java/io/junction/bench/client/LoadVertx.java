package io.junction.bench.client;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;

/** The Vert.x instance and socket clients of an async load generator. */
public final class LoadVertx {
    private static final int CONNECT_TIMEOUT_MS = 20_000;

    private LoadVertx() {
    }

    /** Two event loops (the machine has two cores, shared with Junction and MariaDB), epoll when present. */
    public static Vertx create() {
        return Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(2));
    }

    /** A client whose sockets leave from {@code localAddress} (one of 127.0.0.x), or the default one when null. */
    public static NetClient client(Vertx vertx, String localAddress) {
        NetClientOptions options = new NetClientOptions().setTcpNoDelay(true).setConnectTimeout(CONNECT_TIMEOUT_MS);
        if (localAddress != null) {
            options.setLocalAddress(localAddress);
        }
        return vertx.createNetClient(options);
    }
}
