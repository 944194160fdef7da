package io.junction.router;

import io.junction.config.JunctionConfig;
import io.junction.config.ServerConfig;
import io.junction.router.backend.ServerBudget;
import io.junction.router.monitor.HealthBoard;
import io.junction.router.routing.PinCounters;
import io.junction.router.routing.QueryRules;
import io.junction.router.stats.PreparedCounters;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The only state shared by the router verticles of a node: counters of open client connections (node-wide and per
 * user), each server's backend connection budget, pin counts and the monitor's health board. Everything else
 * belongs to one event loop.
 */
public final class NodeLimits {
    private final AtomicInteger clients = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong connectionIds = new java.util.concurrent.atomic.AtomicLong();
    private final Map<String, AtomicInteger> clientsPerUser = new ConcurrentHashMap<>();
    private final Map<String, ServerBudget> budgets = new ConcurrentHashMap<>();
    private volatile int port;
    private final PinCounters pins = new PinCounters();
    private final HealthBoard health = new HealthBoard();
    private final QueryRules rules;
    private final PreparedCounters prepared = new PreparedCounters();
    private final java.util.concurrent.atomic.LongAdder compressedSessions = new java.util.concurrent.atomic.LongAdder();

    public NodeLimits(JunctionConfig config) {
        this.rules = new QueryRules(config.queryRules());
        for (ServerConfig server : config.servers()) {
            budget(server);
        }
    }

    /** Counts a new client connection unless {@code max} are open already. */
    public boolean tryOpenClient(int max) {
        return tryIncrement(clients, max);
    }

    /** Counts a client session that logged in with the compressed protocol. */
    public void compressedSession() {
        compressedSessions.increment();
    }

    /** Client sessions so far that used the compressed protocol. */
    public long compressedSessions() {
        return compressedSessions.sum();
    }

    /** Prepared statements: prepared, prepared again on another connection, evicted from a connection. */
    public PreparedCounters prepared() {
        return prepared;
    }

    /** The query rules, compiled once for the node, with their hit counters. */
    public QueryRules rules() {
        return rules;
    }

    /** What the monitor observes of the servers; every router verticle routes by it. */
    public HealthBoard health() {
        return health;
    }

    /** Sessions pinned so far, by reason. */
    public PinCounters pins() {
        return pins;
    }

    /** Records the port the listener bound (differs from the config when that says 0). */
    void boundPort(int port) {
        this.port = port;
    }

    /** The port clients connect to. */
    public int port() {
        return port;
    }

    /** A connection id unique on this node, sent to the client in its greeting. */
    public long nextConnectionId() {
        return connectionIds.incrementAndGet();
    }

    public void closeClient() {
        clients.decrementAndGet();
    }

    public int clients() {
        return clients.get();
    }

    /** Counts a logged-in client of {@code user} unless {@code max} are open already. */
    public boolean tryOpenUserClient(String user, int max) {
        return tryIncrement(clientsPerUser.computeIfAbsent(user, u -> new AtomicInteger()), max);
    }

    public void closeUserClient(String user) {
        clientsPerUser.get(user).decrementAndGet();
    }

    /** The backend connection budget of a server, shared by every event loop of this node. */
    public ServerBudget budget(ServerConfig server) {
        return budgets.computeIfAbsent(server.address(), a -> new ServerBudget(server.address(), server.maxConnections()));
    }

    /** Open backend connections per server address. */
    public Map<String, Integer> backendConnections() {
        Map<String, Integer> open = new java.util.TreeMap<>();
        budgets.forEach((address, budget) -> open.put(address, budget.open()));
        return open;
    }

    private static boolean tryIncrement(AtomicInteger counter, int max) {
        while (true) {
            int now = counter.get();
            if (now >= max) {
                return false;
            }
            if (counter.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }
}
