package io.junction.router.stats;

import io.junction.config.HostgroupConfig;
import io.junction.config.JunctionConfig;
import io.junction.config.MonitorConfig;
import io.junction.config.QueryRuleConfig;
import io.junction.config.ServerConfig;
import io.junction.config.ServerStatus;
import io.junction.config.TimeoutsConfig;
import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import io.junction.router.Poll;
import io.junction.router.TestJunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static io.junction.router.Sql.exec;
import static io.junction.router.Sql.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link RouterMetrics}: what a node reports of statements, pool waits and backend connects, through a real node. */
@ExtendWith(MariaDbExtension.class)
class RouterMetricsTest {
    static MariaDb db;

    @BeforeAll
    static void start(MariaDb server) {
        db = server;
        TestJunction.prepare(db);
    }

    /** What the node reported, one line per call. */
    record Event(String kind, String command, int hostgroup, long nanos, int code, boolean flag, String server) {
    }

    static final class Recorder implements RouterMetrics {
        final Queue<Event> events = new ConcurrentLinkedQueue<>();

        @Override
        public void statementFinished(String command, int hostgroup, long nanos, int errorCode) {
            events.add(new Event("statement", command, hostgroup, nanos, errorCode, false, null));
        }

        @Override
        public void poolWait(long nanos, boolean timedOut) {
            events.add(new Event("wait", null, -1, nanos, 0, timedOut, null));
        }

        @Override
        public void backendConnect(String server, long nanos, boolean ok) {
            events.add(new Event("connect", null, -1, nanos, 0, ok, server));
        }

        void await(String what, Predicate<Event> expected) {
            Poll.until(what + " reported; got " + events, () -> events.stream().anyMatch(expected));
        }
    }

    @Test
    void statementsAreReportedByCommandHostgroupAndOutcome() throws Exception {
        Recorder metrics = new Recorder();
        try (TestJunction junction = TestJunction.start(TestJunction.config(db, 4), metrics);
             Connection c = DriverManager.getConnection(junction.mariadbUrl("useServerPrepStmts=true"))) {
            single(c, "SELECT 1");
            metrics.await("a query that succeeded", e -> e.kind().equals("statement") && e.command().equals(RouterMetrics.QUERY)
                    && e.hostgroup() == 0 && e.code() == 0 && e.nanos() > 0);
            assertThatThrownBy(() -> single(c, "SELECT * FROM no_such_table")).isInstanceOf(SQLException.class);
            metrics.await("a query that failed with 1146", e -> e.kind().equals("statement") && e.code() == 1146);
            try (PreparedStatement p = c.prepareStatement("SELECT ?")) {
                p.setInt(1, 3);
                try (ResultSet rs = p.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                }
            }
            metrics.await("a prepare", e -> RouterMetrics.STMT_PREPARE.equals(e.command()) && e.code() == 0);
            metrics.await("an execute", e -> RouterMetrics.STMT_EXECUTE.equals(e.command()) && e.code() == 0);
            metrics.await("the connection opened", e -> e.kind().equals("connect") && e.flag()
                    && e.server().equals(db.host() + ":" + db.port()));
        }
    }

    @Test
    void poolWaitsAreReportedServedOrTimedOut() throws Exception {
        Recorder metrics = new Recorder();
        JunctionConfig base = TestJunction.config(db, 1, 1);
        JunctionConfig config = new JunctionConfig(1, base.listener(), base.admin(), base.hostgroups(), base.servers(), base.users(),
                base.limits(), new TimeoutsConfig(5_000, 3_000, 300, 60_000, 3_600_000, 0));
        try (TestJunction junction = TestJunction.start(config, metrics);
             Connection holder = junction.connect(); Connection waiter = junction.connect()) {
            exec(holder, "START TRANSACTION");
            assertThatThrownBy(() -> single(waiter, "SELECT 1")).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getErrorCode()).isEqualTo(9001));
            metrics.await("a wait that timed out", e -> e.kind().equals("wait") && e.flag() && e.nanos() > 0);
            metrics.await("the statement that got no connection", e -> e.kind().equals("statement") && e.code() == 9001);

            CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return single(waiter, "SELECT 2");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Poll.until("the second statement waits", () -> junction.limits().budget(config.servers().get(0)).hasStarving());
            exec(holder, "COMMIT");
            assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo("2");
            metrics.await("a wait that was served", e -> e.kind().equals("wait") && !e.flag());
        }
    }

    @Test
    void aFailedBackendConnectIsReported() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Recorder metrics = new Recorder();
        JunctionConfig base = TestJunction.config(db, 4);
        QueryRuleConfig toDead = new QueryRuleConfig(1, true, null, null, null, "^SELECT 'dead'", null, null, 1, null, 0, null, true);
        JunctionConfig config = new JunctionConfig(1, base.listener(), base.admin(),
                List.of(new HostgroupConfig(0, "writer"), new HostgroupConfig(1, "dead")),
                List.of(base.servers().get(0), new ServerConfig("127.0.0.1", closedPort, 1, 1, 4, ServerStatus.ONLINE)),
                base.users(), base.limits(), base.timeouts(), List.of(toDead), List.of(), MonitorConfig.DEFAULT);
        try (TestJunction junction = TestJunction.start(config, metrics); Connection c = junction.connect()) {
            assertThatThrownBy(() -> single(c, "SELECT 'dead'")).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getErrorCode()).isEqualTo(2003));
            metrics.await("the failed connect", e -> e.kind().equals("connect") && !e.flag()
                    && e.server().equals("127.0.0.1:" + closedPort));
            metrics.await("the statement routed there", e -> e.kind().equals("statement") && e.hostgroup() == 1 && e.code() == 2003);
        }
    }
}
