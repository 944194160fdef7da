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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

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
