package io.junction.router.backend;

import io.junction.config.ServerConfig;
import io.junction.config.TimeoutsConfig;
import io.junction.router.NodeLimits;
import io.junction.router.stats.DigestStats;
import io.junction.router.stats.PoolStats;
import io.junction.router.stats.PoolStatsRow;
import io.junction.router.stats.RouterMetrics;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * All backend pools of one event loop, and their upkeep: a timer closes connections past their max age and pings
 * long-idle ones, and drops the pools of servers that left the config once they are empty. A config change
 * reaches every pool through {@link #apply}. Not thread-safe: only its event loop touches it.
 */
public final class BackendPools {
    private final Vertx vertx;
    private final Context context;
    private final BackendConnector connector;
    private final NodeLimits limits;
    private final RouterMetrics metrics;
    private TimeoutsConfig timeouts;
    private BackendServers servers;
    private final Map<PoolKey, BackendPool> pools = new HashMap<>();
    private final Map<String, PoolStats> poolStats = new HashMap<>();
    private final DigestStats digestStats = new DigestStats();
    private long timer;

    public BackendPools(Vertx vertx, Context context, BackendConnector connector, NodeLimits limits, TimeoutsConfig timeouts,
                        BackendServers servers, RouterMetrics metrics) {
        this.vertx = vertx;
        this.context = context;
        this.connector = connector;
        this.limits = limits;
        this.metrics = metrics;
        this.timeouts = timeouts;
        this.servers = servers;
        this.timer = vertx.setPeriodic(maintenancePeriod(timeouts), id -> maintain());
    }

    /** The pool for a server, user and wire format, created on first use (lending nothing if the server is offline). */
    public BackendPool pool(ServerConfig server, String user, int wireFormat) {
        PoolKey key = new PoolKey(server.address(), user, wireFormat);
        return pools.computeIfAbsent(key, k -> {
            ServerConfig connectAs = servers.connectAs(server.address());
            return new BackendPool(k, connectAs != null ? connectAs : server, limits.budget(server),
                    limits.userBudget(user), this, servers.availability(server.address()));
        });
    }

    /**
     * A new config: every pool learns whether its server still takes borrows and how to connect to it; pools of
     * servers whose connection settings changed, and of users in {@code retiredUsers} (their password changed),
     * retire their connections; idle connections above a lowered cap (a server's or a user's) are closed.
     */
    public void apply(BackendServers next, Set<String> retiredUsers, TimeoutsConfig nextTimeouts) {
        BackendServers before = servers;
        servers = next;
        for (BackendPool pool : pools.values().toArray(BackendPool[]::new)) {
            String address = pool.key().server();
            ServerConfig connectAs = next.connectAs(address);
            boolean retire = next.reconnects(address, before) || retiredUsers.contains(pool.key().user());
            pool.apply(connectAs != null ? connectAs : pool.server(), next.availability(address), retire);
            if (connectAs != null && pool.budget() != limits.budget(connectAs)) {
                pools.remove(pool.key()).forget(); // a server removed and added again: its old, empty budget was dropped
            }
        }
        trimToCaps();
        if (maintenancePeriod(nextTimeouts) != maintenancePeriod(timeouts)) {
            vertx.cancelTimer(timer);
            timer = vertx.setPeriodic(maintenancePeriod(nextTimeouts), id -> maintain());
        }
        timeouts = nextTimeouts;
        connector.timeout(nextTimeouts.connectMs());
    }

    /**
     * Closes idle connections of servers and users that have more open than their cap (lowered by a config or a
     * cluster re-split).
     */
    public void trimToCaps() {
        for (BackendPool pool : pools.values()) {
            pool.trimToCap();
        }
    }

    RouterMetrics metrics() {
        return metrics;
    }

    private static long maintenancePeriod(TimeoutsConfig timeouts) {
        return Math.max(50, Math.min(1000, Math.min(timeouts.idlePingMs(), timeouts.maxAgeMs()) / 4));
    }


    /** Pools of this loop, for statistics. */
    public List<BackendPool> pools() {
        return new ArrayList<>(pools.values());
    }

    /** This loop's statement statistics; sessions record each statement they finish. */
    public DigestStats digestStats() {
        return digestStats;
    }

    /** A row per server address this loop has had a pool for: its counters, and how many connections are lent and idle now. */
    public List<PoolStatsRow> poolStats() {
        List<PoolStatsRow> rows = new ArrayList<>(poolStats.size());
        for (PoolStats stats : poolStats.values()) {
            int used = 0;
            int free = 0;
            for (BackendPool pool : pools.values()) {
                if (pool.key().server().equals(stats.server())) {
                    used += pool.lent();
                    free += pool.idle();
                }
            }
            rows.add(stats.row(used, free));
        }
        return rows;
    }

    /** The counters of connections to {@code server} on this loop, shared by its pools (one per user and wire format). */
    PoolStats poolStats(String server) {
        return poolStats.computeIfAbsent(server, PoolStats::new);
    }

    /** Closes one idle connection to {@code server} from any pool of this loop, to free budget for another. */
    boolean evictIdle(String server) {
        for (BackendPool pool : pools.values()) {
            if (pool.key().server().equals(server) && pool.evictOne()) {
                return true;
            }
        }
        return false;
    }

    /** Closes one idle connection of {@code user} (to any server) from any pool of this loop, to free its budget. */
    boolean evictIdleOfUser(String user) {
        for (BackendPool pool : pools.values()) {
            if (pool.key().user().equals(user) && pool.evictOne()) {
                return true;
            }
        }
        return false;
    }

    /** Closes every idle connection to {@code server} (shunned or taken offline); lent ones finish their work. */
    public void closeIdle(String server) {
        for (BackendPool pool : pools.values()) {
            if (pool.key().server().equals(server)) {
                while (pool.evictOne()) {
                    // each call closes one idle connection
                }
            }
        }
    }

    boolean expired(BackendConnection connection) {
        return System.nanoTime() - connection.createdAt() > TimeUnit.MILLISECONDS.toNanos(timeouts.maxAgeMs());
    }

    long idlePingNanos() {
        return TimeUnit.MILLISECONDS.toNanos(timeouts.idlePingMs());
    }

    long poolWaitMs() {
        return timeouts.poolWaitMs();
    }

    Vertx vertx() {
        return vertx;
    }

    Context context() {
        return context;
    }

    BackendConnector connector() {
        return connector;
    }

    private void maintain() {
        long now = System.nanoTime();
        for (BackendPool pool : pools.values()) {
            pool.maintain(now);
        }
        if (pools.values().removeIf(BackendPools::dropIfDrained)) {
            poolStats.keySet().removeIf(address -> !servers.addresses().contains(address)
                    && pools.keySet().stream().noneMatch(key -> key.server().equals(address)));
        }
    }

    private static boolean dropIfDrained(BackendPool pool) {
        if (!pool.drained()) {
            return false;
        }
        pool.forget();
        return true;
    }

    public void close() {
        vertx.cancelTimer(timer);
        pools.values().forEach(BackendPool::close);
    }
}
