package io.junction.bench.client;

import io.junction.router.protocol.Command;
import io.junction.router.protocol.Packet;
import io.junction.router.protocol.PacketFramer;
import io.junction.router.protocol.ResponseScanner;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;

/**
 * A MySQL text-protocol client on a Vert.x socket, for the benchmarks that hold thousands of connections (idle,
 * multiplex). One statement at a time; rows are counted, never decoded. Everything runs on the socket's event
 * loop: {@link #query} hops there when called from another thread.
 */
public final class AsyncConnection {
    private static final long MAX_PACKET = 64L * 1024 * 1024;

    private enum State { LOGIN, READY, BUSY, CLOSED }

    private final NetSocket socket;
    private final Context context;
    private final PacketFramer framer = new PacketFramer(MAX_PACKET);
    private final ClientLogin login;
    private final Promise<AsyncConnection> opened;
    private State state = State.LOGIN;
    private int capabilities;
    private ResponseScanner scanner;
    private Promise<Long> pending;

    private AsyncConnection(NetSocket socket, Context context, ClientLogin login) {
        this.socket = socket;
        this.context = context;
        this.login = login;
        this.opened = Promise.promise();
    }

    /** Connects with {@code client} (which fixes the source address) and logs in. */
    public static Future<AsyncConnection> open(NetClient client, Endpoint endpoint) {
        return client.connect(endpoint.port(), endpoint.host()).compose(socket -> {
            AsyncConnection connection = new AsyncConnection(socket, Vertx.currentContext(), endpoint.login());
            socket.handler(connection::received);
            socket.closeHandler(v -> connection.closed());
            socket.exceptionHandler(connection::failed);
            return connection.opened.future();
        });
    }

    /** Runs a statement; completes on this connection's event loop with the row count, or fails on ERR. */
    public Future<Long> query(byte[] comQueryPayload) {
        if (Context.isOnEventLoopThread() && Vertx.currentContext() == context) {
            return send(comQueryPayload);
        }
        Promise<Long> hop = Promise.promise();
        context.runOnContext(v -> send(comQueryPayload).onComplete(hop));
        return hop.future();
    }

    private Future<Long> send(byte[] comQueryPayload) {
        if (state != State.READY) {
            return Future.failedFuture(new MysqlException("connection is " + state + ", not ready for a statement"));
        }
        state = State.BUSY;
        scanner = new ResponseScanner(ResponseScanner.Shape.RESULT, capabilities);
        pending = Promise.promise();
        Future<Long> result = pending.future();
        socket.write(Buffer.buffer(PacketFramer.encode(0, comQueryPayload)));
        return result;
    }

    /** Sends COM_QUIT and closes the socket. */
    public void close() {
        context.runOnContext(v -> {
            if (state != State.CLOSED) {
                socket.write(Buffer.buffer(PacketFramer.encode(0, new byte[] {(byte) Command.QUIT})));
                socket.close();
            }
        });
    }

    public boolean isOpen() {
        return state != State.CLOSED;
    }

    private void received(Buffer chunk) {
        try {
            framer.feed(chunk.getBytes(), this::packet);
        } catch (RuntimeException e) {
            failed(e);
            socket.close();
        }
    }

    private void packet(Packet packet) {
        switch (state) {
            case LOGIN -> loginPacket(packet);
            case BUSY -> responsePacket(packet);
            default -> throw new MysqlException("unexpected packet while " + state);
        }
    }

    private void loginPacket(Packet packet) {
        ClientLogin.Step step = login.accept(packet.payload());
        if (step instanceof ClientLogin.Send send) {
            socket.write(Buffer.buffer(PacketFramer.encode(packet.nextSequenceId(), send.payload())));
        } else if (step instanceof ClientLogin.Done done) {
            capabilities = done.capabilities();
            state = State.READY;
            opened.tryComplete(this);
        } else {
            failed(new MysqlException("login failed: " + ((ClientLogin.Failed) step).reason()));
            socket.close();
        }
    }

    private void responsePacket(Packet packet) {
        scanner.accept(packet.payload());
        if (!scanner.done()) {
            return;
        }
        state = State.READY;
        Promise<Long> done = pending;
        pending = null;
        if (scanner.error() != null) {
            done.fail(MysqlException.of(scanner.error()));
        } else {
            done.complete(scanner.rows());
        }
    }

    private void closed() {
        state = State.CLOSED;
        failed(new MysqlException("connection closed by the server"));
    }

    private void failed(Throwable cause) {
        opened.tryFail(cause);
        if (pending != null) {
            Promise<Long> lost = pending;
            pending = null;
            lost.tryFail(cause);
        }
    }
}
