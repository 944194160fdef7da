package io.junction.node;

import io.junction.fixture.FreePorts;
import io.junction.fixture.MariaDb;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three nodes in their own JVMs in front of one real MariaDB and one server where nothing listens: one node
 * monitors for the cluster, every node shows and routes by what it observes, and when that node stops (or is
 * drained) the next one takes over without forgetting that the dead server is shunned. The tests run in order on
 * one cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedHealthTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final int SHUN_AFTER_FAILURES = 3;
    /** Bytes MariaDB counts for one COM_PING (4-byte header, 1-byte command). */
    private static final int PING_BYTES = 5;

    @TempDir
    static Path dir;
    private MariaDb db;
    private String dead;
    private TestCluster cluster;

    @BeforeAll
    void start() throws Exception {
        db = MariaDb.start();
        db.execute("SET GLOBAL userstat = 1", // per-user traffic in information_schema.USER_STATISTICS
                "CREATE DATABASE app", "CREATE USER 'app'@'%' IDENTIFIED BY 'app-pw'", "GRANT ALL ON app.* TO 'app'@'%'",
                "CREATE USER 'monitor'@'%' IDENTIFIED BY 'monitor-pw'",
                "GRANT REPLICATION CLIENT, SLAVE MONITOR ON *.* TO 'monitor'@'%'");
        int deadPort = FreePorts.pick();
        dead = "127.0.0.1:" + deadPort;
        cluster = TestCluster.start(dir, 3, """
                hostgroups: [{id: 0, name: writer}]
                servers:
                  - {host: 127.0.0.1, port: %d, hostgroup: 0}
                  - {host: 127.0.0.1, port: %d, hostgroup: 0}
                users: [{name: app, password: app-pw, default_hostgroup: 0, default_schema: app}]
                monitor: {enabled: true, user: monitor, password: monitor-pw, ping_interval_ms: 200, check_timeout_ms: 500,
                          shun_after_failures: %d, recover_after_successes: 2}
                """.formatted(db.port(), deadPort, SHUN_AFTER_FAILURES));
    }

    @AfterAll
    void stop() throws Exception {
        if (cluster != null) {
            cluster.stopAll();
            cluster.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    @Order(1)
    void everyNodeShowsTheObservationsOfOneLeaderWhichAloneRunsChecks() throws Exception {
        Await.until(() -> members(cluster.node(1)).stream().filter(m -> m.getBoolean("ready")).count() == 3,
                "three members in service", DEADLINE);
        String lowest = members(cluster.node(1)).get(0).getString("id");

        List<JsonObject> answers = awaitOneView(cluster.node(0), 3, false, a -> leader(a).equals(lowest),
                "every node shows " + dead + " shunned, observed by the node with the lowest id");
        assertThat(answers.stream().filter(a -> a.getJsonObject("monitor").getBoolean("checks_here")).map(a -> a.getString("node")))
                .containsExactly(lowest);
        assertThat(health(answers.get(0), "127.0.0.1:" + db.port()).getBoolean("shunned")).isFalse();
        Await.until(() -> members(cluster.node(2)).stream().filter(m -> m.getBoolean("monitor_leader"))
                .map(m -> m.getString("id")).toList().equals(List.of(lowest)), "the member list names the leader alone", DEADLINE);
        Await.until(() -> monitorConnections() == 1, "one monitor connection on MariaDB, not one per node", DEADLINE);
    }

    @Test
    @Order(2)
    void everyNodeRoutesAwayFromTheShunnedServer() throws Exception {
        for (NodeProcess node : cluster.nodes()) {
            for (int i = 0; i < 5; i++) {
                try (Connection client = connect(node)) {
                    assertThat(port(client)).isEqualTo(db.port());
                }
            }
        }
        List<JsonObject> answers = answers(cluster.node(1));
        assertThat(answers).hasSize(3);
        for (JsonObject answer : answers) {
            for (Object row : answer.getJsonArray("pools")) {
                JsonObject pool = (JsonObject) row;
                if (pool.getString("server").equals(dead)) {
                    assertThat(pool.getLong("connect_errors")).as(answer.getString("node") + " tried " + dead).isZero();
                }
            }
        }
    }

    @Test
    @Order(3)
    void whenTheLeaderStopsTheNextNodeMonitorsAndTheDeadServerStaysShunned() throws Exception {
        List<JsonObject> before = awaitOneView(cluster.node(0), 3, true, a -> true, "every node shows the same view");
        String oldLeader = leader(before);
        long oldEpoch = before.get(0).getJsonObject("monitor").getLong("epoch");
        List<JsonObject> members = members(cluster.node(0));
        NodeProcess leaving = process(members, oldLeader);
        List<NodeProcess> survivors = cluster.nodes().stream().filter(n -> n != leaving).toList();
        String next = members.stream().map(m -> m.getString("id")).filter(id -> !id.equals(oldLeader)).findFirst().orElseThrow();
        NodeProcess successor = process(members, next);
        String shunLine = "server " + dead + " shunned after";
        long shunLogsBefore = occurrences(successor.log(), shunLine);

        long stopping = System.nanoTime();
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> {
            try {
                leaving.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        List<JsonObject> after = awaitOneView(survivors.get(0), 2, true, a -> !leader(a).equals(oldLeader),
                "the survivors show the new leader's view");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping);
        System.out.println("shared health: node " + next + " monitors for the cluster " + millis
                + " ms after its leader was told to stop (epoch " + oldEpoch + " -> "
                + after.get(0).getJsonObject("monitor").getLong("epoch") + ")");
        stopped.get(60, TimeUnit.SECONDS);
        assertThat(leaving.alive()).isFalse();

        assertThat(leader(after)).isEqualTo(next);
        assertThat(after.get(0).getJsonObject("monitor").getLong("epoch")).isGreaterThan(oldEpoch);
        // Long enough for a monitor that started from scratch to have found the dead server and shunned it anew.
        long pingBytesAfterStop = monitorBytesReceived();
        Await.until(() -> {
            assertDeadShunned(answers(survivors.get(1)));
            return monitorBytesReceived() - pingBytesAfterStop >= (long) PING_BYTES * (SHUN_AFTER_FAILURES + 2);
        }, "the new leader pinged " + (SHUN_AFTER_FAILURES + 2) + " times", DEADLINE);
        assertThat(occurrences(successor.log(), shunLine)).as("the new monitor started from the shared view")
                .isEqualTo(shunLogsBefore);
        assertThat(successor.log()).contains("This node monitors the cluster's servers now");
        Await.until(() -> monitorConnections() == 1, "one monitor connection on MariaDB", DEADLINE);
        for (NodeProcess node : survivors) {
            try (Connection client = connect(node)) {
                assertThat(port(client)).isEqualTo(db.port());
            }
        }
    }

    @Test
    @Order(4)
    void aDrainedLeaderHandsTheMonitorToANodeInService() throws Exception {
        List<NodeProcess> live = cluster.nodes().stream().filter(NodeProcess::alive).toList();
        List<JsonObject> before = awaitOneView(live.get(0), 2, true, a -> true, "both nodes show the same view");
        String drained = leader(before);
        String other = before.stream().map(a -> a.getString("node")).filter(id -> !id.equals(drained)).findFirst().orElseThrow();

        HttpResponse<String> drain = Api.of(live.get(1)).post("/api/v1/cluster/members/" + drained + "/drain", new JsonObject());
        assertThat(drain.statusCode()).as(drain.body()).isEqualTo(202);

        List<JsonObject> after = awaitOneView(live.get(0), 2, true, a -> leader(a).equals(other),
                "the node in service monitors while the drained one is still a member");
        assertThat(after.stream().filter(a -> a.getJsonObject("monitor").getBoolean("checks_here")).map(a -> a.getString("node")))
                .containsExactly(other);
        Await.until(() -> monitorConnections() == 1, "one monitor connection on MariaDB", DEADLINE);
    }

    /**
     * Waits until exactly {@code expected} nodes answer, through {@code via}, all with the same leader, epoch,
     * version and health rows, the dead server shunned, and {@code also} holds of the answers.
     *
     * @param alreadyShunned every answer seen on the way must show the dead server shunned
     */
    private List<JsonObject> awaitOneView(NodeProcess via, int expected, boolean alreadyShunned,
                                          Predicate<List<JsonObject>> also, String what) throws Exception {
        AtomicReference<List<JsonObject>> agreed = new AtomicReference<>();
        Await.until(() -> {
            List<JsonObject> answers = answers(via);
            if (alreadyShunned) {
                assertDeadShunned(answers);
            }
            if (answers.size() != expected || !sameView(answers) || !deadShunned(answers.get(0)) || !also.test(answers)) {
                return false;
            }
            agreed.set(answers);
            return true;
        }, what, DEADLINE);
        return agreed.get();
    }

    private void assertDeadShunned(List<JsonObject> answers) {
        for (JsonObject answer : answers) {
            assertThat(deadShunned(answer))
                    .as(answer.getString("node") + " shows " + dead + " shunned: " + answer.getJsonArray("health")).isTrue();
        }
    }

    private boolean deadShunned(JsonObject answer) {
        JsonObject row = health(answer, dead);
        return row != null && row.getBoolean("shunned");
    }

    private static boolean sameView(List<JsonObject> answers) {
        JsonObject first = answers.get(0);
        String leader = first.getJsonObject("monitor").getString("leader");
        return leader != null && answers.stream().allMatch(a -> {
            JsonObject monitor = a.getJsonObject("monitor");
            return leader.equals(monitor.getString("leader"))
                    && monitor.getLong("epoch").equals(first.getJsonObject("monitor").getLong("epoch"))
                    && monitor.getLong("version").equals(first.getJsonObject("monitor").getLong("version"))
                    && a.getJsonArray("health").equals(first.getJsonArray("health"));
        });
    }

    /** The statistics of every node that answered {@code via}'s gathering. */
    private static List<JsonObject> answers(NodeProcess via) throws Exception {
        return Api.of(via).getJson("/api/v1/stats").getJsonArray("nodes").stream().map(JsonObject.class::cast).toList();
    }

    private static String leader(List<JsonObject> answers) {
        return answers.get(0).getJsonObject("monitor").getString("leader");
    }

    private static JsonObject health(JsonObject answer, String server) {
        return answer.getJsonArray("health").stream().map(JsonObject.class::cast)
                .filter(row -> row.getString("server").equals(server)).findFirst().orElse(null);
    }

    private static List<JsonObject> members(NodeProcess node) throws Exception {
        return Api.of(node).getJson("/api/v1/cluster/members").getJsonArray("members").stream()
                .map(JsonObject.class::cast).toList();
    }

    private NodeProcess process(List<JsonObject> members, String id) {
        int adminPort = members.stream().filter(m -> m.getString("id").equals(id)).findFirst().orElseThrow()
                .getInteger("admin_port");
        return cluster.nodes().stream().filter(n -> n.adminPort() == adminPort).findFirst().orElseThrow();
    }

    private int monitorConnections() {
        return Integer.parseInt(db.queryString("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = 'monitor'"));
    }

    /** What all monitors together sent MariaDB as user monitor: 5 bytes a ping. */
    private long monitorBytesReceived() {
        String bytes = db.queryString("SELECT BYTES_RECEIVED FROM information_schema.USER_STATISTICS WHERE USER = 'monitor'");
        return bytes == null ? 0 : Long.parseLong(bytes);
    }

    private static long occurrences(String text, String part) {
        long count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static Connection connect(NodeProcess node) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + node.mysqlPort() + "/app?user=app&password=app-pw");
    }

    private static int port(Connection client) throws SQLException {
        try (Statement s = client.createStatement(); ResultSet rs = s.executeQuery("SELECT @@port")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
