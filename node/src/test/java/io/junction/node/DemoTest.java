package io.junction.node;

import io.junction.config.ConfigLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo on ephemeral ports, against a real throwaway MariaDB; one demo for all tests, which only read. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoTest {
    private final ShutdownHook hook = new ShutdownHook();
    private Demo demo;

    @BeforeAll
    void start() throws Exception {
        demo = Demo.start(ConfigLoader.defaults(), 0, 0, hook);
    }

    @AfterAll
    void stop() {
        hook.closeAll();
    }

    @Test
    void bannerNamesTheBoundPorts() {
        int port = demo.node().mysqlPort();
        int adminPort = demo.node().adminPort().getAsInt();

        assertThat(demo.banner().lines()).containsExactly(
                "Junction demo is ready (MariaDB on 127.0.0.1:" + demo.db().port() + " behind it).",
                "mysql: mariadb -h 127.0.0.1 -P " + port + " -u demo -pdemo demo",
                "tls:   mariadb -h 127.0.0.1 -P " + port + " -u demo -pdemo --ssl --ssl-ca=" + demo.certificate().certificate()
                        + " --ssl-verify-server-cert demo",
                "jdbc:  jdbc:mariadb://127.0.0.1:" + port + "/demo?user=demo&password=demo",
                "admin: http://127.0.0.1:" + adminPort + "/ (user demo, password demo)",
                "Press Ctrl-C to stop.");
    }

    @Test
    void nodeIsReadyWithTheDemoServerBehindIt() throws Exception {
        HttpResponse<String> ready = Http.get(demo.node().adminPort().getAsInt(), "/ready");
        HttpResponse<String> metrics = Http.get(demo.node().adminPort().getAsInt(), "/metrics");

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("junction_backend_connections{server=\"127.0.0.1:" + demo.db().port() + "\"}");
    }

    @Test
    void demoUserReadsTheGreetingsDirectlyFromMariaDb() throws Exception {
        assertThat(greetings(demo.db().port())).containsExactly("Hello from MariaDB", "Routed through Junction");
    }

    @Test
    void demoUserReadsTheGreetingsThroughJunction() throws Exception {
        assertThat(greetings(demo.node().mysqlPort())).containsExactly("Hello from MariaDB", "Routed through Junction");
    }

    @Test
    void demoServesTlsWithItsGeneratedCertificate() throws Exception {
        String verified = "?sslMode=verify-full&serverSslCert=" + demo.certificate().certificate();

        assertThat(greetings(demo.node().mysqlPort(), verified)).containsExactly("Hello from MariaDB", "Routed through Junction");
    }

    @Test
    void statementsAreTimedAndCountedByTypeAndResult() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + demo.node().mysqlPort() + "/demo",
                "demo", "demo"); Statement s = c.createStatement()) {
            Map<String, Double> before = metrics();
            for (int i = 0; i < 5; i++) {
                s.executeQuery("SELECT text FROM greetings").close();
            }
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM no_such_table"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("doesn't exist");

            Map<String, Double> after = awaitMetrics(m -> delta(before, m, "junction_statement_seconds_count", "query") >= 6);
            assertThat(delta(before, after, "junction_statement_seconds_count", "query")).isEqualTo(6);
            assertThat(delta(before, after, "junction_statement_seconds_bucket", "query", "le=\"+Inf\"")).isEqualTo(6);
            assertThat(delta(before, after, "junction_statement_seconds_bucket", "query", "le=\"30.0\"")).isEqualTo(6);
            assertThat(delta(before, after, "junction_statement_seconds_sum", "query")).isPositive();
            assertThat(delta(before, after, "junction_statements_total", "query", "result=\"ok\"")).isEqualTo(5);
            assertThat(delta(before, after, "junction_statements_total", "query", "result=\"error\"")).isEqualTo(1);
            assertThat(delta(before, after, "junction_errors_total", "code=\"1146\"")).isEqualTo(1);
            assertThat(after).containsKey("junction_pool_wait_seconds_count");
        }
    }

    @Test
    void aSecondNodeInTheSameJvmStartsBesideTheFirstAndBothServe() throws Exception {
        ShutdownHook secondHook = new ShutdownHook();
        try {
            Demo second = Demo.start(ConfigLoader.defaults(), 0, 0, secondHook);

            assertThat(greetings(second.node().mysqlPort())).containsExactly("Hello from MariaDB", "Routed through Junction");
            assertThat(greetings(demo.node().mysqlPort())).containsExactly("Hello from MariaDB", "Routed through Junction");
            assertThat(Http.get(second.node().adminPort().getAsInt(), "/metrics").body()).contains("junction_statement_seconds");
        } finally {
            secondHook.closeAll();
        }
        Map<String, Double> before = metrics();
        greetings(demo.node().mysqlPort());
        Map<String, Double> after = awaitMetrics(m -> delta(before, m, "junction_statement_seconds_count", "query") >= 1);
        assertThat(delta(before, after, "junction_statement_seconds_count", "query"))
                .as("the first node still counts its statements after the second one stopped").isPositive();
    }

    /** The sum of the samples whose series name is {@code name} and whose labels contain every one of {@code labels}. */
    private static double delta(Map<String, Double> before, Map<String, Double> after, String name, String... labels) {
        return sum(after, name, labels) - sum(before, name, labels);
    }

    private static double sum(Map<String, Double> samples, String name, String... labels) {
        double total = 0;
        for (Map.Entry<String, Double> sample : samples.entrySet()) {
            String series = sample.getKey();
            if ((series.equals(name) || series.startsWith(name + "{")) && Arrays.stream(labels).allMatch(series::contains)) {
                total += sample.getValue();
            }
        }
        return total;
    }

    /** The node's samples, series (name and labels) to value. */
    private Map<String, Double> metrics() throws Exception {
        Map<String, Double> samples = new HashMap<>();
        for (String line : Http.get(demo.node().adminPort().getAsInt(), "/metrics").body().lines().toList()) {
            int space = line.lastIndexOf(' ');
            if (!line.startsWith("#") && space > 0) {
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return samples;
    }

    /** Scrapes until {@code done} holds (the loop records a statement just after relaying its last packet), 10 s at most. */
    private Map<String, Double> awaitMetrics(Predicate<Map<String, Double>> done) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Map<String, Double> samples = metrics();
        while (!done.test(samples) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            samples = metrics();
        }
        return samples;
    }

    private static List<String> greetings(int port) throws Exception {
        return greetings(port, "");
    }

    private static List<String> greetings(int port, String options) throws Exception {
        List<String> texts = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/demo" + options, "demo", "demo");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT text FROM greetings ORDER BY id")) {
            while (rs.next()) {
                texts.add(rs.getString(1));
            }
        }
        return texts;
    }
}
