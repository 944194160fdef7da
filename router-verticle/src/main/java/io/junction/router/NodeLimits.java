package io.junction.router;

import io.junction.config.JunctionConfig;
import io.junction.config.ServerConfig;
import io.junction.config.UserConfig;
import io.junction.router.backend.BackendServers;
import io.junction.router.backend.ConnectionBudget;
import io.junction.router.backend.ServerBudget;
import io.junction.router.backend.UserBudget;
import io.junction.router.monitor.HealthBoard;
import io.junction.router.routing.PinCounters;
import io.junction.router.routing.QueryRules;
import io.junction.router.stats.PreparedCounters;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The only state shared by the router verticles of a node: counters of open client connections (node-wide and per
 * user), each server's and each user's backend connection budget, the compiled query rules, pin counts and the
 * monitor's health board. Everything else belongs to one event loop.
 *
 * <p>Budgets and per-user client caps are this node's {@link ClusterShare} of the configured, cluster-wide values.
 * A config change resizes budgets in place; a removed server's budget is kept (so its draining connections still
 * count) until its last connection closes. A removed user's budget is kept with its last cap, for the sessions
 * that stay logged in (user names are few, so it is never dropped). Changes are rare and synchronized; reads on
 * the data path are not.
 */
public final class NodeLimits {
    private final AtomicInteger clients = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong connectionIds = new java.util.concurrent.atomic.AtomicLong();
    private final Map<String, AtomicInteger> clientsPerUser = new ConcurrentHashMap<>();
    private final Map<String, ServerBudget> budgets = new ConcurrentHashMap<>();
    /** Budgets of servers no longer in the config that still have connections open. */
    private final Map<String, ServerBudget> retiredBudgets = new ConcurrentHashMap<>();
    private final Map<String, UserBudget> userBudgets = new ConcurrentHashMap<>();
    /** Each user's cluster-wide {@code max_backend_connections} (0: no limit), the last value configured. */
    private final Map<String, Integer> userBackendMax = new ConcurrentHashMap<>();
    private volatile BackendServers servers = BackendServers.NONE;
    private volatile ClusterShare share = ClusterShare.ALONE;
    private volatile int port;
    private final PinCounters pins = new PinCounters();
    private final HealthBoard health = new HealthBoard();
    private volatile QueryRules rules;
    private final PreparedCounters prepared = new PreparedCounters();
    private final java.util.concurrent.atomic.LongAdder compressedSessions = new java.util.concurrent.atomic.LongAdder();

    public NodeLimits(JunctionConfig config) {
        this.rules = new QueryRules(config.queryRules());
        applyServers(BackendServers.of(config));
        applyUsers(config.users());
    }

    /** Takes a new config's servers: budgets for new ones, new caps in place, removed ones kept until empty. */
    synchronized void applyServers(BackendServers next) {
        servers = next;
        for (String address : next.addresses()) {
            int cap = share.of(next.connectAs(address).maxConnections());
            ServerBudget budget = budgets.get(address);
            if (budget == null) {
                budget = retiredBudgets.remove(address);
                if (budget == null) {
                    budget = new ServerBudget(address, cap);
                }
                budgets.put(address, budget);
            }
            budget.resize(cap);
        }
        for (String address : java.util.List.copyOf(budgets.keySet())) {
            if (!next.addresses().contains(address)) {
                retiredBudgets.put(address, budgets.remove(address));
            }
        }
        retiredBudgets.values().removeIf(budget -> budget.open() == 0);
    }

    /** Takes a new config's users: each one's backend budget, created or resized in place. */
    synchronized void applyUsers(List<UserConfig> users) {
        for (UserConfig user : users) {
            userBackendMax.put(user.name(), user.maxBackendConnections());
            userBudget(user.name()).resize(userCap(user.name()));
        }
    }

    /** Makes every budget and per-user client cap this node's share of the configured value, and resizes budgets. */
    synchronized void share(ClusterShare next) {
        share = next;
        BackendServers now = servers;
        for (String address : now.addresses()) {
            budgets.get(address).resize(next.of(now.connectAs(address).maxConnections()));
        }
        userBudgets.forEach((user, budget) -> budget.resize(userCap(user)));
    }

    /** This node's share of a user's {@code max_backend_connections}, or no cap when it has none. */
    private int userCap(String user) {
        int max = userBackendMax.getOrDefault(user, UserConfig.NO_BACKEND_LIMIT);
        return max == UserConfig.NO_BACKEND_LIMIT ? UserBudget.UNLIMITED : share.of(max);
    }

    /** This node's place in the cluster, which decides its share of cluster-wide caps. */
    public ClusterShare share() {
        return share;
    }

    /** Swaps in the rules of a new config, compiled once for the node. */
    void rules(QueryRules next) {
        rules = next;
    }

    /** Counts a new client connection unless {@code max} are open already. */
    public boolean tryOpenClient(int max) {
        return ConnectionBudget.incrementBelow(clients, max);
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

    /**
     * Counts a logged-in client of {@code user} unless this node's share of {@code max} (the user's cluster-wide
     * {@code max_connections}) is open already.
     */
    public boolean tryOpenUserClient(String user, int max) {
        return ConnectionBudget.incrementBelow(clientsPerUser.computeIfAbsent(user, u -> new AtomicInteger()), share.of(max));
    }

    public void closeUserClient(String user) {
        clientsPerUser.get(user).decrementAndGet();
    }

    /** The backend connection budget of a server, shared by every event loop of this node. */
    public ServerBudget budget(ServerConfig server) {
        ServerBudget budget = budgets.get(server.address());
        return budget != null ? budget : unlistedBudget(server);
    }

    /** Whether a server's budget has room for a new connection now, for the server choice of a borrow. */
    public boolean hasRoom(ServerConfig server) {
        ServerBudget budget = budget(server);
        return budget.open() < budget.max();
    }

    /** The budget of a server the config does not list (any more): its retired budget, or a new one that drains. */
    private synchronized ServerBudget unlistedBudget(ServerConfig server) {
        ServerBudget budget = budgets.get(server.address());
        if (budget != null) {
            return budget;
        }
        return retiredBudgets.computeIfAbsent(server.address(), a -> new ServerBudget(a, share.of(server.maxConnections())));
    }

    /**
     * The budget of a user's backend connections over all servers, shared by every event loop of this node;
     * unlimited for a user the config never named.
     */
    public UserBudget userBudget(String user) {
        UserBudget budget = userBudgets.get(user);
        return budget != null ? budget : userBudgets.computeIfAbsent(user, u -> new UserBudget(u, userCap(u)));
    }

    /** Open backend connections per server address (removed servers included while they still have some). */
    public Map<String, Integer> backendConnections() {
        Map<String, Integer> open = new java.util.TreeMap<>();
        retiredBudgets.values().removeIf(budget -> budget.open() == 0); // drained: dropped
        retiredBudgets.forEach((address, budget) -> open.put(address, budget.open()));
        budgets.forEach((address, budget) -> open.put(address, budget.open()));
        return open;
    }
}
