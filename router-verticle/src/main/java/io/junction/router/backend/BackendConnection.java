package io.junction.router.backend;

import io.junction.config.ServerConfig;
import io.junction.router.protocol.ComQuery;
import io.junction.router.protocol.Command;
import io.junction.router.protocol.MalformedPacketException;
import io.junction.router.protocol.OkPacket;
import io.junction.router.protocol.Packet;
import io.junction.router.protocol.PacketFramer;
import io.junction.router.protocol.ResponseScanner;
import io.junction.router.protocol.SessionStateChanges;
import io.junction.router.stats.PoolStats;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One logged-in connection to a backend server, used by one session at a time. It runs one command at a time,
 * follows each response with a {@link ResponseScanner}, and keeps the {@link SessionState} the server reports
 * (schema and variables from session-tracking data in OK packets) up to date.
 */
public final class BackendConnection {
    private static final Logger LOG = LoggerFactory.getLogger(BackendConnection.class);
    /** How long an idle connection Junction closes waits for the server to hang up after COM_QUIT. */
    static final long QUIT_GRACE_MS = 2_000;
    /** Asks the server to report every variable, schema and other state change in OK packets. */
    static final String TRACKING = "SET SESSION session_track_system_variables = '*', "
            + "SESSION session_track_schema = ON, SESSION session_track_state_change = ON";

    private enum State { IDLE, BUSY, CLOSED }

    private final NetSocket socket;
    private final ServerConfig server;
    private final PoolKey key;
    private final long threadId;
    private final String serverVersion;
    private final long createdAt;
    private final PoolStats stats;
    private final PacketFramer framer = new PacketFramer(Long.MAX_VALUE);
    private int capabilities;
    private SessionState state;
    private State phase = State.IDLE;
    private ResponseScanner scanner;
    private ResponseListener listener;
    private Runnable closeHook = () -> { };
    private Runnable goneHook = () -> { };
    private boolean gone;
    /** Hangs up on a server that has not done so within {@link #QUIT_GRACE_MS} of COM_QUIT. */
    private ScheduledFuture<?> quitDeadline;
    /** Why the connection closed, for a session that finds it closed at its next statement. */
    private String closedBecause;
    private long lastUsedAt;
    private long uses;
    private long lastInsertId;
    private final PreparedCache prepared;

    BackendConnection(NetSocket socket, ServerConfig server, PoolKey key, LoginResult login, SessionState state, long now,
                      PoolStats stats) {
        this.prepared = new PreparedCache(preparedCapacity(server));
        this.socket = socket;
        this.server = server;
        this.key = key;
        this.capabilities = login.capabilities();
        this.threadId = login.threadId();
        this.serverVersion = login.serverVersion();
        this.state = state;
        this.createdAt = now;
        this.lastUsedAt = now;
        this.stats = stats;
        socket.handler(this::onBytes);
        socket.closeHandler(v -> {
            onClosed(new BackendLostException("backend " + server.address() + " closed the connection", null));
            gone();
        });
        socket.exceptionHandler(e -> {
            LOG.debug("backend {} connection {} failed", server.address(), threadId, e);
            socket.close();
        });
    }

    /** The result of logging in, taken over by the connection. */
    record LoginResult(int capabilities, long threadId, String serverVersion) {
    }

    public ServerConfig server() {
        return server;
    }

    public PoolKey key() {
        return key;
    }

    /** The server's id for this connection (what CONNECTION_ID() returns on it). */
    public long threadId() {
        return threadId;
    }

    public String serverVersion() {
        return serverVersion;
    }

    /** Capabilities negotiated with the server. */
    public int capabilities() {
        return capabilities;
    }

    /** Flips CLIENT_MULTI_STATEMENTS after a COM_SET_OPTION the server accepted. */
    public void setMultiStatements(boolean on) {
        capabilities = on ? capabilities | io.junction.router.protocol.Capabilities.CLIENT_MULTI_STATEMENTS
                : capabilities & ~io.junction.router.protocol.Capabilities.CLIENT_MULTI_STATEMENTS;
    }

    public SessionState state() {
        return state;
    }

    /** Records the state a successful sync or reset brought the connection to. */
    void assumeState(SessionState reached) {
        state = reached;
    }

