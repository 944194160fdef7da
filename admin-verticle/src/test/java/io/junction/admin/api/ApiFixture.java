package io.junction.admin.api;

import io.junction.admin.AdminVerticle;
import io.junction.admin.ClusterView;
import io.junction.admin.NodeStatus;
import io.junction.config.AdminConfig;
import io.junction.config.AdminPasswords;
import io.junction.config.ConfigLoader;
import io.junction.config.store.SharedDataConfigStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A node's admin endpoint with the real config store on a plain (non-clustered) Vert.x, seeded with
 * {@link #CONFIG}, and a cluster of the members a test names. Requests go through a real HTTP client, authenticated
 * as the admin user unless a test says otherwise. Close it after each test.
 */
final class ApiFixture implements AutoCloseable {
    static final String ADMIN = "ops";
    static final String ADMIN_PASSWORD = "ops-password-1";
    static final String TOKEN_NAME = "ci-bot";
    static final String TOKEN = "tok-4f1c2a9e8b7d6c5e4f3a2b1c0d9e8f7a";
    static final String LOCAL_NODE = "node-a";

    /** Hashing is slow on purpose: once for all tests. */
    private static final String ADMIN_HASH = AdminPasswords.hash(ADMIN_PASSWORD);

    static final String APP_PASSWORD = "app-clear-secret";
    static final String LEGACY_HASH = "*6BB4837EB74329105EE4568DDA7DC67ED2CA2AD9";
    static final String ED25519_KEY = "ZIgUREUg5PVgQ6LskhXmO+eZLS0nC8be6HPjYWR4YJY";
    static final String MONITOR_PASSWORD = "monitor-clear-secret";
    /** Every secret of {@link #CONFIG}: none may appear in any response. */
    static final List<String> SECRETS = List.of(APP_PASSWORD, LEGACY_HASH, ED25519_KEY, MONITOR_PASSWORD, ADMIN_HASH, TOKEN);

    static final String CONFIG = """
            hostgroups:
              - id: 0
                name: writer
              - id: 1
                name: readers
            servers:
              - host: 10.0.0.5
                port: 3306
                hostgroup: 0
              - host: 10.0.0.6
                port: 3306
                hostgroup: 1
            users:
              - name: app
                password: %s
                default_hostgroup: 0
              - name: legacy
                password_hash: "%s"
                default_hostgroup: 0
              - name: edu
                auth_plugin: client_ed25519
                password_ed25519: %s
                default_hostgroup: 0
            query_rules:
              - id: 10
                match_pattern: '^SELECT'
                destination_hostgroup: 1
            monitor:
              enabled: false
              user: monitor
              password: %s
            """.formatted(APP_PASSWORD, LEGACY_HASH, ED25519_KEY, MONITOR_PASSWORD);

    final Vertx vertx;
    final SharedDataConfigStore store;
    final WebClient client;
    final int port;

    private ApiFixture(Vertx vertx, SharedDataConfigStore store, int port) {
        this.vertx = vertx;
        this.store = store;
        this.port = port;
        this.client = WebClient.create(vertx);
    }

    /** A node whose cluster is itself alone. */
    static ApiFixture start() {
        return start(List.of(member(LOCAL_NODE)));
    }

    static ApiFixture start(List<ClusterView.Member> members) {
        Vertx vertx = Vertx.vertx();
        try {
            SharedDataConfigStore store = new SharedDataConfigStore(vertx);
            await(store.seed(ConfigLoader.parse(CONFIG)));
            AdminConfig admin = new AdminConfig("127.0.0.1", 0, true,
                    List.of(new AdminConfig.AdminUser(ADMIN, ADMIN_HASH)),
                    List.of(new AdminConfig.AdminToken(TOKEN_NAME, AdminPasswords.tokenDigest(TOKEN))));
            AdminVerticle verticle = new AdminVerticle(admin, new ReadyNode(), store, new FixedCluster(LOCAL_NODE, members));
            await(vertx.deployVerticle(verticle));
            return new ApiFixture(vertx, store, verticle.actualPort());
        } catch (RuntimeException | Error e) {
            vertx.close();
            throw e;
        }
    }

    static ClusterView.Member member(String id) {
        return new ClusterView.Member(id, "127.0.0.1", 6033, 6080, 1, true, false, false);
    }

    /** A request to {@code /api/v1<path>}, authenticated as the admin user. */
    HttpRequest<Buffer> api(HttpMethod method, String path) {
        return raw(method, "/api/v1" + path).basicAuthentication(ADMIN, ADMIN_PASSWORD);
    }

    /** A request without credentials. */
    HttpRequest<Buffer> raw(HttpMethod method, String path) {
        return client.request(method, port, "127.0.0.1", path);
    }

    HttpResponse<Buffer> get(String path) {
        return await(api(HttpMethod.GET, path).send());
    }

    /** A JSON write against {@code version} (as If-Match); {@code body} may be null for none. */
    HttpResponse<Buffer> write(HttpMethod method, String path, long version, JsonObject body) {
        HttpRequest<Buffer> request = api(method, path).putHeader("If-Match", "\"" + version + "\"");
        return await(body == null ? request.send() : request.sendJsonObject(body));
    }

    /** The current config version as the API reports it. */
    long version() {
        HttpResponse<Buffer> response = get("/config");
        return Long.parseLong(response.getHeader("ETag").replace("\"", ""));
    }

    /** The current config as {@code GET /config} answers it. */
    JsonObject config() {
        return get("/config").bodyAsJsonObject();
    }

    static <T> T await(Future<T> future) {
        try {
            return future.await(20, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        await(vertx.close());
    }

    private static final class ReadyNode implements NodeStatus {
        @Override
        public boolean ready() {
            return true;
        }

        @Override
        public long configVersion() {
            return 1;
        }
    }

    /** A cluster that is what the test says it is. */
    private record FixedCluster(String localNodeId, List<ClusterView.Member> list) implements ClusterView {
        @Override
        public Future<List<Member>> members() {
            return Future.succeededFuture(list);
        }
    }
}
