package io.junction.router.frontend;

import io.junction.router.Pipelines;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * A client's connection read and written through Netty directly: once Vert.x has accepted it, this handler takes the
 * place of Vert.x's in the channel pipeline and the {@link NetSocket} is dropped.
 *
 * <p>Why: a Vert.x 5.0 {@code NetSocket} allocates two message queues per connection up front, and the outbound one is
 * a JCTools MPSC queue whose first chunk is an {@code Object[1025]}; with the socket object itself that was about
 * 5.4 KB of the 7.9 KB of heap an idle, logged-in client cost (2.5 KB without). Junction reads and writes a client
 * only on the event loop that owns its channel, so it needs neither queue. The replacements are Netty's own: pausing reads is {@code autoRead}; the write queue is the channel's
 * outbound buffer with its water marks, "full" meaning the channel is not writable, and a drain is the channel turning
 * writable again.
 *
 * <p>Reads and closes reach the {@link ClientSession} inside the verticle's Vert.x context, as they did through the
 * NetSocket, so that the timers, futures and backend connections a session starts belong to its event loop's context.
 * Must be created and {@linkplain #attach attached} on that event loop, in that context (in the connect handler).
 */
final class ClientChannel extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ClientChannel.class);
    private static final String HANDLER_NAME = "junction-client";

    private final Channel channel;
    private final ContextInternal context;
    /** The name of Vert.x's handler in the pipeline, replaced by this one (not its context: that holds the NetSocket). */
    private final String vertxHandler;
    private ClientSession session;
    /** Runs once, the next time the channel turns writable; null when nobody waits. */
    private Runnable whenWritable;

    ClientChannel(NetSocket socket, ContextInternal context) {
        ChannelHandlerContext handler = ((NetSocketInternal) socket).channelHandlerContext();
        this.channel = handler.channel();
        this.vertxHandler = handler.name();
        this.context = context;
        assert context.nettyEventLoop() == channel.eventLoop() : "a client channel on another loop than its verticle's";
    }

    /**
     * Takes the channel over from Vert.x: from now on its bytes go to {@code session}. Vert.x calls the connect handler
     * while it sets the channel up, before the channel is active, so nothing has been read and no close has been
     * missed; and the server speaks first in the MySQL protocol (the greeting is written after this).
     */
    void attach(ClientSession session) {
        this.session = session;
        channel.pipeline().replace(vertxHandler, HANDLER_NAME, this);
        Pipelines.trim(channel.pipeline());
    }

    /** The channel, for the listener's TLS to insert its handler in front of this one. */
    Channel channel() {
        return channel;
    }

    /** Writes and flushes; a failed write closes the channel (through {@link #exceptionCaught}). */
    void write(byte[] bytes) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(bytes), channel.voidPromise());
    }

    /** Writes and flushes a buffer without copying it (the relay's packets of one backend read). */
    void write(Buffer bytes) {
        channel.writeAndFlush(((BufferInternal) bytes).getByteBuf(), channel.voidPromise());
    }

    /** Writes, flushes and then closes, whether or not the write succeeded. */
    void writeAndClose(byte[] bytes) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(bytes)).addListener(ChannelFutureListener.CLOSE);
    }

    /** Whether the client is behind: more than Netty's high water mark (64 KB by default) waits to be sent. */
    boolean writeQueueFull() {
        return !channel.isWritable();
    }

    /** Runs {@code action} once, when the client has taken enough bytes that the write queue is no longer full. */
    void whenWritable(Runnable action) {
        whenWritable = action;
    }

    /** Stops or restarts reading from the socket (the kernel's buffer then holds what the client sends). */
    void readBytes(boolean on) {
        channel.config().setAutoRead(on);
    }

    void close() {
        channel.close();
    }

    /** The client's IP address as Java prints it, or null when the channel has none (closed already). */
    String remoteHostAddress() {
        SocketAddress address = channel.remoteAddress();
        return address instanceof InetSocketAddress inet && inet.getAddress() != null ? inet.getAddress().getHostAddress() : null;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf buffer)) {
            ctx.fireChannelRead(msg); // the pipeline's tail logs and releases what nobody understood
            return;
        }
        byte[] bytes;
        try {
            bytes = ByteBufUtil.getBytes(buffer);
        } finally {
            buffer.release();
        }
        context.dispatch(bytes, session::onBytes);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        Runnable action = whenWritable;
        if (action != null && ctx.channel().isWritable()) {
            whenWritable = null;
            context.dispatch(action);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        whenWritable = null;
        context.dispatch(null, v -> session.onClosed());
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("client {} failed: {}", session.connectionId(), cause.toString());
        ctx.close();
    }
}
