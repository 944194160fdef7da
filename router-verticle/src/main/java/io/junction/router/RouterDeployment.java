package io.junction.router;

import io.junction.config.JunctionConfig;
import io.junction.router.monitor.HealthSnapshot;
import io.junction.router.monitor.MonitorVerticle;
import io.junction.router.routing.QueryRules;
import io.junction.router.stats.RouterMetrics;
import io.junction.router.stats.StatsCollector;
import io.junction.router.stats.StatsSnapshot;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;

/**
 * The router verticles of one node: one {@link RouterVerticle} per event loop, all on the same port, sharing
 * one {@link NodeLimits}, and the health monitor. This is what the node drives at runtime: a committed config is
 * swapped in with {@link #apply}, every loop taking the new immutable snapshot on its own event loop. In a cluster
 * only one node monitors; the others turn their monitor off ({@link #monitorLocally}) and put what it observes on
 * their board ({@link #observe}).
 */
public final class RouterDeployment {
    private static final Logger LOG = LoggerFactory.getLogger(RouterDeployment.class);
    /** How long {@link #drain()} lets transactions run before it closes their sessions anyway. */
    public static final Duration DRAIN_GRACE = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final String deploymentId;
    private final NodeLimits limits;
    private final StatsCollector stats;
    private final RouterLoops loops;
    private volatile JunctionConfig running;
    private volatile boolean draining;
    private volatile String monitorId;
    /** Whether this node runs the monitor (when the config enables it) or shows another node's observations. */
    private volatile boolean monitorLocally;
    /** The last change started: changes run one after the other, each against the snapshot the previous left. */
    private Future<Void> applying = Future.succeededFuture();

    private RouterDeployment(Vertx vertx, String deploymentId, NodeLimits limits, StatsCollector stats, RouterLoops loops,
                             JunctionConfig running, boolean monitorLocally) {
        this.vertx = vertx;
        this.deploymentId = deploymentId;
        this.limits = limits;
        this.stats = stats;
        this.loops = loops;
        this.running = running;
        this.monitorLocally = monitorLocally;
    }

    /** Deploys the router verticles without metrics; the future completes once every instance listens. */
    public static Future<RouterDeployment> start(Vertx vertx, JunctionConfig config) {
        return start(vertx, config, RouterMetrics.NONE);
    }

    /**
     * Deploys the router verticles; the future completes once every instance listens.
     *
     * @param metrics told of every statement, pool wait and backend connect, on the event loops
     */
    public static Future<RouterDeployment> start(Vertx vertx, JunctionConfig config, RouterMetrics metrics) {
        return start(vertx, config, metrics, true);
    }

    /**
     * Deploys the router verticles; the future completes once every instance listens.
     *
     * @param metrics told of every statement, pool wait and backend connect, on the event loops
     * @param monitorLocally whether this node starts its own health monitor (see {@link #monitorLocally(boolean)})
     */
    public static Future<RouterDeployment> start(Vertx vertx, JunctionConfig requested, RouterMetrics metrics,
                                                 boolean monitorLocally) {
        JunctionConfig config = ListenerPort.concrete(requested);
        NodeLimits limits = new NodeLimits(config);
        StatsCollector stats = new StatsCollector();
        RouterLoops loops = new RouterLoops();
        int instances = config.listener().eventLoops() > 0
                ? config.listener().eventLoops()
                : Runtime.getRuntime().availableProcessors();
        return vertx.deployVerticle(() -> new RouterVerticle(config, limits, stats, loops, metrics),
                        new DeploymentOptions().setInstances(instances))
                .compose(routers -> {
                    RouterDeployment deployment = new RouterDeployment(vertx, routers, limits, stats, loops, config,
                            monitorLocally);
                    return deployment.startMonitor(config).map(deployment);
                });
    }

    /**
     * Runs {@code next} from now on: hostgroups, servers, users, limits, timeouts, query rules, replication
     * hostgroups and monitor settings. Each router verticle swaps in the new snapshot on its own event loop, so
     * sessions see it from their next statement or login; only the pools of servers and users that changed are
     * touched (see {@link io.junction.router.backend.BackendPool}); the health monitor restarts when what it checks
     * changed. Listener and TLS sections are kept as they are until the node restarts (logged). Changes apply one
     * after the other, in the order given; the future completes once every loop runs {@code next}.
     */
    public synchronized Future<Void> apply(JunctionConfig next) {
        applying = applying.transform(previous -> applyNow(next));
        return applying;
    }

    private Future<Void> applyNow(JunctionConfig next) {
        ConfigChanges changes = ConfigChanges.between(running, next);
        if (!changes.needRestart().isEmpty()) {
            LOG.warn("config version {}: {} changed; that takes effect when the node restarts", next.version(), changes.needRestart());
        }
        QueryRules rules = changes.rulesChanged() ? new QueryRules(next.queryRules()) : limits.rules();
        limits.applyServers(changes.servers());
        limits.applyUsers(changes.effective().users());
        limits.rules(rules);
        running = changes.effective();
        return loops.onEach(loop -> loop.apply(changes, rules))
                .compose(v -> changes.monitorChanged() ? restartMonitor(changes.effective()) : Future.succeededFuture())
                .onSuccess(v -> LOG.info("config version {} applied", next.version()))
                .onFailure(e -> LOG.error("config version {} could not be applied everywhere", next.version(), e));
    }

