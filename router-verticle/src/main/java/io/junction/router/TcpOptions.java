package io.junction.router;

import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServerOptions;

/**
 * The TCP settings of every socket Junction opens or accepts: no Nagle delay, keep-alive, and TCP_QUICKACK on.
 *
 * <p>Why TCP_QUICKACK: with the native (epoll) transport, Vert.x 5.0 always sets TCP_QUICKACK to the option's value,
 * false by default, and on Linux setting it to 0 puts the socket in "ping-pong" mode. A connecting socket in that
 * mode answers the server's SYN-ACK with a delayed ACK, 200 ms later; MySQL servers speak first, so every new
 * backend connection (and every monitor check) waited 200 ms before the server saw it. Setting it to 1 leaves Linux's
 * default behaviour, acknowledging at once and delaying only when the traffic calls for it.
 */
public final class TcpOptions {

    private TcpOptions() {
    }

    /** Options for connections to backend servers, with a TCP connect timeout of {@code connectTimeoutMs}. */
    public static NetClientOptions client(long connectTimeoutMs) {
        return new NetClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeoutMs))
                .setTcpNoDelay(true)
                .setTcpQuickAck(true)
                .setTcpKeepAlive(true);
    }

    /** Options for the client listener on {@code host}:{@code port}. */
    public static NetServerOptions listener(String host, int port) {
        return new NetServerOptions()
                .setHost(host)
                .setPort(port)
                .setTcpNoDelay(true)
                .setTcpQuickAck(true)
                .setTcpKeepAlive(true);
    }
}
