package io.junction.admin.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Create, read, replace and delete items of each list section through the REST collections. */
class SectionResourceTest {
    private ApiFixture api;

    @BeforeEach
    void start() {
        api = ApiFixture.start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void hostgroupsRoundTrip() {
        roundTrip("/hostgroups", "7", new JsonObject().put("id", 7).put("name", "spare"),
                new JsonObject().put("name", "standby"), "name", "standby");
    }

    @Test
    void serversRoundTrip() {
        roundTrip("/servers", "10.0.0.7:3307", new JsonObject().put("host", "10.0.0.7").put("port", 3307).put("hostgroup", 1),
                new JsonObject().put("hostgroup", 1).put("weight", 5), "weight", 5);
    }

    @Test
    void usersRoundTrip() {
        roundTrip("/users", "report", new JsonObject().put("name", "report").put("password", "r-secret-1"),
                new JsonObject().put("max_connections", 20), "max_connections", 20);
    }

    @Test
    void queryRulesRoundTrip() {
        roundTrip("/query-rules", "20", new JsonObject().put("id", 20).put("match_pattern", "^UPDATE").put("destination_hostgroup", 0),
                new JsonObject().put("match_pattern", "^DELETE").put("destination_hostgroup", 0), "match_pattern", "^DELETE");
    }

    @Test
    void replicationHostgroupsRoundTrip() {
        roundTrip("/replication-hostgroups", "0", new JsonObject().put("writer_hostgroup", 0).put("reader_hostgroup", 1),
                new JsonObject().put("reader_hostgroup", 1).put("writer_is_also_reader", true), "writer_is_also_reader", true);
    }

    @Test
    void listsCarryTheVersionAndItsETag() {
        HttpResponse<Buffer> response = api.get("/servers");

        assertThat(response.statusCode()).isEqualTo(200);
        long version = response.bodyAsJsonObject().getLong("version");
        assertThat(response.getHeader("ETag")).isEqualTo("\"" + version + "\"");
        assertThat(response.bodyAsJsonObject().getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("host")))
                .containsExactly("10.0.0.5", "10.0.0.6");
    }

    @Test
    void anUnknownItemIs404() {
        HttpResponse<Buffer> response = api.get("/servers/10.9.9.9:3306");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("no servers item 10.9.9.9:3306");
    }

    @Test
    void deletingAnUnknownItemIs404AndChangesNothing() {
        long version = api.version();

        HttpResponse<Buffer> response = api.write(HttpMethod.DELETE, "/query-rules/99", version, null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(api.version()).isEqualTo(version);
    }

    @Test
    void postingAnExistingKeyIs409AndChangesNothing() {
        long version = api.version();

        HttpResponse<Buffer> response = api.write(HttpMethod.POST, "/hostgroups", version,
                new JsonObject().put("id", 1).put("name", "other"));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.bodyAsJsonObject().getString("error")).contains("already exists").contains("PUT /api/v1/hostgroups/1");
        assertThat(api.get("/hostgroups/1").bodyAsJsonObject().getString("name")).isEqualTo("readers");
        assertThat(api.version()).isEqualTo(version);
    }

