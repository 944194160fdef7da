package io.junction.node;

import io.junction.admin.ClusterView;
import io.junction.config.store.Addresses;
import io.junction.router.RouterDeployment;
import io.junction.router.monitor.HealthBoard;
import io.junction.router.monitor.HealthSnapshot;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One health monitor for the whole cluster, and what it observes on every node's board, so routing on every node
 * acts on the same observations (shunned servers, lag, read_only moves) and every console shows the same truth.
 *
 * <p>Every half second each node works out the leader ({@link MonitorElection}). The leader runs the monitor and
 * writes each new snapshot to the cluster map {@value #MAP} as an {@link Observation}, then publishes it on
 * {@link Addresses#HEALTH_OBSERVED}; the others run no checks and put what arrives on their board, newer
 * observations only. A follower also reads the map every {@value #POLL_MS} ms, in case it missed a message.
 *
 * <p>The map entry changes only by compare-and-set: a node takes over with the next epoch, so a leader that was
 * replaced (the others no longer saw it, or it was drained) cannot overwrite its successor; its next write fails,
 * and it hands over. Before taking over, a node puts the latest observation on its board, and the monitor it starts
 * begins from the board: a server shunned by the old leader stays shunned through the failover.
 *
 * <p>Runs on one context; only {@link #status()} is read from elsewhere.
 */
final class SharedHealth extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(SharedHealth.class);
    static final String MAP = "junction.observed";
    static final String KEY = "health";
    static final long ELECTION_MS = 500;
    static final long POLL_MS = 2_000;

    private enum Role { FOLLOWER, TAKING_OVER, LEADER, HANDING_OVER }

    /** An observation and the exact map entry written for it (what the next compare-and-set expects). */
    private record Written(Observation observation, String entry) {
        static Written of(Observation observation) {
            return new Written(observation, observation.toJson().encode());
        }
    }

    private final String nodeId;
    private final ClusterView cluster;
    private final RouterDeployment router;
    private final HealthBoard board;
    private final Consumer<HealthSnapshot> boardChanged = snapshot -> context.runOnContext(v -> share());
    private AsyncMap<String, String> map;
    private volatile Role role = Role.FOLLOWER;
    /** The observation on the board: the last one shown (follower) or shared (leader); null before any. */
    private volatile Observation shown;
    /** The map entry as this leader last wrote it: the expected value of its next compare-and-set. */
    private String written;
    private boolean electing;
    private boolean writing;
    private boolean writeAgain;
    private boolean warnedUnreadable;

    /**
     * @param cluster the live members and what they say of themselves (readiness), for the election
     * @param router started with its monitor off: this decides where it runs
     * @param board the router's health board
     */
    SharedHealth(String nodeId, ClusterView cluster, RouterDeployment router, HealthBoard board) {
        this.nodeId = nodeId;
        this.cluster = cluster;
        this.router = router;
        this.board = board;
    }

    @Override
    public Future<?> start() {
        return vertx.sharedData().<String, String>getAsyncMap(MAP).compose(m -> {
            map = m;
            board.subscribe(boardChanged);
            vertx.setPeriodic(ELECTION_MS, id -> elect());
            vertx.setPeriodic(POLL_MS, id -> poll());
            return vertx.eventBus().<JsonObject>consumer(Addresses.HEALTH_OBSERVED, message -> received(message.body()))
                    .completion();
        }).compose(v -> poll()).onSuccess(v -> elect());
    }

    @Override
    public Future<?> stop() {
        board.unsubscribe(boardChanged);
        return Future.succeededFuture();
    }

    /** Whose observations the board shows, and whether this node runs the checks. */
    MonitorStatus status() {
        Observation now = shown;
        return new MonitorStatus(now == null ? null : now.leader(), now == null ? 0 : now.epoch(),
                board.current().version(), role == Role.LEADER);
    }

    /** Takes over or hands over when the leader is another node than it was; retries a failed write. */
    private void elect() {
        if (role == Role.LEADER) {
            share();
        }
        if (electing || role == Role.TAKING_OVER || role == Role.HANDING_OVER) {
            return;
        }
        electing = true;
        cluster.members().onComplete(done -> {
            electing = false;
            if (done.failed()) {
                LOG.debug("Members unknown for now: {}", done.cause().toString());
                return;
            }
            Optional<String> leader = MonitorElection.leader(done.result());
            if (leader.isEmpty()) {
                return; // not even this node is listed yet
            }
            boolean elected = leader.get().equals(nodeId);
            if (elected && role == Role.FOLLOWER) {
                takeOver();
            } else if (!elected && role == Role.LEADER) {
                handOver("node " + leader.get() + " leads");
            }
        });
    }

    /**
     * Becomes the leader: shows the latest observation, claims the next epoch with it, then starts the monitor,
     * which begins from what the board shows. A lost claim leaves this node a follower until the next election.
     */
    private void takeOver() {
        role = Role.TAKING_OVER;
        map.get(KEY).compose(entry -> {
            Observation last = entry == null ? null : decode(entry);
            if (last != null && last.newerThan(shown)) {
                show(last);
            }
            Written claim = Written.of(
                    new Observation(nodeId, Math.max(epochOf(last), epochOf(shown)) + 1, board.current()));
            Future<Boolean> won = entry == null
                    ? map.putIfAbsent(KEY, claim.entry()).map(Objects::isNull)
                    : map.replaceIfPresent(KEY, entry, claim.entry());
            return won.map(yes -> yes ? claim : null);
        }).onComplete(done -> {
            if (done.failed() || done.result() == null) {
                LOG.debug("Taking over the monitor failed: {}",
                        done.failed() ? done.cause().toString() : "another node was quicker");
                role = Role.FOLLOWER;
                poll();
                return;
            }
            written = done.result().entry();
            shown = done.result().observation();
            role = Role.LEADER;
            LOG.info("This node monitors the cluster's servers now (epoch {})", shown.epoch());
            vertx.eventBus().publish(Addresses.HEALTH_OBSERVED, new JsonObject(written));
            router.monitorLocally(true).onFailure(e -> LOG.error("The health monitor did not start", e));
            share();
        });
    }

    /** Stops the monitor and follows again; the board keeps its snapshot until the new leader's arrives. */
    private void handOver(String why) {
        role = Role.HANDING_OVER;
        written = null;
        LOG.info("Stopping the health checks on this node: {}", why);
        router.monitorLocally(false).onComplete(done -> {
            if (done.failed()) {
                LOG.warn("The health monitor did not stop cleanly: {}", done.cause().toString());
            }
            role = Role.FOLLOWER;
            poll();
        });
    }

    /** As the leader: writes the board's snapshot to the map, if it is new, and announces it. One write at a time. */
    private void share() {
        if (role != Role.LEADER) {
            return;
        }
        if (writing) {
            writeAgain = true;
            return;
        }
        Observation base = shown;
        HealthSnapshot now = board.current();
        if (now == base.snapshot()) {
            return;
        }
        Written next = Written.of(base.next(now));
        writing = true;
        map.replaceIfPresent(KEY, written, next.entry()).onComplete(done -> {
            writing = false;
            boolean sameTerm = role == Role.LEADER && shown == base; // else this node handed over meanwhile
            if (sameTerm && done.succeeded() && done.result()) {
                written = next.entry();
                shown = next.observation();
                vertx.eventBus().publish(Addresses.HEALTH_OBSERVED, new JsonObject(written));
            } else if (sameTerm && done.succeeded()) {
                handOver("another node took over the monitor");
            } else if (sameTerm) {
                LOG.warn("Could not share the health snapshot (retrying): {}", done.cause().toString());
            }
            if (writeAgain) {
                writeAgain = false;
                share();
            }
        });
    }

    /** As a follower: reads the map in case a message was missed. */
    private Future<Void> poll() {
        if (role != Role.FOLLOWER) {
            return Future.succeededFuture();
        }
        return map.get(KEY)
                .onSuccess(entry -> {
                    if (entry != null) {
                        received(decodeOrNull(entry));
                    }
                })
                .recover(e -> {
                    LOG.debug("Could not read the shared health: {}", e.toString());
                    return Future.succeededFuture();
                })
                .mapEmpty();
    }

    private void received(JsonObject message) {
        if (message == null || role != Role.FOLLOWER) {
            return;
        }
        Observation next;
        try {
            next = Observation.fromJson(message);
        } catch (IllegalArgumentException e) {
            warnUnreadable(e);
            return;
        }
        if (next.newerThan(shown)) {
            show(next);
        }
    }

    private void show(Observation observation) {
        shown = observation;
        router.observe(observation.snapshot());
    }

    /** The map entry, or null if it does not decode (logged once): a takeover then claims past what this node saw. */
    private Observation decode(String entry) {
        JsonObject json = decodeOrNull(entry);
        try {
            return json == null ? null : Observation.fromJson(json);
        } catch (IllegalArgumentException e) {
            warnUnreadable(e);
            return null;
        }
    }

    private JsonObject decodeOrNull(String entry) {
        try {
            return new JsonObject(entry);
        } catch (DecodeException e) {
            warnUnreadable(e);
            return null;
        }
    }

    private void warnUnreadable(RuntimeException e) {
        if (!warnedUnreadable) {
            warnedUnreadable = true;
            LOG.warn("Ignoring a shared health observation this node cannot read: {}", e.getMessage());
        }
    }

    private static long epochOf(Observation observation) {
        return observation == null ? 0 : observation.epoch();
    }
}
