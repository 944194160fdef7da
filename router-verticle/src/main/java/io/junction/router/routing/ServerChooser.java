package io.junction.router.routing;

import io.junction.config.ServerConfig;
import io.junction.config.ServerStatus;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * Picks a server of a hostgroup for a new borrow: ONLINE ones only, by weight, preferring ones with room. Runs once
 * per statement that needs a connection, so it makes one pass and allocates nothing.
 */
public final class ServerChooser {
    private static final Predicate<ServerConfig> ANY = server -> true;

    private ServerChooser() {
    }

    /**
     * A server by weight among those with free capacity; if none has any, among all (the pool's wait queue then
     * decides). Null if none is ONLINE.
     */
    public static ServerConfig choose(List<ServerConfig> servers, Predicate<ServerConfig> hasRoom) {
        ServerConfig roomy = pick(servers, hasRoom);
        return roomy != null ? roomy : pick(servers, ANY);
    }

    /** A server of {@code servers} that takes new work, chosen by weight; null if none is ONLINE. */
    public static ServerConfig choose(List<ServerConfig> servers) {
        return pick(servers, ANY);
    }

    /**
     * Weighted choice in one pass among the ONLINE servers that pass {@code also}: each one replaces the choice so far
     * with the probability of its weight over the total weight seen so far, which leaves every server chosen with
     * the probability of its weight over the whole total. {@code also} is asked once per server, so a pool that fills
     * up meanwhile cannot upset the sum.
     */
    private static ServerConfig pick(List<ServerConfig> servers, Predicate<ServerConfig> also) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long total = 0;
        ServerConfig chosen = null;
        for (ServerConfig server : servers) {
            if (server.status() != ServerStatus.ONLINE || server.weight() <= 0 || !also.test(server)) {
                continue;
            }
            total += server.weight();
            if (random.nextLong(total) < server.weight()) {
                chosen = server;
            }
        }
        return chosen;
    }
}
