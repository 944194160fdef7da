package io.junction.router.backend;

import io.junction.config.ServerConfig;
import io.junction.config.ServerTls;
import io.junction.router.Pipelines;
import io.junction.router.auth.BackendSecret;
import io.junction.router.protocol.Collations;
import io.junction.router.protocol.Packet;
import io.junction.router.protocol.PacketFramer;
import io.junction.router.stats.PoolStats;
import io.junction.router.tls.BackendTls;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;

/**
 * Opens backend connections: TCP connect, {@link BackendLogin} (with the TLS upgrade for servers configured for
 * it), then switches on session tracking. The whole thing must finish within the connect timeout, or the socket
 * is closed and the future fails.
 */
public final class BackendConnector {
    private final Vertx vertx;
    private final NetClient client;
    private long timeoutMs;

    public BackendConnector(Vertx vertx, NetClient client, long timeoutMs) {
        this.vertx = vertx;
        this.client = client;
        this.timeoutMs = timeoutMs;
    }

    /**
     * Changes the deadline of later connects (TCP connect and login together). The TCP connect alone also stays
     * within the NetClient's own connect timeout, fixed when the client was made.
     */
    public void timeout(long ms) {
        timeoutMs = ms;
    }

    /** What a new connection must be: whose, in which schema and character set, with which wire format. */
    public record Request(ServerConfig server, PoolKey key, BackendSecret secret, String schema, int collationId) {
    }

    /** Opens a connection; {@code stats} counts its bytes, the login's included, and its commands. */
    public Future<BackendConnection> open(Request request, PoolStats stats) {
        if (request.server().unixSocket() && !((VertxInternal) vertx).transport().supportsDomainSockets()) {
            return Future.failedFuture(new BackendUnavailableException(request.server().address(),
                    "a Unix socket, which this node's transport (listener.transport) cannot reach"));
        }
        Promise<BackendConnection> opened = Promise.promise();
        long deadlineMs = timeoutMs;
        long timer = vertx.setTimer(deadlineMs, id -> opened.tryFail(new BackendUnavailableException(
                request.server().address(), "no login within " + deadlineMs + " ms")));
        ServerConfig server = request.server();
        client.connect(server.unixSocket() ? SocketAddress.domainSocketAddress(server.host())
                        : SocketAddress.inetSocketAddress(server.port(), server.host()))
                .onFailure(e -> opened.tryFail(new BackendUnavailableException(request.server().address(), e.getMessage())))
                .onSuccess(socket -> login(socket, request, stats, opened));
        return opened.future().onComplete(r -> vertx.cancelTimer(timer));
    }

    private void login(NetSocket socket, Request request, PoolStats stats, Promise<BackendConnection> opened) {
        String address = request.server().address();
        BackendLogin login = new BackendLogin(request.key().user(), request.secret(), request.schema(),
                request.collationId(), request.key().wireFormat(), request.server().tls() != ServerTls.OFF);
        PacketFramer framer = new PacketFramer(1 << 20);
        Pipelines.trim(((NetSocketInternal) socket).channelHandlerContext().pipeline());
        opened.future().onFailure(e -> socket.close());
        socket.closeHandler(v -> opened.tryFail(new BackendUnavailableException(address, "closed during login")));
        socket.exceptionHandler(e -> opened.tryFail(new BackendUnavailableException(address, e.getMessage())));
        socket.handler(bytes -> {
            stats.received(bytes.length());
            try {
                framer.feed(bytes.getBytes(), packet -> step(socket, packet, login.accept(packet.payload()), request, stats, opened));
            } catch (RuntimeException e) {
                opened.tryFail(new BackendUnavailableException(address, "bad login packet: " + e.getMessage()));
            }
        });
    }

    private void step(NetSocket socket, Packet packet, BackendLogin.Step step, Request request, PoolStats stats,
                      Promise<BackendConnection> opened) {
        if (opened.future().isComplete()) {
            return;
        }
        if (step instanceof BackendLogin.Send send) {
            send(socket, packet.nextSequenceId(), send.payload(), stats);
        } else if (step instanceof BackendLogin.StartTls start) {
            startTls(socket, packet.nextSequenceId(), start, request.server(), stats, opened);
        } else if (step instanceof BackendLogin.Failed failed) {
            opened.tryFail(new BackendUnavailableException(request.server().address(), failed.reason()));
        } else if (step instanceof BackendLogin.Done done) {
            SessionState state = SessionState.initial(request.schema(), Collations.byId(request.collationId()));
            BackendConnection connection = new BackendConnection(socket, request.server(), request.key(),
                    new BackendConnection.LoginResult(done.capabilities(), done.greeting().connectionId(),
                            done.greeting().serverVersion()), state, System.nanoTime(), stats);
            connection.runChecked(BackendConnection.TRACKING, System.nanoTime())
                    .onSuccess(v -> {
                        if (!opened.tryComplete(connection)) {
                            connection.close();
                        }
                    })
                    .onFailure(e -> opened.tryFail(new BackendUnavailableException(request.server().address(), e.getMessage())));
        }
    }

    /**
     * Sends the SSLRequest and starts TLS behind it in one step (Vert.x writes the request, then installs the TLS
     * handler), then sends the handshake response over TLS. The server sends nothing until the TLS handshake.
     */
    private void startTls(NetSocket socket, int sequenceId, BackendLogin.StartTls start, ServerConfig server,
                          PoolStats stats, Promise<BackendConnection> opened) {
        byte[] sslRequest = PacketFramer.encode(sequenceId, start.sslRequest());
        stats.sent(sslRequest.length);
        socket.upgradeToSsl(BackendTls.options(server), BackendTls.serverName(server), Buffer.buffer(sslRequest))
                .onSuccess(v -> send(socket, sequenceId + 1, start.response(), stats))
                .onFailure(e -> opened.tryFail(new BackendUnavailableException(server.address(),
                        "TLS (" + server.tls().configName() + "): " + e.getMessage())));
    }

    private static void send(NetSocket socket, int sequenceId, byte[] payload, PoolStats stats) {
        byte[] frame = PacketFramer.encode(sequenceId, payload);
        stats.sent(frame.length);
        socket.write(Buffer.buffer(frame));
    }
}
