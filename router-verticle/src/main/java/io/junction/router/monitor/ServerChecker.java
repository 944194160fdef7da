package io.junction.router.monitor;

import io.vertx.core.Future;
import io.vertx.mysqlclient.MySQLException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;

/**
 * The checks of one server and what they observed. Each kind of check runs at most once at a time; a tick that
 * finds the previous one still running is skipped. Only pings count toward shunning. When what it would publish
 * changes, it calls {@code onChange}. Used only from the monitor's event loop.
 */
final class ServerChecker {
    private static final Logger log = LoggerFactory.getLogger(ServerChecker.class);

    private final String address;
    private final ServerProbe probe;
    private final ShunPolicy policy;
    private final List<Integer> latencyLimitsMs;
    private final Runnable onChange;

    private ShunPolicy.State shun = ShunPolicy.State.HEALTHY;
    private Boolean readOnly;
    private Integer lag;
    private ServerHealth published;
    private boolean pinging;
    private boolean readingReadOnly;
    private boolean readingLag;
    private boolean readOnlyWarned;
    private boolean lagWarned;
    private boolean closed;

    /**
     * @param latencyLimitsMs the positive {@code max_latency_ms} of the server's entries in the config
     * @param known what a previous monitor observed of the server (a monitor restarted for a new config), or
     *        {@link ServerHealth#unknown}: a shunned server stays shunned until it recovers by the policy
     */
    ServerChecker(String address, ServerProbe probe, ShunPolicy policy, List<Integer> latencyLimitsMs, Runnable onChange,
                  ServerHealth known) {
        this.address = address;
        this.probe = probe;
        this.policy = policy;
        this.latencyLimitsMs = List.copyOf(latencyLimitsMs);
        this.onChange = onChange;
        this.published = known;
        this.readOnly = known.readOnly();
        this.lag = known.replicationLagSeconds();
        this.shun = known.shunned() ? new ShunPolicy.State(true, policy.shunAfterFailures(), 0) : ShunPolicy.State.HEALTHY;
    }

    String address() {
        return address;
    }

    /** What the board shows of this server: latency is only updated when it moved enough to matter. */
    ServerHealth health() {
        return published;
    }

    void ping() {
        if (pinging) {
            return;
        }
        pinging = true;
        probe.run(connection -> {
            long start = System.nanoTime();
            return connection.ping().map(v -> Math.max(1, (System.nanoTime() - start) / 1_000));
        }).onComplete(done -> {
            pinging = false;
            if (closed) {
                return;
            }
            onPing(done.succeeded(), done.succeeded() ? done.result() : published.latencyMicros(), done.cause());
        });
    }

    void checkReadOnly() {
        if (readingReadOnly) {
            return;
        }
        readingReadOnly = true;
        probe.run(connection -> connection.query("SELECT @@global.read_only").execute()).onComplete(done -> {
            readingReadOnly = false;
            if (closed) {
                return;
            }
            readOnlyWarned = logFailure("read_only", readOnlyWarned, done.cause());
            if (done.failed()) {
                return;
            }
            RowIterator<Row> rows = done.result().iterator();
            Boolean observed = rows.hasNext() ? isOn(rows.next().getValue(0)) : null;
            if (!Objects.equals(observed, readOnly)) {
                log.info("server {} read_only {}", address,
                        readOnly == null ? "is " + flag(observed) : "changed " + flag(readOnly) + " -> " + flag(observed));
                readOnly = observed;
                publishIfChanged(published.latencyMicros());
            }
        });
    }

    void checkLag() {
        if (readingLag) {
            return;
        }
        readingLag = true;
        probe.run(connection -> connection.query(LagReader.QUERY).execute().map(LagReader::lagOf)).onComplete(done -> {
            readingLag = false;
            if (closed) {
                return;
            }
            lagWarned = logFailure("replication lag", lagWarned, done.cause());
            if (done.failed()) {
                return;
            }
            Integer observed = done.result();
            if (Objects.equals(observed, lag)) {
                return;
            }
            if (Objects.equals(observed, LagReader.STOPPED)) {
                log.info("server {} replication stopped", address);
            } else if (Objects.equals(lag, LagReader.STOPPED)) {
                log.info("server {} replication running, {} s behind", address, observed);
            }
            lag = observed;
            publishIfChanged(published.latencyMicros());
        });
    }

    /** Closes the connection; results of checks still running are dropped. */
    Future<Void> close() {
        closed = true;
        return probe.close();
    }

    private void onPing(boolean succeeded, long latencyMicros, Throwable failure) {
        ShunPolicy.State before = shun;
        shun = policy.after(before, succeeded);
        if (shun.shunned() && !before.shunned()) {
            log.info("server {} shunned after {} failed checks: {}", address, shun.failures(), reason(failure));
        } else if (before.shunned() && !shun.shunned()) {
            log.info("server {} recovered after {} successful checks", address, policy.recoverAfterSuccesses());
        } else if (!succeeded) {
            log.debug("server {} check failed ({} in a row): {}", address, shun.failures(), reason(failure));
        }
        long latency = latencyMoved(published.latencyMicros(), latencyMicros, latencyLimitsMs)
                ? latencyMicros : published.latencyMicros();
        publishIfChanged(latency);
    }

    private void publishIfChanged(long latencyMicros) {
        ServerHealth next = new ServerHealth(address, shun.shunned(), readOnly, lag, latencyMicros);
        if (!next.equals(published)) {
            published = next;
            onChange.run();
        }
    }

    /** A latency worth publishing: the first, one more than 20% away from the last published, or across a limit. */
    static boolean latencyMoved(long publishedMicros, long measuredMicros, List<Integer> limitsMs) {
        if (Math.abs(measuredMicros - publishedMicros) * 5 > publishedMicros) {
            return true;
        }
        for (int limitMs : limitsMs) {
            long limitMicros = limitMs * 1_000L;
            if ((publishedMicros > limitMicros) != (measuredMicros > limitMicros)) {
                return true;
            }
        }
        return false;
    }

    /** {@code read_only} as MariaDB (0/1) or an enum-valued server (OFF/ON/NO_LOCK...) returns it. */
    static Boolean isOn(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number.longValue() != 0;
        }
        String text = value.toString();
        return !(text.equals("0") || text.equalsIgnoreCase("OFF"));
    }

    /**
     * Logs a failed read_only or lag check; the value last read is kept meanwhile. An error from the server (a
     * missing privilege fails every time) is a warning, once, until the check succeeds again; a connection that
     * fails is the ping's to report. Returns whether a warning stands.
     */
    private boolean logFailure(String check, boolean warned, Throwable failure) {
        if (failure == null) {
            if (warned) {
                log.info("server {} {} check succeeds again", address, check);
            }
            return false;
        }
        if (failure instanceof MySQLException && !warned) {
            log.warn("server {} {} check fails: {}", address, check, reason(failure));
            return true;
        }
        log.debug("server {} {} check failed: {}", address, check, reason(failure));
        return warned;
    }

    private static String flag(Boolean value) {
        return value == null ? "unknown" : value ? "1" : "0";
    }

    private static String reason(Throwable failure) {
        if (failure == null) {
            return "none";
        }
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }
}
