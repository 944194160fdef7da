package io.junction.node;

import io.junction.router.stats.RouterMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The router's events as Prometheus metrics: {@code junction_statements_total{command,hostgroup,result}} with the
 * latency histogram {@code junction_statement_seconds{command,hostgroup}}, {@code junction_errors_total{code}},
 * {@code junction_pool_wait_seconds} and {@code junction_pool_timeouts_total}, and
 * {@code junction_backend_connects_total{server,result}}. Meters are looked up once per label set and kept, so a
 * statement costs two map reads and two increments.
 */
final class NodeMetrics implements RouterMetrics {
    private static final Duration MIN_EXPECTED = Duration.ofNanos(50_000);
    private static final Duration MAX_EXPECTED = Duration.ofSeconds(30);

    private final MeterRegistry registry;
    /** By command type, then hostgroup: no key object is built per statement (small Integers are cached). */
    private final Map<String, Map<Integer, StatementMeters>> statements = new ConcurrentHashMap<>();
    private final Map<Integer, Counter> errors = new ConcurrentHashMap<>();
    private final Map<String, Counter> connectsOk = new ConcurrentHashMap<>();
    private final Map<String, Counter> connectsFailed = new ConcurrentHashMap<>();
    private final Timer poolWait;
    private final Counter poolTimeouts;

    NodeMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.poolWait = Timer.builder("junction.pool.wait")
                .description("Time statements waited for a backend connection at a server's cap")
                .publishPercentileHistogram()
                .minimumExpectedValue(MIN_EXPECTED)
                .maximumExpectedValue(MAX_EXPECTED)
                .register(registry);
        this.poolTimeouts = Counter.builder("junction.pool.timeouts")
                .description("Statements that gave up waiting for a backend connection (error 9001)")
                .register(registry);
    }

    @Override
    public void statementFinished(String command, int hostgroup, long nanos, int errorCode) {
        StatementMeters meters = statements.computeIfAbsent(command, c -> new ConcurrentHashMap<>())
                .computeIfAbsent(hostgroup, h -> meters(command, h));
        meters.latency.record(nanos, TimeUnit.NANOSECONDS);
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
        poolWait.record(nanos, TimeUnit.NANOSECONDS);
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
        Timer latency = Timer.builder("junction.statement")
                .description("Statement latency at the router, waiting for a connection included")
                .tag("command", command)
                .tag("hostgroup", hostgroup)
                .publishPercentileHistogram()
                .minimumExpectedValue(MIN_EXPECTED)
                .maximumExpectedValue(MAX_EXPECTED)
                .register(registry);
        return new StatementMeters(latency, statementCounter(command, hostgroup, "ok"),
                statementCounter(command, hostgroup, "error"));
    }

    private Counter statementCounter(String command, String hostgroup, String result) {
        return Counter.builder("junction.statements")
                .description("Statements relayed, by command type, hostgroup and result")
                .tag("command", command)
                .tag("hostgroup", hostgroup)
                .tag("result", result)
                .register(registry);
    }

    private record StatementMeters(Timer latency, Counter ok, Counter failed) {
    }
}
