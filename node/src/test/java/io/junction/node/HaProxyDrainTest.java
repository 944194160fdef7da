package io.junction.node;

import io.junction.fixture.MariaDb;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HAProxy in front of three nodes under a steady load of many clients, while one node is drained, stopped and
 * started again: the load keeps running, and the only statements that may fail are those of clients the drained
 * node had when the drain began (each such client fails at most once, then reconnects through HAProxy).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HaProxyDrainTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int CLIENTS = 30;
    /**
     * Once the drained node is back, clients reconnect after this many statements (as pools retire connections), so
     * it gets work again. Before that they keep their connections: only the drain can move them off the node.
     */
    private static final int STATEMENTS_PER_CONNECTION = 40;
    private static final Pattern CLIENT_GAUGE = Pattern.compile("(?m)^junction_client_connections\\S* ([0-9.eE+]+)$");

    @TempDir
    static Path dir;
    private MariaDb db;
    private TestCluster cluster;
    private HaProxy haproxy;

    @BeforeAll
    void start() throws Exception {
        db = MariaDb.start();
        db.execute("CREATE DATABASE app", "CREATE USER 'app'@'%' IDENTIFIED BY 'app-pw'", "GRANT ALL ON app.* TO 'app'@'%'");
        cluster = TestCluster.start(dir, 3, """
                hostgroups: [{id: 0, name: writer}]
                servers: [{host: 127.0.0.1, port: %d, hostgroup: 0, max_connections: 60}]
                users: [{name: app, password: app-pw, default_hostgroup: 0, default_schema: app}]
                """.formatted(db.port()));
        haproxy = HaProxy.start(dir, cluster.nodes());
    }

    @AfterAll
    void stop() throws Exception {
        if (haproxy != null) {
            haproxy.close();
        }
        if (cluster != null) {
            cluster.stopAll();
            cluster.close();
        }
        if (db != null) {
            db.stop();
        }
    }

    @Test
    void loadThroughHaProxySurvivesADrainedAndRestartedNode() throws Exception {
        NodeProcess drained = cluster.node(1);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean recycle = new AtomicBoolean(false);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger wrong = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            int client = i;
            clients.add(pool.submit(() -> load(client, running, recycle, ok, wrong, failures)));
        }
        int onDrainedNode;
        try {
            Await.until(() -> ok.get() >= 300, "the load is running", DEADLINE);
            Await.until(() -> clientsOf(drained) > 0, drained + " serves some of the clients", DEADLINE);
            onDrainedNode = clientsOf(drained);

            HttpResponse<String> drain = Api.of(cluster.node(0)).post("/api/v1/cluster/members/" + nodeId(drained) + "/drain",
                    new JsonObject());
            assertThat(drain.statusCode()).as(drain.body()).isBetween(200, 202);
            Await.until(() -> !drained.isReady() && clientsOf(drained) == 0, drained + " drained", DEADLINE);
            drained.stop();
            int beforeRestart = ok.get();
            Await.until(() -> ok.get() >= beforeRestart + 300, "the load runs on the other two nodes", DEADLINE);

            drained.start();
            recycle.set(true);
            Await.until(() -> clientsOf(drained) > 0, drained + " serves clients again", DEADLINE);
            int afterRestart = ok.get();
            Await.until(() -> ok.get() >= afterRestart + 300, "the load runs on all three nodes", DEADLINE);
        } finally {
            running.set(false);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        for (Future<?> client : clients) {
            client.get();
        }
        System.out.println("haproxy: " + ok + " statements through HAProxy, " + failures.size() + " failed ("
                + onDrainedNode + " clients were on the drained node): " + failures);
        assertThat(wrong).hasValue(0);
        assertThat(failures.size()).isLessThanOrEqualTo(onDrainedNode);
        assertThat(failures).as("only connection-level failures (SQLSTATE class 08)").allMatch(f -> f.contains(": 08"));
    }

    /** One client: checks its connection before each statement (as pools do), reconnects when it is gone. */
    private Void load(int client, AtomicBoolean running, AtomicBoolean recycle, AtomicInteger ok, AtomicInteger wrong,
                      List<String> failures) {
        String url = "jdbc:mariadb://127.0.0.1:" + haproxy.port() + "/app?user=app&password=app-pw&connectTimeout=5000";
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        Connection connection = null;
        int used = 0;
        try {
            for (int n = 0; running.get() && System.nanoTime() < deadline; n++) {
                try {
                    if (connection == null || (recycle.get() && used >= STATEMENTS_PER_CONNECTION) || !connection.isValid(2)) {
                        closeQuietly(connection);
                        connection = DriverManager.getConnection(url);
                        used = 0;
                    }
                    try (PreparedStatement s = connection.prepareStatement("SELECT ? + 1")) {
                        s.setInt(1, n);
                        try (ResultSet rs = s.executeQuery()) {
                            rs.next();
                            if (rs.getInt(1) != n + 1) {
                                wrong.incrementAndGet();
                            }
                        }
                    }
                    used++;
                    ok.incrementAndGet();
                } catch (SQLException e) {
                    failures.add("client " + client + ": " + e.getSQLState() + " " + e.getMessage());
                    closeQuietly(connection);
                    connection = null;
                }
            }
        } finally {
            closeQuietly(connection);
        }
        return null;
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken
            }
        }
    }

    /** The node's client connections, from its Prometheus gauge; 0 when the node does not answer. */
    private static int clientsOf(NodeProcess node) {
        try {
            HttpResponse<String> metrics = Http.get(node.adminPort(), "/metrics");
            Matcher m = CLIENT_GAUGE.matcher(metrics.body());
            return m.find() ? (int) Double.parseDouble(m.group(1)) : 0;
        } catch (Exception e) {
            return 0;
        }
    }

    private String nodeId(NodeProcess node) throws Exception {
        for (Object member : Api.of(cluster.node(0)).getJson("/api/v1/cluster/members").getJsonArray("members")) {
            JsonObject m = (JsonObject) member;
            if (m.getInteger("mysql_port") == node.mysqlPort()) {
                return m.getString("id");
            }
        }
        throw new AssertionError(node + " is not listed as a member");
    }
}
