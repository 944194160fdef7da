package io.junction.admin;

import io.junction.config.AdminConfig;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Each endpoint, against a real HTTP server on an ephemeral port. */
class AdminVerticleTest {
    private static final long CONFIG_VERSION = 7;

    private final AtomicBoolean ready = new AtomicBoolean(true);
    private Vertx vertx;
    private WebClient client;
    private int port;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
                .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
                .setEnabled(true)));
        NodeStatus status = new NodeStatus() {
            @Override
            public boolean ready() {
                return ready.get();
            }

            @Override
            public long configVersion() {
                return CONFIG_VERSION;
            }
        };
        AdminVerticle admin = new AdminVerticle(new AdminConfig("127.0.0.1", 0, true), status);
        vertx.deployVerticle(admin).await(10, TimeUnit.SECONDS);
        port = admin.actualPort();
        client = WebClient.create(vertx);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void bindsAnEphemeralPortWhenConfiguredWithZero() {
        assertThat(port).isPositive();
    }

    @Test
    void healthIsUp() throws Exception {
        HttpResponse<Buffer> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("content-type")).startsWith("application/json");
        assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("status", "UP"));
    }

    @Test
    void readyReportsTheConfigVersion() throws Exception {
        HttpResponse<Buffer> response = get("/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject())
                .isEqualTo(new JsonObject().put("ready", true).put("config_version", CONFIG_VERSION));
    }

    @Test
    void readyIs503WhenTheNodeIsNotReady() throws Exception {
        ready.set(false);

        HttpResponse<Buffer> response = get("/ready");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("ready", false));
    }

    @Test
    void metricsServesThePrometheusRegistry() throws Exception {
        Counter.builder("admin.test.marker").register(BackendRegistries.getDefaultNow()).increment(3);

        HttpResponse<Buffer> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("content-type")).startsWith("text/plain");
        assertThat(response.bodyAsString()).contains("admin_test_marker_total 3.0");
    }

    @Test
    void rootServesTheStaticPageWithLinksToTheEndpoints() throws Exception {
        HttpResponse<Buffer> response = get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("content-type")).startsWith("text/html");
        assertThat(response.bodyAsString())
                .contains("<h1>Junction</h1>")
                .contains("href=\"/health\"", "href=\"/ready\"", "href=\"/metrics\"");
    }

    @Test
    void unknownPathIs404Json() throws Exception {
        HttpResponse<Buffer> response = get("/x");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("error", "not found: /x"));
    }

    @Test
    void wrongMethodOnAKnownPathIs405Json() throws Exception {
        HttpResponse<Buffer> response = request(HttpMethod.POST, "/health");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.bodyAsJsonObject())
                .isEqualTo(new JsonObject().put("error", "method not allowed: POST /health"));
    }

    private HttpResponse<Buffer> get(String path) throws Exception {
        return request(HttpMethod.GET, path);
    }

    private HttpResponse<Buffer> request(HttpMethod method, String path) throws Exception {
        return client.request(method, port, "127.0.0.1", path).send().await(10, TimeUnit.SECONDS);
    }
}
