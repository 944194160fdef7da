package io.junction.router;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A socket Junction connects with {@link TcpOptions}, on the native transport as the node runs, completes the TCP
 * handshake at once. With Vert.x's defaults it does not: TCP_QUICKACK set to 0 before connecting makes Linux
 * acknowledge the server's SYN-ACK with a delayed ACK, so the server accepts the connection (and a MySQL server sends
 * its greeting) only when the delayed-ACK timer fires, 200 ms later.
 *
 * <p>The times compared are a fixed kernel timer against none. The Vert.x default case is a lower bound, which a slow
 * machine cannot break; Junction's case takes the fastest of three connects, which a stall would have to hit all of.
 */
class TcpOptionsTest {
    private static final long KERNEL_DELAYED_ACK_MS = 200;
    private static final int CONNECTS = 3;

    private Vertx vertx;
    private NetServer server;
    private final LinkedBlockingQueue<Long> acceptedAt = new LinkedBlockingQueue<>();

    @BeforeEach
    void listen() throws Exception {
        vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        assumeTrue(vertx.isNativeTransportEnabled(), "needs the epoll transport (Linux)");
        server = vertx.createNetServer(TcpOptions.listener("127.0.0.1", 0))
                .connectHandler(socket -> acceptedAt.add(System.nanoTime()));
        await(server.listen());
    }

    @AfterEach
    void stop() throws Exception {
        await(vertx.close());
    }

    @Test
    void theServerAcceptsAJunctionConnectionWithoutWaitingForADelayedAck() throws Exception {
        assertThat(fastestAcceptMs(TcpOptions.client(5_000))).isLessThan(KERNEL_DELAYED_ACK_MS / 2);
    }

    @Test
    void withVertxDefaultsTheServerWaitsForTheDelayedAck() throws Exception {
        assertThat(fastestAcceptMs(new NetClientOptions()))
                .as("if this fails, Vert.x no longer clears TCP_QUICKACK and TcpOptions' reason is gone")
                .isGreaterThanOrEqualTo(KERNEL_DELAYED_ACK_MS - 20);
    }

    /** Connects {@link #CONNECTS} times; the shortest time from the client's connect to the server's accept. */
    private long fastestAcceptMs(NetClientOptions options) throws Exception {
        long fastest = Long.MAX_VALUE;
        var client = vertx.createNetClient(options);
        for (int i = 0; i < CONNECTS; i++) {
            long connected = System.nanoTime();
            var socket = await(client.connect(server.actualPort(), "127.0.0.1"));
            Long accepted = acceptedAt.poll(10, TimeUnit.SECONDS);
            assertThat(accepted).as("the server accepted connect %d", i).isNotNull();
            fastest = Math.min(fastest, TimeUnit.NANOSECONDS.toMillis(accepted - connected));
            await(socket.close());
        }
        return fastest;
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
