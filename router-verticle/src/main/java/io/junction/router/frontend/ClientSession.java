package io.junction.router.frontend;

import io.junction.router.protocol.Capabilities;
import io.junction.router.protocol.CompressedFrames;
import io.junction.router.protocol.ErrPacket;
import io.junction.router.protocol.MalformedPacketException;
import io.junction.router.protocol.MysqlError;
import io.junction.router.protocol.Packet;
import io.junction.router.protocol.PacketFramer;
import io.junction.router.protocol.PacketTooLargeException;
import io.junction.router.protocol.SslRequest;
import io.junction.router.routing.QueryRules;
import io.junction.router.tls.ClientSecurity;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * One client connection: its socket, framing and life cycle. Packets go to the {@link ClientHandshake} until the
 * client is logged in, then one command at a time to the {@link CommandDispatcher}; packets that arrive while a
 * command is in flight wait in order (and the socket is paused so a pipelining client cannot flood memory).
 * When the handshake accepts an SSLRequest, the session starts TLS on the socket ({@link #startTls}). Bytes move
 * through a {@link ClientChannel}, Netty directly, which keeps an idle client's cost small.
 */
public final class ClientSession {
    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);

    private enum State { HANDSHAKE, READY, BUSY, CLOSED }

    private final ClientChannel channel;
    private final RouterContext router;
    private final long connectionId;
    private final ClientSecurity security;
    private PacketFramer framer;
    private final ArrayDeque<Packet> queued = new ArrayDeque<>();
    /** Bytes a client's framer keeps between packets: idle sessions must stay small. */
    private static final int CLIENT_FRAMER_RETAIN = 512;
    /** Dropped once the client is logged in: an idle session should not keep its login's bytes. */
    private ClientHandshake handshake;
    private CommandDispatcher dispatcher;
    private State state = State.HANDSHAKE;
    private Session session;
    private java.util.function.Consumer<Packet> midCommandReader;
    private long lastActivity = System.nanoTime();
    private CompressedFrames compression;
    private String remoteHost;
    /** Everything read until the first packet was handled, while TLS may start behind it; null otherwise. */
    private ByteArrayOutputStream untilFirstPacket;
    private byte[] firstPacketStream;
    private Tls tls = Tls.PLAIN;

    /** Where the connection is with TLS. */
    private enum Tls { PLAIN, REQUESTED, ON }

    /** Bytes recorded before the first packet; an SSLRequest and a ClientHello fit easily. */
    private static final int MAX_RECORDED = 64 * 1024;

    ClientSession(ClientChannel channel, RouterContext router, long connectionId, ClientSecurity security) {
        this.channel = channel;
        this.router = router;
        this.connectionId = connectionId;
        this.security = security;
        this.framer = newFramer();
        this.handshake = new ClientHandshake(this, router);
        this.untilFirstPacket = security.offersTls() ? new ByteArrayOutputStream(256) : null;
    }

    /** Accepts a new client connection: greets it, or refuses it when the node is full. */
    public static void accept(NetSocket socket, RouterContext router, ClientSecurity security) {
        if (router.draining()) { // accepted just before the listener closed
            socket.write(Buffer.buffer(PacketFramer.encode(0, ErrPacket.of(MysqlError.SERVER_SHUTDOWN,
                    "Server shutdown in progress").encode()))).onComplete(r -> socket.close());
            return;
        }
        if (!router.limits().tryOpenClient(router.config().limits().maxClientConnections())) {
            socket.write(Buffer.buffer(PacketFramer.encode(0, ErrPacket.of(MysqlError.CON_COUNT_ERROR,
                    "Too many connections").encode()))).onComplete(r -> socket.close());
            return;
        }
        ClientChannel channel = new ClientChannel(socket, (ContextInternal) router.vertx().getOrCreateContext());
        new ClientSession(channel, router, router.limits().nextConnectionId(), security).start();
    }

    private void start() {
        router.opened(this);
        channel.attach(this);
        handshake.start();
    }

    long connectionId() {
        return connectionId;
    }

    /** The listener's TLS and the RSA key of caching_sha2_password. */
    ClientSecurity security() {
        return security;
    }

    /** Whether the connection is encrypted (from the moment TLS starts: nothing unencrypted is read after it). */
    boolean isTls() {
        return tls == Tls.ON;
    }

    /**
     * Called by the handshake for an SSLRequest: once the bytes read so far are handled, TLS starts, and the bytes
     * the client sent behind its SSLRequest (its ClientHello) go to the TLS handler, not to the packet framer.
     */
    void startTls() {
        tls = Tls.REQUESTED;
    }

    /** The client's IP address in canonical form (what query rules match on). */
    String remoteHost() {
        if (remoteHost == null) {
            String host = channel.remoteHostAddress();
            remoteHost = host == null ? "unknown" : QueryRules.canonicalAddress(host);
        }
        return remoteHost;
    }

    /** Called by the handshake once the client is logged in (its OK already sent, uncompressed). */
    void loggedIn(Session session) {
        this.session = session;
        this.handshake = null;
        if (Capabilities.has(session.capabilities(), Capabilities.CLIENT_COMPRESS)) {
            compression = new CompressedFrames(router.config().limits().maxPacketSize() + 1024L);
            router.limits().compressedSession();
        }
        this.dispatcher = new CommandDispatcher(this, session, router);
        state = State.READY;
        drain();
    }

    /** The session, once logged in. */
    Session session() {
        return session;
    }

    public void write(int sequenceId, byte[] payload) {
        send(PacketFramer.encode(sequenceId, payload));
    }

    /** Writes bytes already framed. */
    void writeFramed(Buffer framed) {
        if (compression == null) {
            channel.write(framed);
        } else {
            send(framed.getBytes());
        }
    }

    /** Every write to the client goes here: framed packets, in compressed frames once compression is on. */
    private void send(byte[] framed) {
        channel.write(compression == null ? framed : compression.wrap(framed));
    }

    /** Whether the client is behind on reading: a relay then pauses its backend until {@link #whenWritable}. */
    boolean writeQueueFull() {
        return channel.writeQueueFull();
    }

    /** Runs {@code action} once, when the client has caught up. */
    void whenWritable(Runnable action) {
        channel.whenWritable(action);
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
        byte[] framed = PacketFramer.encode(sequenceId, error.encode());
        channel.writeAndClose(compression == null ? framed : compression.wrap(framed));
        state = State.CLOSED;
    }

    void close() {
        channel.close();
    }

    boolean isClosed() {
        return state == State.CLOSED;
    }

    /** Routes client packets to {@code reader} while a command is in flight (LOAD DATA LOCAL contents). */
    void readMidCommand(java.util.function.Consumer<Packet> reader) {
        this.midCommandReader = reader;
        if (reader != null) {
            channel.readBytes(true);
        } else if (state == State.BUSY) {
            channel.readBytes(false);
        }
    }

    /** Called by the dispatcher when a command's response has been written: the next command may start. */
    void commandDone() {
        if (state == State.BUSY) {
            state = State.READY;
            channel.readBytes(true);
            drain();
            closeIfDrained();
        }
    }

    /** The node drains: a session not logged in closes now, a logged-in one as soon as it is idle outside a transaction. */
    void closeWhenIdle() {
        if (state == State.HANDSHAKE) {
            close();
        } else {
            closeIfDrained();
        }
    }

    private void closeIfDrained() {
        if (router.draining() && state == State.READY && queued.isEmpty() && !session.inTransaction()) {
            fail(1, ErrPacket.of(MysqlError.SERVER_SHUTDOWN, "Server shutdown in progress"));
        }
    }

    /** Closes the connection if it is logged in, between commands, and has been quiet since {@code cutoff}. */
    void closeIfIdleSince(long cutoff) {
        if (state == State.READY && queued.isEmpty() && lastActivity < cutoff) {
            fail(1, ErrPacket.of(MysqlError.CLIENT_INTERACTION_TIMEOUT,
                    "The client was disconnected by the server because of inactivity (client_idle_ms)"));
        }
    }

    /** Called by the channel, in this loop's context, with each read. */
    void onBytes(byte[] chunk) {
        lastActivity = System.nanoTime();
        record(chunk);
        try {
            if (compression == null) {
                framer.feed(chunk, this::onPacket);
            } else {
                compression.unwrap(chunk, plain -> framer.feed(plain, this::onPacket));
            }
        } catch (PacketTooLargeException e) {
            if (tls != Tls.REQUESTED) {
                fail(1, ErrPacket.of(MysqlError.NET_PACKET_TOO_LARGE, "Got a packet bigger than 'max_allowed_packet' bytes ("
                        + e.getMessage() + ")"));
            }
        } catch (MalformedPacketException e) {
            if (tls != Tls.REQUESTED) {
                fail(state == State.HANDSHAKE ? 2 : 1, ErrPacket.of(MysqlError.MALFORMED_PACKET, "Malformed packet: " + e.getMessage()));
            }
        }
        if (tls == Tls.REQUESTED && state != State.CLOSED) {
            upgrade();
        }
    }

    private void record(byte[] chunk) {
        if (untilFirstPacket != null) {
            untilFirstPacket.writeBytes(chunk);
            if (untilFirstPacket.size() > MAX_RECORDED) {
                untilFirstPacket = null;
            }
        }
    }

    /** Installs TLS on the socket with the bytes that followed the SSLRequest; a failed TLS handshake closes it. */
    private void upgrade() {
        byte[] afterRequest = firstPacketStream == null || firstPacketStream.length < SslRequest.WIRE_LENGTH
                ? new byte[0] : Arrays.copyOfRange(firstPacketStream, SslRequest.WIRE_LENGTH, firstPacketStream.length);
        firstPacketStream = null;
        framer = newFramer();
        tls = Tls.ON;
        security.tls().upgrade(channel.channel(), afterRequest).onFailure(e -> {
            LOG.debug("client {}: TLS handshake failed: {}", connectionId, e.toString());
            channel.close();
        });
    }

    private PacketFramer newFramer() {
        return new PacketFramer(router.config().limits().maxPacketSize(), CLIENT_FRAMER_RETAIN);
    }

    private void onPacket(Packet packet) {
        if (state == State.CLOSED || tls == Tls.REQUESTED) {
            return; // behind an SSLRequest come TLS bytes, not packets
        }
        if (state == State.HANDSHAKE) {
            byte[] recorded = untilFirstPacket == null ? null : untilFirstPacket.toByteArray();
            untilFirstPacket = null;
            handshake.accept(packet);
            if (tls == Tls.REQUESTED) {
                firstPacketStream = recorded;
            }
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
            channel.readBytes(false);
            try {
                dispatcher.dispatch(queued.poll());
            } catch (MalformedPacketException e) {
                fail(1, ErrPacket.of(MysqlError.MALFORMED_PACKET, "Malformed packet: " + e.getMessage()));
            }
        }
    }

    /** Called by the channel, in this loop's context, once the connection is closed. */
    void onClosed() {
        router.closed(this);
        boolean wasLoggedIn = session != null;
        state = State.CLOSED;
        queued.clear();
        if (handshake != null) {
            handshake.cancel();
        }
        if (dispatcher != null) {
            dispatcher.clientClosed();
        }
        if (wasLoggedIn) {
            router.limits().closeUserClient(session.user().name());
        }
        router.limits().closeClient();
    }
}
