package io.junction.admin.api;

import io.junction.admin.ClusterView;
import io.junction.config.AdminConfig;
import io.junction.config.store.SharedDataConfigStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.junction.admin.api.ApiFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document and the router cannot drift: each describes exactly the operations of the other, and the
 * console reads only operations the document describes.
 */
class OpenApiCoverageTest {
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private Vertx vertx;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationIsRouted() throws IOException {
        Set<String> routed = routedOperations();
        Set<String> documented = documentedOperations();

        assertThat(routed).as("routes of the API").hasSizeGreaterThan(30);
        assertThat(documented).containsExactlyInAnyOrderElementsOf(routed);
    }

    @Test
    void theDocumentIsOpenApi3WithBothAuthenticationSchemes() throws IOException {
        JsonObject document = document();

        assertThat(document.getString("openapi")).startsWith("3.");
        assertThat(document.getJsonObject("components").getJsonObject("securitySchemes").fieldNames())
                .containsExactlyInAnyOrder("basic", "bearer");
        assertThat(document.getJsonArray("servers").getJsonObject(0).getString("url")).isEqualTo("/api/v1");
    }

    @Test
    void theConsoleReadsOnlyDocumentedRoutes() throws IOException {
        String page;
        try (InputStream in = OpenApiCoverageTest.class.getClassLoader().getResourceAsStream("webroot/index.html")) {
            assertThat(in).isNotNull();
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher calls = Pattern.compile("api\\('(/[^']*)'\\)").matcher(page);
        Set<String> read = new TreeSet<>();
        while (calls.find()) {
            read.add("GET " + calls.group(1));
        }

        List<Pattern> documented = documentedOperations().stream()
                .map(op -> Pattern.compile(Pattern.quote(op).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"))).toList();

        assertThat(read).isNotEmpty().allSatisfy(op -> assertThat(documented)
                .as(op + " is documented").anySatisfy(d -> assertThat(d.matcher(op).matches()).isTrue()));
    }

    /** "GET /servers/{key}" for each method of each route with a path. */
    private Set<String> routedOperations() {
        Router api = new ApiRouter(vertx, AdminConfig.DEFAULT, new SharedDataConfigStore(vertx), new NoCluster(),
                Duration.ofSeconds(1)).create();
        Set<String> operations = new TreeSet<>();
        for (Route route : api.getRoutes()) {
            if (route.getPath() == null) {
                continue; // body handler, authentication, failure handler: no operation of their own
            }
            String path = route.getPath().replaceAll(":([A-Za-z0-9_]+)", "{$1}");
            assertThat(route.methods()).as("methods of " + path).isNotEmpty();
            for (HttpMethod method : route.methods()) {
                operations.add(method.name() + " " + path);
            }
        }
        return operations;
    }

    private static Set<String> documentedOperations() throws IOException {
        JsonObject paths = document().getJsonObject("paths");
        Set<String> operations = new TreeSet<>();
        for (String path : paths.fieldNames()) {
            for (String key : paths.getJsonObject(path).fieldNames()) {
                if (OPERATIONS.contains(key)) {
                    operations.add(key.toUpperCase() + " " + path);
                }
            }
        }
        return operations;
    }

    private static JsonObject document() throws IOException {
        try (InputStream in = OpenApiCoverageTest.class.getClassLoader().getResourceAsStream(OpenApiResource.DOCUMENT)) {
            assertThat(in).as(OpenApiResource.DOCUMENT).isNotNull();
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Never asked: building the router does not touch the cluster. */
    private static final class NoCluster implements ClusterView {
        @Override
        public String localNodeId() {
            throw new UnsupportedOperationException("not used while building routes");
        }

        @Override
        public Future<List<Member>> members() {
            throw new UnsupportedOperationException("not used while building routes");
        }
    }
}