    /**
     * How many statements one connection keeps prepared: MariaDB's default max_prepared_stmt_count (16382) shared
     * by the server's max_connections, at most 256.
     */
    static int preparedCapacity(ServerConfig server) {
        return Math.max(8, Math.min(256, 16_382 / Math.max(1, server.maxConnections())));
    }

    /** The statements prepared on this connection. */
    public PreparedCache prepared() {
        return prepared;
    }

    /** Prepares {@code sql} here (COM_STMT_PREPARE) and completes with the server's statement id. */
    public Future<Long> prepareStatement(byte[] sql, long now) {
        Promise<Long> id = Promise.promise();
        byte[] command = new byte[sql.length + 1];
        command[0] = (byte) Command.STMT_PREPARE;
        System.arraycopy(sql, 0, command, 1, sql.length);
        execute(command, ResponseScanner.Shape.PREPARE, new ResponseListener() {
            private long statementId = -1;

            @Override
            public void onPacket(Packet packet, ResponseScanner.Kind kind) {
                if (kind == ResponseScanner.Kind.PREPARE_OK) {
                    statementId = io.junction.router.protocol.ComStmtPrepareOk.decode(packet.payload()).statementId();
                }
            }

            @Override
            public void onEnd(ResponseScanner scanner) {
                if (scanner.error() != null) {
                    id.fail(new BackendErrorException(scanner.error()));
                } else {
                    id.complete(statementId);
                }
            }

            @Override
            public void onFailure(Throwable cause) {
                id.fail(cause);
            }
        }, now);
        return id.future();
    }

    /** What LAST_INSERT_ID() returns on this connection, as its OK packets reported it. */
    public long lastInsertId() {
        return lastInsertId;
    }

    /** Records a LAST_INSERT_ID value Junction set (or a reset cleared). */
    void assumeLastInsertId(long value) {
        lastInsertId = value;
    }

    public long createdAt() {
        return createdAt;
    }

    public long lastUsedAt() {
        return lastUsedAt;
    }

    /** Commands run so far; tells a session whether anyone else used the connection since it did. */
    public long uses() {
        return uses;
    }

    public boolean isOpen() {
        return phase != State.CLOSED;
    }

    public boolean isIdle() {
        return phase == State.IDLE;
    }

    /** Called once when the connection closes, for whatever reason: from then on it cannot be used. */
    void onClose(Runnable hook) {
        this.closeHook = hook;
    }

    /**
     * Called once, after {@link #onClose}, when the connection is gone on the server's side too: the server hung up
     * (after COM_QUIT, or on its own), or Junction closed the socket. Until then the server still counts it, against
     * its max_connections or a user's max_user_connections.
     */
    void whenGone(Runnable hook) {
        this.goneHook = hook;
    }

    /**
     * Sends a command and hands its response, packet by packet, to {@code listener}. On a connection that has
     * closed meanwhile (killed on the server while a session held it), the listener fails at once.
     */
    public void execute(byte[] command, ResponseScanner.Shape shape, ResponseListener listener, long now) {
        if (phase == State.CLOSED) {
            listener.onFailure(new BackendLostException(this + " was closed before the statement was sent: " + closedBecause, null));
            return;
        }
        if (phase != State.IDLE) {
            throw new IllegalStateException("backend connection " + threadId + " is " + phase);
        }
        phase = State.BUSY;
        uses++;
        lastUsedAt = now;
        this.scanner = new ResponseScanner(shape, capabilities);
        this.listener = listener;
        stats.executed();
        write(PacketFramer.encode(0, command));
    }

    /** Sends a command that has no response (COM_STMT_CLOSE, COM_STMT_SEND_LONG_DATA). */
    public void send(byte[] command, long now) {
        uses++;
        lastUsedAt = now;
        write(PacketFramer.encode(0, command));
    }

    /** Forwards a packet the client sends in the middle of a response (LOAD DATA LOCAL INFILE contents). */
    public void forward(Packet packet) {
        write(PacketFramer.encode(packet));
    }

    private void write(byte[] frame) {
        stats.sent(frame.length);
        socket.write(Buffer.buffer(frame));
    }

    /** Runs a command of Junction's own and completes with its scanner (check {@code error()}). */
    public Future<ResponseScanner> run(byte[] command, ResponseScanner.Shape shape, long now) {
        ResponseEnd end = new ResponseEnd();
        execute(command, shape, end, now);
        return end.future();
    }

