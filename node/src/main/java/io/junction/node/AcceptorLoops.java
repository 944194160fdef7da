package io.junction.node;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.AbstractEventExecutorGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Vert.x's event loops seen as its acceptor group (see {@link LoopAcceptingTransport}). A server opened on an event
 * loop (a verticle's start) accepts on that loop, so the connections it hands to that same verticle stay on the
 * thread that accepted them.
 *
 * <p>From any other thread the loops are taken in a round of their own. Vert.x gives each new context the next loop
 * of its event-loop group in turn; were servers and clients to draw from that same turn, two router verticles deployed
 * side by side could land on one loop and leave another idle.
 *
 * <p>It owns no threads: shutting it down shuts down the loops, which Vert.x does with the same arguments right
 * after.
 */
final class AcceptorLoops extends AbstractEventExecutorGroup implements EventLoopGroup {
    private final EventLoopGroup loops;
    private final List<EventLoop> members = new ArrayList<>();
    private final AtomicInteger turn = new AtomicInteger();

    AcceptorLoops(EventLoopGroup loops) {
        this.loops = loops;
        for (EventExecutor loop : loops) {
            members.add((EventLoop) loop);
        }
    }

    /** The calling thread's own loop if it is one of them, else each loop in turn. */
    @Override
    public EventLoop next() {
        for (EventLoop loop : members) {
            if (loop.inEventLoop()) {
                return loop;
            }
        }
        return members.get(Math.floorMod(turn.getAndIncrement(), members.size()));
    }

    @Override
    public Iterator<EventExecutor> iterator() {
        return loops.iterator();
    }

    @Override
    public ChannelFuture register(Channel channel) {
        return next().register(channel);
    }

    @Override
    public ChannelFuture register(ChannelPromise promise) {
        return next().register(promise);
    }

    @Override
    @Deprecated
    public ChannelFuture register(Channel channel, ChannelPromise promise) {
        return next().register(channel, promise);
    }

    @Override
    public boolean isShuttingDown() {
        return loops.isShuttingDown();
    }

    @Override
    public Future<?> shutdownGracefully(long quietPeriod, long timeout, TimeUnit unit) {
        return loops.shutdownGracefully(quietPeriod, timeout, unit);
    }

    @Override
    public Future<?> terminationFuture() {
        return loops.terminationFuture();
    }

    @Override
    @Deprecated
    public void shutdown() {
        loops.shutdown();
    }

    @Override
    public boolean isShutdown() {
        return loops.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return loops.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return loops.awaitTermination(timeout, unit);
    }
}
