package io.junction.node;

import io.junction.config.AdminConfig;
import io.junction.config.AdminPasswords;
import io.junction.config.ConfigLoader;
import io.junction.config.JunctionConfig;
import io.junction.config.ListenerConfig;
import io.junction.config.ServerConfig;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Boots a whole node on ephemeral ports. No MySQL round trip here: the backend server need not exist. */
class NodeLauncherTest {
    private RunningNode node;

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void nodeIsHealthyAndReadyOnEphemeralPorts() throws Exception {
        node = launch(config(0));

        assertThat(node.mysqlPort()).isPositive();
        assertThat(node.adminPort()).isPresent();
        assertThat(node.ready()).isTrue();

        HttpResponse<String> health = Http.get(node.adminPort().getAsInt(), "/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(health.body())).isEqualTo(new JsonObject().put("status", "UP"));

        HttpResponse<String> ready = Http.get(node.adminPort().getAsInt(), "/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(ready.body())).isEqualTo(new JsonObject().put("ready", true).put("config_version", 5L));
    }

    @Test
    void mysqlListenerAcceptsTcpConnections() throws Exception {
        node = launch(config(0));

        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", node.mysqlPort()), 5_000);
            assertThat(socket.isConnected()).isTrue();
        }
    }

    @Test
    void metricsIncludeTheNodeGaugesAndVertxMetrics() throws Exception {
        node = launch(config(0));

        HttpResponse<String> metrics = Http.get(node.adminPort().getAsInt(), "/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body().lines())
                .contains("junction_client_connections 0.0")
                .contains("junction_backend_connections{server=\"127.0.0.1:3306\"} 0.0")
                .contains("junction_backend_connections{server=\"127.0.0.1:3307\"} 0.0")
                .contains("junction_pins_total{reason=\"transaction\"} 0.0")
                .contains("junction_server_shunned{server=\"127.0.0.1:3306\"} 0.0")
                .contains("junction_prepared_statements_total{event=\"reprepared\"} 0.0")
                .anySatisfy(line -> assertThat(line).startsWith("vertx_"))
                .anySatisfy(line -> assertThat(line).startsWith("jvm_memory_used_bytes"));
    }

    @Test
    void adminCanBeDisabled() throws Exception {
        JunctionConfig config = config(0);
        node = launch(withAdmin(config, new AdminConfig("127.0.0.1", 0, false)));

        assertThat(node.adminPort()).isEmpty();
        assertThat(node.ready()).isTrue();
    }

    @Test
    void stopReportsNotReady() throws Exception {
        node = launch(config(0));

        node.stop();

        assertThat(node.ready()).isFalse();
    }

    @Test
    void launchFailsWhenTheAdminPortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            JunctionConfig config = withAdmin(config(0), new AdminConfig("127.0.0.1", taken.getLocalPort(), true));

            assertThatThrownBy(() -> launch(config)).hasMessageContaining("Address already in use");
        }
    }

    @Test
    void aNodeRunningAloneCanBeDrainedThroughItsApi() throws Exception {
        String token = "drain-test-token";
        AdminConfig admin = new AdminConfig("127.0.0.1", 0, true, List.of(),
                List.of(new AdminConfig.AdminToken("test", AdminPasswords.tokenDigest(token))));
        node = launch(withAdmin(config(0), admin));
        int adminPort = node.adminPort().getAsInt();

        // Regression: draining a node that is not clustered threw before the drain began (no member map to update).
        HttpResponse<String> drain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + adminPort + "/api/v1/cluster/members/" + node.nodeId() + "/drain"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(drain.statusCode()).as(drain.body()).isEqualTo(202);
        assertThat(Http.get(adminPort, "/ready").statusCode()).isEqualTo(503);
        Await.until(() -> !accepts(node.mysqlPort()), "the MySQL listener is closed", java.time.Duration.ofSeconds(20));
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static RunningNode launch(JunctionConfig config) throws Exception {
        return NodeLauncher.launch(config);
    }

    /** Defaults with both endpoints on 127.0.0.1 at {@code port} (0 = ephemeral), version 5, two servers. */
    private static JunctionConfig config(int port) {
        JunctionConfig d = ConfigLoader.defaults();
        return new JunctionConfig(5, new ListenerConfig("127.0.0.1", port, 1), new AdminConfig("127.0.0.1", port, true),
                d.hostgroups(),
                List.of(ServerConfig.of("127.0.0.1", 3306, 0), ServerConfig.of("127.0.0.1", 3307, 0)),
                d.users(), d.limits(), d.timeouts());
    }

    private static JunctionConfig withAdmin(JunctionConfig c, AdminConfig admin) {
        return new JunctionConfig(c.version(), c.listener(), admin, c.hostgroups(), c.servers(), c.users(), c.limits(),
                c.timeouts());
    }
}
