package io.junction.router.monitor;

import io.junction.config.JunctionConfig;
import io.junction.config.MonitorConfig;
import io.junction.config.ReplicationHostgroupConfig;
import io.junction.config.ServerConfig;
import io.junction.router.TcpOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.mysqlclient.spi.MySQLDriver;
import io.vertx.sqlclient.spi.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks every configured server on a schedule (ping, {@code read_only}, replication lag) and publishes what it
 * observes to the {@link HealthBoard}, a new snapshot whenever something the router acts on changes. A server listed
 * in several hostgroups is checked once. Does nothing when the monitor is disabled. A monitor started for a new
 * config picks up what the board shows of the servers it checks, so a config change does not unshun a dead server.
 */
public final class MonitorVerticle extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(MonitorVerticle.class);

    private final JunctionConfig config;
    private final HealthBoard board;
    private final List<ServerChecker> checkers = new ArrayList<>();
    private final List<Long> timers = new ArrayList<>();
    private ConnectionFactory<MySQLConnectOptions> factory;

    public MonitorVerticle(JunctionConfig config, HealthBoard board) {
        this.config = config;
        this.board = board;
    }

    @Override
    public Future<?> start() {
        MonitorConfig monitor = config.monitor();
        if (!monitor.enabled()) {
            return Future.succeededFuture();
        }
        requirePositive("ping_interval_ms", monitor.pingIntervalMs());
        requirePositive("read_only_interval_ms", monitor.readOnlyIntervalMs());
        requirePositive("replication_lag_interval_ms", monitor.replicationLagIntervalMs());
        requirePositive("check_timeout_ms", monitor.checkTimeoutMs());
        ShunPolicy policy = new ShunPolicy(monitor.shunAfterFailures(), monitor.recoverAfterSuccesses());
        factory = MySQLDriver.INSTANCE.createConnectionFactory(vertx, TcpOptions.client(monitor.checkTimeoutMs()));

        Set<Integer> replicationHostgroups = replicationHostgroups(config.replicationHostgroups());
        List<ServerChecker> readOnlyChecked = new ArrayList<>();
        List<ServerChecker> lagChecked = new ArrayList<>();
        for (List<ServerConfig> entries : byAddress(config.servers()).values()) {
            ServerChecker checker = checker(entries, monitor, policy);
            checkers.add(checker);
            if (entries.stream().anyMatch(s -> replicationHostgroups.contains(s.hostgroup()))) {
                readOnlyChecked.add(checker);
            }
            if (entries.stream().anyMatch(s -> s.maxReplicationLagSeconds() > 0)) {
                lagChecked.add(checker);
            }
        }
        schedule(monitor.pingIntervalMs(), checkers, ServerChecker::ping);
        schedule(monitor.readOnlyIntervalMs(), readOnlyChecked, ServerChecker::checkReadOnly);
        schedule(monitor.replicationLagIntervalMs(), lagChecked, ServerChecker::checkLag);
        log.info("monitor checking {} servers ({} for read_only, {} for replication lag) as user {}",
                checkers.size(), readOnlyChecked.size(), lagChecked.size(), monitor.user());
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        timers.forEach(vertx::cancelTimer);
        List<Future<Void>> closed = new ArrayList<>();
        checkers.forEach(checker -> closed.add(checker.close()));
        if (factory != null) {
            Promise<Void> factoryClosed = Promise.promise();
            factory.close(factoryClosed);
            closed.add(factoryClosed.future());
        }
        return Future.join(closed);
    }

    /** The checker of one server address, from all of its entries in the config (one per hostgroup it is in). */
    private ServerChecker checker(List<ServerConfig> entries, MonitorConfig monitor, ShunPolicy policy) {
        ServerConfig server = entries.get(0);
        MySQLConnectOptions options = new MySQLConnectOptions()
                .setHost(server.host())
                .setPort(server.port())
                .setUser(monitor.user())
                .setPassword(monitor.password());
        ServerProbe probe = new ServerProbe(vertx, context, factory, options, monitor.checkTimeoutMs());
        List<Integer> latencyLimitsMs = entries.stream().map(ServerConfig::maxLatencyMs).filter(ms -> ms > 0).distinct().toList();
        return new ServerChecker(server.address(), probe, policy, latencyLimitsMs, this::publish,
                board.current().of(server.address()));
    }

    /** A new snapshot of every checked server; called on the monitor's event loop whenever one of them changed. */
    private void publish() {
        Map<String, ServerHealth> servers = new HashMap<>();
        checkers.forEach(checker -> servers.put(checker.address(), checker.health()));
        board.publish(new HealthSnapshot(board.current().version() + 1, servers));
    }

    /** Runs {@code check} on each of {@code targets} now and every {@code intervalMs}. */
    private void schedule(long intervalMs, List<ServerChecker> targets, Consumer<ServerChecker> check) {
        if (!targets.isEmpty()) {
            timers.add(vertx.setPeriodic(1, intervalMs, id -> targets.forEach(check)));
        }
    }

    private static Map<String, List<ServerConfig>> byAddress(List<ServerConfig> servers) {
        return servers.stream().collect(Collectors.groupingBy(ServerConfig::address, LinkedHashMap::new, Collectors.toList()));
    }

    private static Set<Integer> replicationHostgroups(List<ReplicationHostgroupConfig> pairs) {
        return pairs.stream()
                .flatMap(pair -> Stream.of(pair.writerHostgroup(), pair.readerHostgroup()))
                .collect(Collectors.toSet());
    }

    private static void requirePositive(String key, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("monitor." + key + ": " + value + " (expected: > 0)");
        }
    }
}
