package io.junction.node;

import io.junction.router.stats.RouterMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The router's events as Prometheus metrics: {@code junction_statements_total{command,hostgroup,result}} with the
 * latency histogram {@code junction_statement_seconds{command,hostgroup}}, {@code junction_errors_total{code}},
 * {@code junction_pool_wait_seconds} and {@code junction_pool_timeouts_total}, and
 * {@code junction_backend_connects_total{server,result}}. Meters are looked up once per label set and kept, so a
 * statement costs two map reads, one histogram observation and one increment.
 *
 * <p>The two latency histograms are the Prometheus client's own, registered beside Micrometer's meters in the
 * registry that {@code /metrics} scrapes: a Micrometer timer also keeps a decaying maximum and rotating histogram
 * windows, reading the clock on each record, which made it the costliest thing a busy event loop did per statement
 * after the socket calls. Their buckets are fixed (100 µs to 30 s) and classic, so any Prometheus reads them.
 */
final class NodeMetrics implements RouterMetrics {
    /** Bucket bounds in seconds, 100 µs to 30 s. */
    private static final double[] LATENCY_BOUNDS = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
            0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
    private static final double NANOS_PER_SECOND = 1e9;

    private final MeterRegistry registry;
    private final Histogram statementLatency;
    /** By command type, then hostgroup: no key object is built per statement (small Integers are cached). */
    private final Map<String, Map<Integer, StatementMeters>> statements = new ConcurrentHashMap<>();
    private final Map<Integer, Counter> errors = new ConcurrentHashMap<>();
    private final Map<String, Counter> connectsOk = new ConcurrentHashMap<>();
    private final Map<String, Counter> connectsFailed = new ConcurrentHashMap<>();
    private final DistributionDataPoint poolWait;
    private final Counter poolTimeouts;

    NodeMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
        this.statementLatency = latency(registry.getPrometheusRegistry(), "junction_statement_seconds",
                "Statement latency at the router, waiting for a connection included", "command", "hostgroup");
        this.poolWait = latency(registry.getPrometheusRegistry(), "junction_pool_wait_seconds",
                "Time statements waited for a backend connection at a server's cap");
        this.poolTimeouts = Counter.builder("junction.pool.timeouts")
                .description("Statements that gave up waiting for a backend connection (error 9001)")
                .register(registry);
    }

    /** Registers the histogram {@code name}; the registry is this node's own (NodeLauncher), so it is new there. */
    private static Histogram latency(PrometheusRegistry registry, String name, String help, String... labels) {
        return Histogram.builder().name(name).help(help).labelNames(labels)
                .classicOnly().classicUpperBounds(LATENCY_BOUNDS).withoutExemplars()
                .register(registry);
    }

    @Override
    public void statementFinished(String command, int hostgroup, long nanos, int errorCode) {
        StatementMeters meters = statements.computeIfAbsent(command, c -> new ConcurrentHashMap<>())
                .computeIfAbsent(hostgroup, h -> meters(command, h));
        meters.latency.observe(nanos / NANOS_PER_SECOND);
        if (errorCode == 0) {
            meters.ok.increment();
        } else {
            meters.failed.increment();
            errors.computeIfAbsent(errorCode, code -> Counter.builder("junction.errors")
                    .description("Errors clients got from statements, by MySQL error code")
                    .tag("code", String.valueOf(code))
                    .register(registry)).increment();
        }
    }

    @Override
    public void poolWait(long nanos, boolean timedOut) {
        poolWait.observe(nanos / NANOS_PER_SECOND);
        if (timedOut) {
            poolTimeouts.increment();
        }
    }

    @Override
    public void backendConnect(String server, long nanos, boolean ok) {
        Map<String, Counter> counters = ok ? connectsOk : connectsFailed;
        counters.computeIfAbsent(server, s -> Counter.builder("junction.backend.connects")
                .description("Backend connections opened (connect, login, session tracking set up)")
                .tag("server", s)
                .tag("result", ok ? "ok" : "failed")
                .register(registry)).increment();
    }

    private StatementMeters meters(String command, int hostgroupId) {
        String hostgroup = String.valueOf(hostgroupId);
        return new StatementMeters(statementLatency.labelValues(command, hostgroup),
                statementCounter(command, hostgroup, "ok"), statementCounter(command, hostgroup, "error"));
    }

    private Counter statementCounter(String command, String hostgroup, String result) {
        return Counter.builder("junction.statements")
                .description("Statements relayed, by command type, hostgroup and result")
                .tag("command", command)
                .tag("hostgroup", hostgroup)
                .tag("result", result)
                .register(registry);
    }

    private record StatementMeters(DistributionDataPoint latency, Counter ok, Counter failed) {
    }
}
