package io.junction.node;

import io.junction.config.ConfigLoader;
import io.junction.config.ListenerConfig;
import io.junction.config.NetTransport;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.transport.Transport;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Servers accept on the event loops: no acceptor thread, and a connection stays on the loop that accepted it. */
class LoopAcceptingTransportTest {
    private static final int IO = Transport.IO_EVENT_LOOP_GROUP;
    private static final int ACCEPTOR = Transport.ACCEPTOR_EVENT_LOOP_GROUP;

    @Test
    void aNodeServesClientsWithoutAnAcceptorThread() throws Exception {
        Set<Thread> before = acceptorThreads();
        ShutdownHook hook = new ShutdownHook();
        try {
            ListenerConfig listener = new ListenerConfig("127.0.0.1", 0, 1, 0, NetTransport.NIO);
            Demo demo = Demo.start(ConfigLoader.defaults().withListener(listener), 0, 0, hook);
            String url = "jdbc:mariadb://127.0.0.1:" + demo.node().mysqlPort() + "/demo?user=demo&password=demo";
            try (Connection connection = DriverManager.getConnection(url);
                 Statement statement = connection.createStatement();
                 ResultSet one = statement.executeQuery("SELECT 1")) {
                assertThat(one.next()).isTrue();
                assertThat(one.getInt(1)).isEqualTo(1);
            }
            assertThat(acceptorThreads()).isEqualTo(before);
        } finally {
            hook.closeAll();
        }
    }

    @Test
    void aServerOpenedOnALoopAcceptsOnThatLoop() throws Exception {
        VertxInternal vertx = loopAccepting(2);
        try {
            ContextInternal first = vertx.createEventLoopContext();
            ContextInternal second = vertx.createEventLoopContext();
            // Asked in the opposite order to the one the contexts got their loops in, so that taking the loops in
            // turn would answer with the other loop each time.
            for (ContextInternal context : List.of(second, first)) {
                EventLoop accepting = CompletableFuture.supplyAsync(
                        () -> vertx.acceptorEventLoopGroup().next(), context.nettyEventLoop()).get(10, TimeUnit.SECONDS);
                assertThat(accepting).isSameAs(context.nettyEventLoop());
            }
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void serversOpenedElsewhereLeaveTheContextsTheirOwnTurn() throws Exception {
        VertxInternal vertx = loopAccepting(2);
        try {
            Set<EventLoop> accepting = new HashSet<>();
            Set<EventLoop> contexts = new HashSet<>();
            for (int i = 0; i < 2; i++) {
                contexts.add(vertx.createEventLoopContext().nettyEventLoop());
                accepting.add(vertx.acceptorEventLoopGroup().next());
            }
            assertThat(contexts).as("two contexts in a row get both loops").hasSize(2);
            assertThat(accepting).as("the acceptor group takes both loops in its own turn").isEqualTo(contexts);
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void closingVertxStopsTheLoops() throws Exception {
        VertxInternal vertx = loopAccepting(1);
        EventLoopGroup loops = vertx.nettyEventLoopGroup();
        vertx.close().await(10, TimeUnit.SECONDS);
        assertThat(loops.isTerminated()).isTrue();
        assertThat(vertx.acceptorEventLoopGroup().isTerminated()).isTrue();
    }

    @Test
    void buildsOnSeveralThreadsAtOnceEachGetTheirOwnLoops() throws Exception {
        Transport transport = LoopAcceptingTransport.around(io.vertx.core.transport.Transport.NIO).implementation();
        ThreadFactory threads = Executors.defaultThreadFactory();
        CountDownLatch bothHaveLoops = new CountDownLatch(2);
        ExecutorService builders = Executors.newFixedThreadPool(2);
        List<CompletableFuture<EventLoopGroup[]>> builds = List.of(
                CompletableFuture.supplyAsync(() -> build(transport, threads, bothHaveLoops), builders),
                CompletableFuture.supplyAsync(() -> build(transport, threads, bothHaveLoops), builders));
        try {
            for (CompletableFuture<EventLoopGroup[]> build : builds) {
                EventLoopGroup[] groups = build.get(10, TimeUnit.SECONDS);
                assertThat(groups[1].next()).as("the acceptor loop is this build's own loop").isSameAs(groups[0].next());
            }
        } finally {
            builders.shutdownNow();
            for (CompletableFuture<EventLoopGroup[]> build : builds) {
                build.get(10, TimeUnit.SECONDS)[0].shutdownGracefully(0, 1, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
            }
        }
    }

    /** What Vert.x does while it builds an instance, with the other build's first step in between. */
    private static EventLoopGroup[] build(Transport transport, ThreadFactory threads, CountDownLatch bothHaveLoops) {
        EventLoopGroup loops = transport.eventLoopGroup(IO, 1, threads, 50);
        bothHaveLoops.countDown();
        try {
            assertThat(bothHaveLoops.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new EventLoopGroup[] {loops, transport.eventLoopGroup(ACCEPTOR, 1, threads, 100)};
    }

    private static VertxInternal loopAccepting(int loops) {
        return (VertxInternal) Vertx.builder()
                .with(new VertxOptions().setEventLoopPoolSize(loops))
                .withTransport(LoopAcceptingTransport.around(io.vertx.core.transport.Transport.NIO))
                .build();
    }

    private static Set<Thread> acceptorThreads() {
        Set<Thread> acceptors = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("vert.x-acceptor-thread")) {
                acceptors.add(thread);
            }
        }
        return acceptors;
    }
}
