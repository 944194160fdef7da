package io.junction.router.frontend;

import io.junction.config.JunctionConfig;
import io.junction.config.ServerConfig;
import io.junction.router.NodeLimits;
import io.junction.router.backend.BackendPools;
import io.junction.router.monitor.HealthSnapshot;
import io.junction.router.routing.HostgroupView;
import io.junction.router.routing.QueryRules;
import io.junction.router.stats.RouterMetrics;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What every session of one event loop shares: the config snapshot and query rules, the node's limits, this loop's
 * pools and metrics, and the version string clients are greeted with (the backend's, once one has been seen).
 *
 * <p>The snapshot is swapped whole by {@link #apply} on this loop, so a session reads one consistent config per
 * statement, and later statements and logins see the new one. When the node drains ({@link #drain}), no new client
 * is admitted and every session closes as soon as it is between commands outside a transaction.
 */
public final class RouterContext {
    /** Greeting until a backend has been seen: a MariaDB-style version keeps drivers on their MariaDB paths. */
    static final String DEFAULT_VERSION = "5.5.5-10.11.0-MariaDB-Junction";

    private final Vertx vertx;
    private JunctionConfig config;
    private QueryRules rules;
    private final RouterMetrics metrics;
    private Promise<Void> drained;
    private final Context context;
    private final NodeLimits limits;
    /** {@link NodeLimits#hasRoom}, made once per loop: the server choice of every borrow takes it. */
    private final Predicate<ServerConfig> roomy;
    private final BackendPools pools;
    private final Set<String> knownSchemas = new HashSet<>();
    private final Set<ClientSession> sessions = new HashSet<>();
    private String serverVersion = DEFAULT_VERSION;
    private HostgroupView view;
    private HealthSnapshot viewedHealth;
    private final Consumer<HealthSnapshot> healthListener;

    /** Must be created on the event loop it serves: health changes are applied there. */
    public RouterContext(Vertx vertx, JunctionConfig config, NodeLimits limits, BackendPools pools, RouterMetrics metrics) {
        this.vertx = vertx;
        this.config = config;
        this.rules = limits.rules();
        this.limits = limits;
        this.roomy = limits::hasRoom;
        this.pools = pools;
        this.metrics = metrics;
        this.viewedHealth = limits.health().current();
        this.view = HostgroupView.of(config, viewedHealth);
        this.context = vertx.getOrCreateContext();
        this.healthListener = snapshot -> context.runOnContext(v -> applyHealth(snapshot));
        limits.health().subscribe(healthListener);
    }

    /** Which servers of each hostgroup take new work now: rebuilt at once when the board has news. */
    public HostgroupView view() {
        HealthSnapshot now = limits.health().current();
        if (now != viewedHealth) {
            applyHealth(now);
        }
        return view;
    }

    /** Routes by the new observations; idle connections to servers that no longer take work are closed. */
    private void applyHealth(HealthSnapshot snapshot) {
        if (snapshot == viewedHealth) {
            return;
        }
        viewedHealth = snapshot;
        HostgroupView previous = view;
        view = HostgroupView.of(config, snapshot);
        for (String address : previous.addresses()) {
            if (!view.addresses().contains(address)) {
                pools.closeIdle(address);
            }
        }
    }

    /**
     * Swaps in a new config snapshot and its compiled rules; the hostgroup view is rebuilt from it. Sessions keep
     * the user they logged in as; everything else they read from here, from their next statement on.
     */
    public void apply(JunctionConfig next, QueryRules nextRules) {
        config = next;
        rules = nextRules;
        view = HostgroupView.of(next, viewedHealth);
    }

    /**
     * Admits no more clients and closes each session as soon as it is idle (at once for those that are); the future
     * completes when no session is left on this loop.
     */
    public Future<Void> drain() {
        if (drained == null) {
            drained = Promise.promise();
            for (ClientSession session : sessions.toArray(ClientSession[]::new)) {
                session.closeWhenIdle();
            }
            completeDrainIfEmpty();
        }
        return drained.future();
    }

    /** Whether this loop drains: new clients are refused. */
    boolean draining() {
        return drained != null;
    }

    /** Closes every session left, busy or not (a drain ran out of time). */
    public void closeAll() {
        for (ClientSession session : sessions.toArray(ClientSession[]::new)) {
            session.close();
        }
    }

    private void completeDrainIfEmpty() {
        if (drained != null && sessions.isEmpty()) {
            drained.tryComplete();
        }
    }

    /** Stops following health changes (the verticle is stopping). */
    public void close() {
        limits.health().unsubscribe(healthListener);
    }

    public Vertx vertx() {
        return vertx;
    }

    public JunctionConfig config() {
        return config;
    }

    /** The query rules of the config snapshot this loop runs. */
    public QueryRules rules() {
        return rules;
    }

    /** Where statements, pool waits and backend connects are reported. */
    RouterMetrics metrics() {
        return metrics;
    }

    public NodeLimits limits() {
        return limits;
    }

    /** Whether a server has room for a new backend connection now. */
    Predicate<ServerConfig> roomy() {
        return roomy;
    }

    public BackendPools pools() {
        return pools;
    }

    void opened(ClientSession session) {
        sessions.add(session);
    }

    void closed(ClientSession session) {
        sessions.remove(session);
        if (drained != null) {
            context.runOnContext(v -> completeDrainIfEmpty()); // once the session has finished closing
        }
    }

    /** Closes the clients idle past {@code clientIdleMs}; called by this loop's timer. */
    public void closeIdleClients(long now) {
        long idleNanos = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(config.timeouts().clientIdleMs());
        for (ClientSession session : sessions.toArray(ClientSession[]::new)) {
            session.closeIfIdleSince(now - idleNanos);
        }
    }

    public String serverVersion() {
        return serverVersion;
    }

    /** Greets later clients with the version a backend reported. */
    void sawBackendVersion(String version) {
        serverVersion = version;
    }

    /** Whether a user has already entered {@code schema} on this loop (so a login need not check it again). */
    boolean knowsSchema(String user, String schema) {
        return knownSchemas.contains(user + '\0' + schema);
    }

    void learnSchema(String user, String schema) {
        if (knownSchemas.size() < 10_000) {
            knownSchemas.add(user + '\0' + schema);
        }
    }
}
