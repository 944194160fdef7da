package io.junction.router.routing;

import io.junction.config.ServerConfig;
import io.junction.config.ServerStatus;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Picks a server of a hostgroup for a new borrow: ONLINE ones only, by weight, preferring ones with room. */
public final class ServerChooser {
    private ServerChooser() {
    }

    /**
     * A server by weight among those with free capacity; if none has any, among all (the pool's wait queue then
     * decides). Null if none is ONLINE.
     */
    public static ServerConfig choose(List<ServerConfig> servers, java.util.function.Predicate<ServerConfig> hasRoom) {
        List<ServerConfig> roomy = servers.stream().filter(hasRoom).toList();
        return choose(roomy.isEmpty() ? servers : roomy);
    }

    /** A server of {@code servers} that takes new work, chosen by weight; null if none is ONLINE. */
    public static ServerConfig choose(List<ServerConfig> servers) {
        long total = 0;
        for (ServerConfig server : servers) {
            if (server.status() == ServerStatus.ONLINE) {
                total += server.weight();
            }
        }
        if (total == 0) {
            return null;
        }
        long pick = ThreadLocalRandom.current().nextLong(total);
        for (ServerConfig server : servers) {
            if (server.status() == ServerStatus.ONLINE) {
                pick -= server.weight();
                if (pick < 0) {
                    return server;
                }
            }
        }
        throw new IllegalStateException("weights changed while choosing");
    }
}
