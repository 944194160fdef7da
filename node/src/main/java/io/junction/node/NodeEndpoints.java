package io.junction.node;

import io.junction.config.store.Addresses;
import io.junction.router.RouterDeployment;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * What other nodes' admin APIs ask of this one over the event bus: its statistics ({@link Addresses#stats}) and to
 * drain ({@link Addresses#drain}). A drain is answered at once: the node reports not-ready, closes its listener
 * {@link #LISTENER_DELAY} later, and its sessions close as they become idle (transactions end, results finish).
 */
final class NodeEndpoints extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(NodeEndpoints.class);
    /**
     * Between {@code /ready} turning 503 and the listener closing: load balancers stop sending new clients once
     * their health check sees the 503 (two checks of a usual 1 s interval), so none is refused at the door.
     */
    static final Duration LISTENER_DELAY = Duration.ofSeconds(2);

    private final String nodeId;
    private final RouterDeployment router;
    private final NodeState state;
    private final Runnable announce;
    private final Supplier<MonitorStatus> monitor;

    /**
     * @param announce republishes this node's member entry (it changes when the node drains)
     * @param monitor whose health observations this node shows, for its statistics
     */
    NodeEndpoints(String nodeId, RouterDeployment router, NodeState state, Runnable announce,
                  Supplier<MonitorStatus> monitor) {
        this.nodeId = nodeId;
        this.router = router;
        this.state = state;
        this.announce = announce;
        this.monitor = monitor;
    }

    @Override
    public Future<?> start() {
        Future<Void> stats = vertx.eventBus().<JsonObject>consumer(Addresses.stats(nodeId), message ->
                router.stats()
                        .onSuccess(snapshot -> message.reply(StatsJson.of(nodeId, snapshot, router.limits(), monitor.get())))
                        .onFailure(e -> message.fail(500, e.getMessage()))).completion();
        Future<Void> drain = vertx.eventBus().<JsonObject>consumer(Addresses.drain(nodeId), message -> {
            if (!state.draining()) {
                LOG.info("Draining: /ready answers 503 now; the listener closes in {} ms, then sessions close once idle",
                        LISTENER_DELAY.toMillis());
                state.markDraining();
                announce.run();
                vertx.setTimer(LISTENER_DELAY.toMillis(), id -> router.drain()
                        .onFailure(e -> LOG.warn("Drain did not finish cleanly: {}", e.toString())));
            }
            message.reply(new JsonObject().put("node", nodeId).put("draining", true)
                    .put("listener_closes_in_ms", LISTENER_DELAY.toMillis()));
        }).completion();
        return Future.all(stats, drain);
    }
}
