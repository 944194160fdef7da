package io.junction.node;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.InternetProtocolFamily;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.net.ClientOptionsBase;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.spi.transport.Transport;

import java.net.SocketAddress;
import java.util.concurrent.ThreadFactory;

/**
 * A Vert.x transport whose servers accept on the event loops rather than on a thread of their own.
 *
 * <p>Vert.x accepts every connection on one acceptor thread and hands it to an event loop. Under a storm of short
 * connections that costs each of them two thread wake-ups (the acceptor's, then the loop's): the acceptor thread took
 * a fifth of the node's CPU in a churn of one-query connections. Here the acceptor group is the event loops
 * themselves ({@link AcceptorLoops}): the loop that opened a server accepts its connections, and one meant for that
 * same loop (all of them, on a one-loop node) never changes thread. Everything else is the wrapped transport's.
 *
 * <p>Vert.x asks for its event-loop group and then, on the same thread, for its acceptor group while it builds an
 * instance; the first is remembered per thread until the second is asked for, so builds on several threads at once
 * each get their own. Should a later Vert.x ask in another order, its own acceptor thread is used, as before.
 */
final class LoopAcceptingTransport implements Transport {
    private final String name;
    private final Transport transport;
    private final ThreadLocal<EventLoopGroup> building = new ThreadLocal<>();

    private LoopAcceptingTransport(String name, Transport transport) {
        this.name = name;
        this.transport = transport;
    }

    /** {@code chosen}, accepting on the event loops; its name stays the same. */
    static io.vertx.core.transport.Transport around(io.vertx.core.transport.Transport chosen) {
        LoopAcceptingTransport implementation = new LoopAcceptingTransport(chosen.name(), chosen.implementation());
        return new io.vertx.core.transport.Transport() {
            @Override
            public String name() {
                return chosen.name();
            }

            @Override
            public boolean available() {
                return chosen.available();
            }

            @Override
            public Throwable unavailabilityCause() {
                return chosen.unavailabilityCause();
            }

            @Override
            public Transport implementation() {
                return implementation;
            }
        };
    }

    /** The name of the transport a Vert.x instance runs on ({@code nio}, {@code epoll}, {@code io_uring}, ...). */
    static String nameOf(Transport running) {
        return running instanceof LoopAcceptingTransport accepting ? accepting.name : running.getClass().getSimpleName();
    }

    @Override
    public EventLoopGroup eventLoopGroup(int type, int threads, ThreadFactory threadFactory, int ioRatio) {
        if (type == ACCEPTOR_EVENT_LOOP_GROUP) {
            EventLoopGroup loops = building.get();
            building.remove();
            if (loops != null) {
                return new AcceptorLoops(loops);
            }
        }
        EventLoopGroup group = transport.eventLoopGroup(type, threads, threadFactory, ioRatio);
        if (type == IO_EVENT_LOOP_GROUP) {
            building.set(group);
        }
        return group;
    }

    @Override
    public boolean supportsDomainSockets() {
        return transport.supportsDomainSockets();
    }

    @Override
    public boolean supportFileRegion() {
        return transport.supportFileRegion();
    }

    @Override
    public boolean isAvailable() {
        return transport.isAvailable();
    }

    @Override
    public Throwable unavailabilityCause() {
        return transport.unavailabilityCause();
    }

    @Override
    public SocketAddress convert(io.vertx.core.net.SocketAddress address) {
        return transport.convert(address);
    }

    @Override
    public io.vertx.core.net.SocketAddress convert(SocketAddress address) {
        return transport.convert(address);
    }

    @Override
    public IoHandlerFactory ioHandlerFactory() {
        return transport.ioHandlerFactory();
    }

    @Override
    public DatagramChannel datagramChannel() {
        return transport.datagramChannel();
    }

    @Override
    public DatagramChannel datagramChannel(InternetProtocolFamily family) {
        return transport.datagramChannel(family);
    }

    @Override
    public ChannelFactory<? extends Channel> channelFactory(boolean domainSocket) {
        return transport.channelFactory(domainSocket);
    }

    @Override
    public ChannelFactory<? extends ServerChannel> serverChannelFactory(boolean domainSocket) {
        return transport.serverChannelFactory(domainSocket);
    }

    @Override
    public void configure(DatagramChannel channel, DatagramSocketOptions options) {
        transport.configure(channel, options);
    }

    @Override
    public void configure(ClientOptionsBase options, int connectTimeout, boolean domainSocket, Bootstrap bootstrap) {
        transport.configure(options, connectTimeout, domainSocket, bootstrap);
    }

    @Override
    public void configure(NetServerOptions options, boolean domainSocket, ServerBootstrap bootstrap) {
        transport.configure(options, domainSocket, bootstrap);
    }
}