    /**
     * Makes this node's caps its share of the cluster-wide ones, now that the cluster has {@code members} live
     * nodes and this one ranks {@code rank} among them (see {@link ClusterShare}): each server's
     * {@code max_connections}, each user's client {@code max_connections} and {@code max_backend_connections}.
     * Call it again whenever a node joins or leaves. Budgets resize in place: idle connections above a lower cap
     * are closed at once, lent ones when given back, and no more than the new cap is opened afterwards; clients
     * already logged in stay.
     *
     * @throws IllegalArgumentException unless {@code 0 <= rank < members}
     */
    public void share(int rank, int members) {
        limits.share(new ClusterShare(rank, members));
        loops.onEach(loop -> {
            loop.pools().trimToCaps();
            return Future.succeededFuture();
        });
    }

    /** {@link #drain(Duration)} with {@link #DRAIN_GRACE}. */
    public Future<Void> drain() {
        return drain(DRAIN_GRACE);
    }

    /**
     * Takes the node out of service gently. The listener closes, which is what a TCP load balancer notices (a
     * connection accepted in the last moment gets error 1053 "Server shutdown in progress"). Sessions between
     * commands outside a transaction are closed at once with error 1053; a session in a transaction or with a
     * statement in flight is closed as soon as it is neither (after its COMMIT, after its result). Sessions still
     * open after {@code grace} are closed anyway: the backend rolls back what they left open. Completes when no
     * client session is left. Backend pools and the monitor go on until {@link #stop()}.
     */
    public Future<Void> drain(Duration grace) {
        draining = true;
        LOG.info("draining: no new clients, sessions close as their transactions end (at most {} s)", grace.toSeconds());
        return loops.onEach(loop -> loop.drain(grace.toMillis()))
                .onSuccess(v -> LOG.info("drained: no client session left"));
    }

    /** Whether {@link #drain} was called: the node takes no new clients. */
    public boolean draining() {
        return draining;
    }

    /** The snapshot the router runs now (the last one applied, with the listener and TLS it started with). */
    public JunctionConfig config() {
        return running;
    }

    /**
     * Whether this node runs the health monitor itself (the default) or only shows what another node's monitor
     * observes, handed over with {@link #observe}: in a cluster one node monitors for all. Turned on, a monitor
     * starts from what the board shows, so a server the previous monitor shunned stays shunned; turned off, the
     * monitor stops and the board keeps its last snapshot. Runs in turn with config changes (a later change restarts
     * the monitor only where it runs); completes once the monitor started or stopped.
     */
    public synchronized Future<Void> monitorLocally(boolean on) {
        monitorLocally = on;
        applying = applying.transform(previous -> on ? startMonitor(running) : stopMonitor());
        return applying;
    }

    /** Whether this node runs the health monitor (when the config enables it); see {@link #monitorLocally(boolean)}. */
    public boolean monitorsLocally() {
        return monitorLocally;
    }

    /**
     * Puts what another node's monitor observed on this node's health board: the router verticles route by it
     * from their next statement, as if this node's monitor had published it.
     *
     * @throws IllegalStateException while this node runs its own monitor, which alone publishes to its board
     */
    public void observe(HealthSnapshot snapshot) {
        if (monitorLocally) {
            throw new IllegalStateException("this node runs its own monitor; turn it off before observing another's");
        }
        limits.health().publish(snapshot);
    }

    /** The health monitor, when the config enables it and this node monitors: it publishes to the node's board. */
    private Future<Void> startMonitor(JunctionConfig config) {
        if (!monitorLocally || !config.monitor().enabled() || monitorId != null) {
            return Future.succeededFuture();
        }
        return vertx.deployVerticle(new MonitorVerticle(config, limits.health())).map(id -> {
            monitorId = id;
            return null;
        });
    }

    /**
     * A new monitor for a new config; it starts from what the old one observed. Without a monitor, every server
     * counts as healthy again (observations nobody updates would keep a server shunned forever).
     */
    private Future<Void> restartMonitor(JunctionConfig config) {
        boolean wasRunning = monitorId != null;
        Future<Void> stopped = wasRunning ? vertx.undeploy(monitorId) : Future.succeededFuture();
        return stopped.compose(v -> {
            monitorId = null;
            if (wasRunning && !config.monitor().enabled()) {
                limits.health().publish(new HealthSnapshot(limits.health().current().version() + 1, Map.of()));
            }
            return startMonitor(config);
        });
    }

    private Future<Void> stopMonitor() {
        if (monitorId == null) {
            return Future.succeededFuture();
        }
        return vertx.undeploy(monitorId).onSuccess(v -> monitorId = null);
    }

    /** Node-wide counters: client connections open, backend connections per server. */
    /** The router verticles, one per event loop. */
    RouterLoops loops() {
        return loops;
    }

    public NodeLimits limits() {
        return limits;
    }

    /** Statement digests and backend pools of every router verticle, each read on its own event loop, merged. */
    public Future<StatsSnapshot> stats() {
        return stats.collect();
    }

    /** The port the router listens on. */
    public int port() {
        return limits.port();
    }

    public synchronized Future<Void> stop() {
        applying = applying.transform(previous -> {
            Future<Void> monitor = monitorId == null ? Future.succeededFuture() : vertx.undeploy(monitorId);
            return monitor.compose(v -> vertx.undeploy(deploymentId));
        });
        return applying;
    }
}
