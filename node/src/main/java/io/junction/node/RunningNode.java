package io.junction.node;

import io.junction.admin.AdminVerticle;
import io.junction.router.RouterDeployment;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/** A started node: its Vert.x instance, router, cluster membership and (optional) admin verticle. {@link #stop()} stops it all. */
public final class RunningNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunningNode.class);
    private static final long STOP_TIMEOUT_SECONDS = 30;

    private final Vertx vertx;
    private final RouterDeployment router;
    private final AdminVerticle admin;
    private final NodeState state;
    private final MemberDirectory members;
    private final MembershipWatch watch;
    private boolean stopped;

    RunningNode(Vertx vertx, RouterDeployment router, AdminVerticle admin, NodeState state, MemberDirectory members,
                MembershipWatch watch) {
        this.vertx = vertx;
        this.router = router;
        this.admin = admin;
        this.state = state;
        this.members = members;
        this.watch = watch;
    }

    NodeState state() {
        return state;
    }

    /** This node's id in the cluster (a random one when not clustered). */
    public String nodeId() {
        return members.localNodeId();
    }

    /** The config version the router verticles run. */
    public long configVersion() {
        return state.configVersion();
    }

    /**
     * The transport the node's sockets run on, as {@code listener.transport} names it ({@code epoll} for native on
     * Linux): what the setting asked for, or what it fell back to.
     */
    String transport() {
        return LoopAcceptingTransport.nameOf(((VertxInternal) vertx).transport());
    }

    /** The port MySQL clients connect to (the bound one, when the config says 0). */
    public int mysqlPort() {
        return router.port();
    }

    /** The admin HTTP port (the bound one, when the config says 0); empty when the admin endpoint is disabled. */
    public OptionalInt adminPort() {
        return admin == null ? OptionalInt.empty() : OptionalInt.of(admin.actualPort());
    }

    /** What {@code /ready} reports: true from launch until {@link #stop()} begins. */
    public boolean ready() {
        return state.ready();
    }

    /**
     * Reports not-ready, removes its member entry, stops the router, then closes Vert.x (leaving the cluster, and
     * closing the admin server), waiting for each.
     * Idempotent. Blocking, and from outside Vert.x only (main thread, shutdown hook, test): a future chained on
     * an event loop would never complete once Vert.x has closed that loop.
     */
    public synchronized void stop() throws Exception {
        if (Context.isOnVertxThread()) {
            throw new IllegalStateException("stop() blocks: call it from outside Vert.x");
        }
        if (stopped) {
            return;
        }
        stopped = true;
        state.markStopping();
        try {
            watch.stop();
            members.stop().await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            router.stop().await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } finally {
            vertx.close().await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            log.info("Junction node stopped");
        }
    }

    /** {@link #stop()}. */
    @Override
    public void close() throws Exception {
        stop();
    }

    @Override
    public String toString() {
        return "Junction node";
    }
}
