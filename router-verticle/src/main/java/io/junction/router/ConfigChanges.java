package io.junction.router;

import io.junction.config.JunctionConfig;
import io.junction.config.ServerConfig;
import io.junction.config.UserConfig;
import io.junction.router.backend.BackendServers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a new config changes for a running node, worked out once per node from the snapshot it runs and the next
 * one, so that each event loop only swaps and acts.
 *
 * <p>The listener (address, port, event loops) and the listener's TLS are bound when the node starts: a new config
 * keeps the running ones ({@link #effective}) and {@link #needRestart} names them, for the caller to log.
 *
 * @param effective the snapshot to run: {@code next} with the running listener and TLS sections
 * @param servers what the pools need of each server address under {@code effective}
 * @param retiredUsers users whose backend connections must not be reused: removed, or their password changed
 *        (sessions already logged in go on, as with a MySQL user dropped or altered while connected)
 * @param rulesChanged the query rules differ: they are recompiled (hit counters start over)
 * @param monitorChanged what the health monitor checks differs: monitor settings, server entries, replication pairs
 * @param needRestart sections that differ but apply only from the next start
 */
record ConfigChanges(JunctionConfig effective, BackendServers servers, Set<String> retiredUsers, boolean rulesChanged,
                     boolean monitorChanged, List<String> needRestart) {

    static ConfigChanges between(JunctionConfig running, JunctionConfig next) {
        List<String> needRestart = new ArrayList<>();
        if (!running.listener().equals(next.listener())) {
            needRestart.add("listener");
        }
        if (!running.tls().equals(next.tls())) {
            needRestart.add("tls");
        }
        JunctionConfig effective = next.withListener(running.listener()).withTls(running.tls());
        return new ConfigChanges(effective, BackendServers.of(effective), retiredUsers(running.users(), next.users()),
                !running.queryRules().equals(next.queryRules()), monitorChanged(running, next), List.copyOf(needRestart));
    }

    private static Set<String> retiredUsers(List<UserConfig> before, List<UserConfig> after) {
        Set<String> retired = new HashSet<>();
        for (UserConfig old : before) {
            UserConfig now = after.stream().filter(u -> u.name().equals(old.name())).findFirst().orElse(null);
            if (now == null || !Objects.equals(old.password(), now.password())
                    || !Objects.equals(old.passwordHash(), now.passwordHash())
                    || !Objects.equals(old.passwordEd25519(), now.passwordEd25519())) {
                retired.add(old.name());
            }
        }
        return Set.copyOf(retired);
    }

    private static boolean monitorChanged(JunctionConfig running, JunctionConfig next) {
        return !running.monitor().equals(next.monitor())
                || !running.replicationHostgroups().equals(next.replicationHostgroups())
                || !checked(running.servers()).equals(checked(next.servers()));
    }

    /** What the monitor reads of each server entry. */
    private static List<String> checked(List<ServerConfig> servers) {
        return servers.stream().map(s -> s.address() + "/" + s.hostgroup() + "/" + s.maxReplicationLagSeconds()
                + "/" + s.maxLatencyMs()).toList();
    }
}