    @Test
    void aKeyInTheBodyThatContradictsThePathIs400() {
        HttpResponse<Buffer> response = api.write(HttpMethod.PUT, "/hostgroups/7", api.version(),
                new JsonObject().put("id", 8).put("name", "spare"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problems(response)).containsExactly("id: 8 (expected: 7, the key in the path)");
    }

    @Test
    void aServerPutWithoutPortTakesItFromThePath() {
        HttpResponse<Buffer> response = api.write(HttpMethod.PUT, "/servers/10.0.0.8:3310", api.version(),
                new JsonObject().put("hostgroup", 1));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(api.get("/servers/10.0.0.8:3310").bodyAsJsonObject().getInteger("port")).isEqualTo(3310);
    }

    @Test
    void aServerOnAUnixSocketIsKeyedByItsEncodedPathAndPort0() {
        String key = "/servers/%2Frun%2Fmysqld%2Fmysqld.sock:0";
        HttpResponse<Buffer> response = api.write(HttpMethod.PUT, key, api.version(), new JsonObject().put("hostgroup", 1));

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        JsonObject read = api.get(key).bodyAsJsonObject();
        assertThat(read.getString("host")).isEqualTo("/run/mysqld/mysqld.sock");
        assertThat(read.getInteger("port")).isZero();
    }

    @Test
    void aUserReplacedWithoutSecretsKeepsItsPasswordAndReadsNeverShowIt() {
        JsonObject read = api.get("/users/app").bodyAsJsonObject();
        assertThat(read.containsKey("password")).isFalse();
        assertThat(read.getBoolean("password_set")).isTrue();
        assertThat(read.getBoolean("password_hash_set")).isFalse();

        // what a read returned, with one change, goes back as is: the masked keys are accepted and ignored
        HttpResponse<Buffer> response = api.write(HttpMethod.PUT, "/users/app", api.version(), read.copy().put("max_connections", 42));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject stored = ApiFixture.await(api.store.current()).config().user("app").map(u -> new JsonObject()
                .put("password", u.password()).put("max_connections", u.maxConnections())).orElseThrow();
        assertThat(stored).isEqualTo(new JsonObject().put("password", ApiFixture.APP_PASSWORD).put("max_connections", 42));
    }

    @Test
    void aUsersBackendConnectionCapRoundTripsAndANegativeOneIs400NamingIt() {
        assertThat(api.get("/users/app").bodyAsJsonObject().getInteger("max_backend_connections"))
                .as("no limit unless set").isZero();

        JsonObject read = api.get("/users/app").bodyAsJsonObject();
        assertThat(openApiSchema("User").getJsonObject("properties").fieldNames())
                .as("the OpenAPI document lists every key of a user").containsAll(read.fieldNames());
        HttpResponse<Buffer> response = api.write(HttpMethod.PUT, "/users/app", api.version(),
                read.copy().put("max_backend_connections", 4));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(api.get("/users/app").bodyAsJsonObject().getInteger("max_backend_connections")).isEqualTo(4);
        assertThat(ApiFixture.await(api.store.current()).config().user("app").orElseThrow().maxBackendConnections())
                .isEqualTo(4);

        HttpResponse<Buffer> refused = api.write(HttpMethod.PUT, "/users/app", api.version(),
                read.copy().put("max_backend_connections", -1));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(problems(refused)).singleElement().asString()
                .contains("max_backend_connections: -1").contains("expected: 0..1000000");
    }

    @Test
    void aUserReplacedWithANewPasswordGetsIt() {
        HttpResponse<Buffer> response = api.write(HttpMethod.PUT, "/users/app", api.version(),
                new JsonObject().put("password", "brand-new-pw"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ApiFixture.await(api.store.current()).config().user("app").orElseThrow().password()).isEqualTo("brand-new-pw");
    }

    /**
     * POST {@code created}, read it back, PUT {@code replacement} (key fields taken from the path), check
     * {@code field}, DELETE it; each write moves the version by one and carries its ETag.
     */
    private void roundTrip(String collection, String key, JsonObject created, JsonObject replacement, String field, Object expected) {
        long v0 = api.version();

        HttpResponse<Buffer> post = api.write(HttpMethod.POST, collection, v0, created);
        assertThat(post.statusCode()).as(post.bodyAsString()).isEqualTo(201);
        assertThat(post.getHeader("Location")).isEqualTo("/api/v1" + collection + "/" + key);
        assertThat(post.getHeader("ETag")).isEqualTo("\"" + (v0 + 1) + "\"");
        assertThat(post.bodyAsJsonObject().getLong("version")).isEqualTo(v0 + 1);

        HttpResponse<Buffer> read = api.get(collection + "/" + key);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.getHeader("ETag")).isEqualTo("\"" + (v0 + 1) + "\"");
        created.fieldNames().stream().filter(f -> !Secrets.USER_SECRETS.contains(f))
                .forEach(f -> assertThat(read.bodyAsJsonObject().getValue(f)).as(f).isEqualTo(created.getValue(f)));
        assertThat(keys(collection)).contains(key);

        HttpResponse<Buffer> put = api.write(HttpMethod.PUT, collection + "/" + key, v0 + 1, replacement);
        assertThat(put.statusCode()).as(put.bodyAsString()).isEqualTo(200);
        assertThat(put.bodyAsJsonObject().getJsonObject("item").getValue(field)).isEqualTo(expected);
        assertThat(api.get(collection + "/" + key).bodyAsJsonObject().getValue(field)).isEqualTo(expected);

        HttpResponse<Buffer> delete = api.write(HttpMethod.DELETE, collection + "/" + key, v0 + 2, null);
        assertThat(delete.statusCode()).as(delete.bodyAsString()).isEqualTo(200);
        assertThat(delete.bodyAsJsonObject().getLong("version")).isEqualTo(v0 + 3);
        assertThat(api.get(collection + "/" + key).statusCode()).isEqualTo(404);
        assertThat(keys(collection)).doesNotContain(key);
    }

    private List<String> keys(String collection) {
        JsonArray items = api.get(collection).bodyAsJsonObject().getJsonArray("items");
        return ConfigJson.section(collection.substring(1)).map(section -> items.stream()
                .map(i -> section.keyOf((JsonObject) i)).toList()).orElseThrow();
    }

    /** A schema of the OpenAPI document the API serves. */
    private static JsonObject openApiSchema(String name) {
        try (InputStream in = SectionResourceTest.class.getClassLoader().getResourceAsStream(OpenApiResource.DOCUMENT)) {
            assertThat(in).as(OpenApiResource.DOCUMENT).isNotNull();
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Object> problems(HttpResponse<Buffer> response) {
        return response.bodyAsJsonObject().getJsonArray("problems", new JsonArray()).getList();
    }
}