    /** Runs an SQL statement of Junction's own; fails if the server answers with an error. */
    public Future<Void> runChecked(String sql, long now) {
        return run(ComQuery.of(sql).encode(), ResponseScanner.Shape.RESULT, now).compose(BackendConnection::checked);
    }

    /** Runs a query of Junction's own and completes with its first row (values as text, null for NULL). */
    public Future<List<String>> queryRow(String sql, long now) {
        FirstRow row = new FirstRow(sql);
        execute(ComQuery.of(sql).encode(), ResponseScanner.Shape.RESULT, row, now);
        return row.future();
    }

    /** COM_PING. */
    public Future<Void> ping(long now) {
        return run(new byte[] {(byte) Command.PING}, ResponseScanner.Shape.SINGLE, now).compose(BackendConnection::checked);
    }

    static Future<Void> checked(ResponseScanner scanner) {
        return scanner.error() == null ? Future.succeededFuture() : Future.failedFuture(new BackendErrorException(scanner.error()));
    }

    public void pause() {
        socket.pause();
    }

    public void resume() {
        socket.resume();
    }

    public void close() {
        close("backend connection closed by Junction");
    }

    /** Closes the connection; a command in flight fails with {@code reason} (its client sees it in error 2013). */
    public void close(String reason) {
        if (phase == State.IDLE) {
            quit();
        } else if (phase != State.CLOSED) {
            socket.close(); // a statement is running: hanging up stops it sooner than a COM_QUIT queued behind it
        }
        if (phase != State.CLOSED) {
            onClosed(new BackendLostException(reason, null));
        }
    }

    /**
     * Asks the server to end the session and leaves the hang-up to it, so that the connection has left the server's
     * process list when {@link #whenGone} runs: a budget that took the room back at once let a new connection log in
     * while the server still listed the old one, one more than the cap as the server sees it.
     */
    private void quit() {
        write(PacketFramer.encode(0, new byte[] {(byte) Command.QUIT}));
        quitDeadline = ((NetSocketInternal) socket).channelHandlerContext().executor().schedule(() -> {
            socket.close();
        }, QUIT_GRACE_MS, TimeUnit.MILLISECONDS);
    }

    private void gone() {
        if (!gone) {
            gone = true;
            if (quitDeadline != null) {
                quitDeadline.cancel(false);
            }
            goneHook.run();
        }
    }

    private void onBytes(Buffer buffer) {
        stats.received(buffer.length());
        if (phase == State.CLOSED) {
            return; // between COM_QUIT and the server's hang-up nothing should come, and nothing is wanted
        }
        try {
            framer.feed(buffer.getBytes(), this::onPacket);
            if (listener != null) {
                listener.flush();
            }
        } catch (RuntimeException e) {
            LOG.warn("backend {} sent bad data on connection {}: {}", server.address(), threadId, e.toString());
            socket.close();
            onClosed(new BackendLostException("backend " + server.address() + " sent bad data: " + e.getMessage(), e));
        }
    }

    private void onPacket(Packet packet) {
        if (phase != State.BUSY) {
            throw new MalformedPacketException("unexpected packet from an idle backend connection");
        }
        ResponseScanner.Kind kind = scanner.accept(packet.payload());
        if (kind == ResponseScanner.Kind.OK) {
            track(scanner.lastOk());
        }
        ResponseListener current = listener;
        current.onPacket(packet, kind);
        if (scanner.done() && phase == State.BUSY) {
            phase = State.IDLE;
            listener = null;
            current.onEnd(scanner);
        }
    }

    private void track(OkPacket ok) {
        if (ok.lastInsertId() != 0) {
            lastInsertId = ok.lastInsertId();
        }
        if (ok.sessionStateChanges().length > 0) {
            state = state.apply(SessionStateChanges.decode(ok.sessionStateChanges()));
        }
    }

    private void onClosed(Throwable cause) {
        if (phase == State.CLOSED) {
            return;
        }
        State was = phase;
        phase = State.CLOSED;
        closedBecause = cause.getMessage();
        closeHook.run();
        if (was == State.BUSY && listener != null) {
            ResponseListener current = listener;
            listener = null;
            current.onFailure(cause);
        }
    }

    @Override
    public String toString() {
        return "backend " + server.address() + " #" + threadId;
    }
}
