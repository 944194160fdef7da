package io.junction.router.frontend;

import io.junction.router.protocol.ErrPacket;
import io.junction.router.protocol.MalformedPacketException;
import io.junction.router.protocol.MysqlError;
import io.junction.router.protocol.Packet;
import io.junction.router.protocol.PacketFramer;
import io.junction.router.protocol.PacketTooLargeException;
import io.junction.router.routing.QueryRules;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;

/**
 * One client connection: its socket, framing and life cycle. Packets go to the {@link ClientHandshake} until the
 * client is logged in, then one command at a time to the {@link CommandDispatcher}; packets that arrive while a
 * command is in flight wait in order (and the socket is paused so a pipelining client cannot flood memory).
 */
public final class ClientSession {
    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);

    private enum State { HANDSHAKE, READY, BUSY, CLOSED }

    private final NetSocket socket;
    private final RouterContext router;
    private final long connectionId;
    private final PacketFramer framer;
    private final ArrayDeque<Packet> queued = new ArrayDeque<>();
    private final ClientHandshake handshake;
    private CommandDispatcher dispatcher;
    private State state = State.HANDSHAKE;
    private Session session;
    private java.util.function.Consumer<Packet> midCommandReader;
    private long lastActivity = System.nanoTime();
    private String remoteHost;

    ClientSession(NetSocket socket, RouterContext router, long connectionId) {
        this.socket = socket;
        this.router = router;
        this.connectionId = connectionId;
        this.framer = new PacketFramer(router.config().limits().maxPacketSize());
        this.handshake = new ClientHandshake(this, router);
    }

    /** Accepts a new client connection: greets it, or refuses it when the node is full. */
    public static void accept(NetSocket socket, RouterContext router) {
        if (!router.limits().tryOpenClient(router.config().limits().maxClientConnections())) {
            socket.write(Buffer.buffer(PacketFramer.encode(0, ErrPacket.of(MysqlError.CON_COUNT_ERROR,
                    "Too many connections").encode()))).onComplete(r -> socket.close());
            return;
        }
        new ClientSession(socket, router, router.limits().nextConnectionId()).start();
    }

    private void start() {
        router.opened(this);
        socket.handler(this::onBytes);
        socket.closeHandler(v -> onClosed());
        socket.exceptionHandler(e -> {
            LOG.debug("client {} failed: {}", connectionId, e.toString());
            socket.close();
        });
        handshake.start();
    }

    long connectionId() {
        return connectionId;
    }

    /** The client's IP address in canonical form (what query rules match on). */
    String remoteHost() {
        if (remoteHost == null) {
            String host = socket.remoteAddress() == null ? null : socket.remoteAddress().hostAddress();
            remoteHost = host == null ? "unknown" : QueryRules.canonicalAddress(host);
        }
        return remoteHost;
    }

    /** Called by the handshake once the client is logged in. */
    void loggedIn(Session session) {
        this.session = session;
        this.dispatcher = new CommandDispatcher(this, session, router);
        state = State.READY;
        drain();
    }

    /** The session, once logged in. */
    Session session() {
        return session;
    }

    public void write(int sequenceId, byte[] payload) {
        socket.write(Buffer.buffer(PacketFramer.encode(sequenceId, payload)));
    }

    /** Writes bytes already framed. */
    void writeFramed(Buffer framed) {
        socket.write(framed);
    }

    NetSocket socket() {
        return socket;
    }

    /** Sends an error; expected errors are the client's, so they log at debug. */
    void sendError(int sequenceId, ErrPacket error) {
        LOG.debug("client {}: {}", connectionId, error);
        write(sequenceId, error.encode());
    }

    /** Sends an error and closes the connection once it is written. */
    void fail(int sequenceId, ErrPacket error) {
        if (state == State.CLOSED) {
            return;
        }
        LOG.debug("closing client {}: {}", connectionId, error);
        socket.write(Buffer.buffer(PacketFramer.encode(sequenceId, error.encode()))).onComplete(r -> socket.close());
        state = State.CLOSED;
    }

    void close() {
        socket.close();
    }

    boolean isClosed() {
        return state == State.CLOSED;
    }

    /** Routes client packets to {@code reader} while a command is in flight (LOAD DATA LOCAL contents). */
    void readMidCommand(java.util.function.Consumer<Packet> reader) {
        this.midCommandReader = reader;
        if (reader != null) {
            socket.resume();
        } else if (state == State.BUSY) {
            socket.pause();
        }
    }

    /** Called by the dispatcher when a command's response has been written: the next command may start. */
    void commandDone() {
        if (state == State.BUSY) {
            state = State.READY;
            socket.resume();
            drain();
        }
    }

    /** Closes the connection if it is logged in, between commands, and has been quiet since {@code cutoff}. */
    void closeIfIdleSince(long cutoff) {
        if (state == State.READY && queued.isEmpty() && lastActivity < cutoff) {
            fail(1, ErrPacket.of(MysqlError.CLIENT_INTERACTION_TIMEOUT,
                    "The client was disconnected by the server because of inactivity (client_idle_ms)"));
        }
    }

    private void onBytes(Buffer bytes) {
        lastActivity = System.nanoTime();
        try {
            framer.feed(bytes.getBytes(), this::onPacket);
        } catch (PacketTooLargeException e) {
            fail(1, ErrPacket.of(MysqlError.NET_PACKET_TOO_LARGE, "Got a packet bigger than 'max_allowed_packet' bytes ("
                    + e.getMessage() + ")"));
        } catch (MalformedPacketException e) {
            fail(state == State.HANDSHAKE ? 2 : 1, ErrPacket.of(MysqlError.MALFORMED_PACKET, "Malformed packet: " + e.getMessage()));
        }
    }

    private void onPacket(Packet packet) {
        if (state == State.CLOSED) {
            return;
        }
        if (state == State.HANDSHAKE) {
            handshake.accept(packet);
        } else if (midCommandReader != null) {
            midCommandReader.accept(packet);
        } else {
            queued.add(packet);
            drain();
        }
    }

    private void drain() {
        while (state == State.READY && !queued.isEmpty()) {
            state = State.BUSY;
            socket.pause();
            try {
                dispatcher.dispatch(queued.poll());
            } catch (MalformedPacketException e) {
                fail(1, ErrPacket.of(MysqlError.MALFORMED_PACKET, "Malformed packet: " + e.getMessage()));
            }
        }
    }

    private void onClosed() {
        router.closed(this);
        boolean wasLoggedIn = session != null;
        state = State.CLOSED;
        queued.clear();
        handshake.cancel();
        if (dispatcher != null) {
            dispatcher.clientClosed();
        }
        if (wasLoggedIn) {
            router.limits().closeUserClient(session.user().name());
        }
        router.limits().closeClient();
    }
}
