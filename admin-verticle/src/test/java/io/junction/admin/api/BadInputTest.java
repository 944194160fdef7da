package io.junction.admin.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.junction.admin.api.ApiFixture.await;
import static io.junction.admin.api.SectionResourceTest.problems;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a 4xx that names what is wrong, and changes nothing. */
class BadInputTest {
    private ApiFixture api;
    private long version;
    private JsonObject before;

    @BeforeEach
    void start() {
        api = ApiFixture.start();
        version = api.version();
        before = api.config();
    }

    @AfterEach
    void stop() {
        assertThat(api.version()).as("nothing applied").isEqualTo(version);
        assertThat(api.config()).isEqualTo(before);
        api.close();
    }

    @Test
    void malformedJsonIs400() {
        HttpResponse<Buffer> response = await(put("/hostgroups/7").putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer("{\"name\": \"spare\",")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problems(response)).singleElement().asString().startsWith("body: malformed JSON");
    }

    @Test
    void aJsonArrayInsteadOfAnObjectIs400() {
        HttpResponse<Buffer> response = await(put("/hostgroups/7").sendJson(new JsonArray().add(1)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problems(response)).containsExactly("body: an array (expected: a JSON object)");
    }

    @Test
    void anUnknownFieldIs400NamingIt() {
        HttpResponse<Buffer> response = await(put("/servers/10.0.0.5:3306")
                .sendJsonObject(new JsonObject().put("hostgroup", 0).put("hostt", "x")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problems(response)).singleElement().asString().contains("hostt").contains("unknown key");
    }

    @Test
    void anOutOfRangePortIs400NamingIt() {
        HttpResponse<Buffer> response = await(api.api(HttpMethod.POST, "/servers").putHeader("If-Match", "\"" + version + "\"")
                .sendJsonObject(new JsonObject().put("host", "10.0.0.9").put("port", 70000).put("hostgroup", 1)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problems(response)).singleElement().asString().contains("port: 70000").contains("expected");
    }

    @Test
    void aWrongTypeIs400NamingTheField() {
        HttpResponse<Buffer> response = await(put("/hostgroups/1").sendJsonObject(new JsonObject().put("name", 12)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problems(response)).singleElement().asString().contains("name: 12");
    }

    @Test
    void aChangeThatEmptiesARoutedHostgroupIs400() {
        HttpResponse<Buffer> response = await(api.api(HttpMethod.DELETE, "/servers/10.0.0.5:3306")
                .putHeader("If-Match", "\"" + version + "\"").send());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.bodyAsJsonObject().getString("error")).contains("nothing was applied");
        assertThat(problems(response)).isNotEmpty().allSatisfy(p -> assertThat(p.toString()).contains("hostgroup"));
    }

    @Test
    void aVariableOutOfRangeIs400NamingIt() {
        HttpResponse<Buffer> response = await(put("/variables/limits.max_retries").sendJsonObject(new JsonObject().put("value", 99)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problems(response)).singleElement().asString().contains("max_retries: 99");
    }

    @Test
    void aVariableBodyWithExtraKeysIs400NamingThem() {
        HttpResponse<Buffer> response = await(put("/variables/limits.max_retries")
                .sendJsonObject(new JsonObject().put("value", 2).put("valeu", 3)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problems(response)).containsExactly("valeu: unknown key (expected: one of value)");
    }

    @Test
    void everyProblemOfAChangesetIsNamedAtOnce() {
        JsonObject changeset = new JsonObject().put("base_version", version).put("colour", "red").put("ops", new JsonArray()
                .add(new JsonObject().put("op", "put").put("section", "server").put("item", new JsonObject()))
                .add(new JsonObject().put("op", "remove"))
                .add(new JsonObject().put("op", "set").put("name", "limits.max_retries")));

        HttpResponse<Buffer> response = await(api.api(HttpMethod.POST, "/config/changes").sendJsonObject(changeset));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problems(response)).map(Object::toString).satisfiesExactlyInAnyOrder(
                p -> assertThat(p).startsWith("colour: unknown key"),
                p -> assertThat(p).startsWith("ops[0].section: \"server\" (expected: one of hostgroups, servers"),
                p -> assertThat(p).startsWith("ops[1].op: \"remove\" (expected: one of put, delete, set)"),
                p -> assertThat(p).startsWith("ops[2].value: missing"));
    }

    @Test
    void aBodyThatIsNotDeclaredJsonIs415() {
        HttpResponse<Buffer> response = await(put("/hostgroups/7").putHeader("Content-Type", "text/plain")
                .sendBuffer(Buffer.buffer("{\"name\": \"spare\"}")));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("Content-Type: text/plain (expected: application/json)");
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String name = "x".repeat((int) ApiRouter.BODY_LIMIT);

        HttpResponse<Buffer> response = await(put("/hostgroups/7").sendJsonObject(new JsonObject().put("name", name)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("request body larger than 1048576 bytes");
    }

    @Test
    void anUnknownVersionIs404() {
        HttpResponse<Buffer> response = api.get("/config/versions/" + (version + 10));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.bodyAsJsonObject().getString("error")).contains("not in the history");
    }

    @Test
    void aWrongMethodIs405() {
        HttpResponse<Buffer> response = await(api.api(HttpMethod.DELETE, "/config").send());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("method not allowed: DELETE /api/v1/config");
    }

    @Test
    void anUnknownPathIs404() {
        HttpResponse<Buffer> response = api.get("/nothing-here");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("not found: /api/v1/nothing-here");
    }

    private io.vertx.ext.web.client.HttpRequest<Buffer> put(String path) {
        return api.api(HttpMethod.PUT, path).putHeader("If-Match", "\"" + version + "\"");
    }
}
