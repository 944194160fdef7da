package io.junction.admin.api;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.junction.admin.api.ApiFixture.await;
import static io.junction.admin.api.SectionResourceTest.problems;
import static org.assertj.core.api.Assertions.assertThat;

/** Versioned writes: a base version is required, a stale one loses, and a changeset applies whole or not at all. */
class ConfigChangesTest {
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
    void aWriteWithoutABaseVersionIs428() {
        HttpResponse<Buffer> response = await(api.api(HttpMethod.PUT, "/hostgroups/7")
                .sendJsonObject(new JsonObject().put("name", "spare")));

        assertThat(response.statusCode()).isEqualTo(428);
        assertThat(response.bodyAsJsonObject().getString("error")).contains("If-Match");
    }

    @Test
    void theBaseVersionMayComeAsAQueryParameter() {
        long version = api.version();

        HttpResponse<Buffer> response = await(api.api(HttpMethod.PUT, "/hostgroups/7?base_version=" + version)
                .sendJsonObject(new JsonObject().put("name", "spare")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.getHeader("ETag")).isEqualTo("\"" + (version + 1) + "\"");
    }

    @Test
    void aMalformedIfMatchIs400() {
        HttpResponse<Buffer> response = await(api.api(HttpMethod.PUT, "/hostgroups/7").putHeader("If-Match", "*")
                .sendJsonObject(new JsonObject().put("name", "spare")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problems(response)).singleElement().asString().startsWith("If-Match: *");
    }

    @Test
    void ofTwoChangesAgainstTheSameVersionTheFirstWinsAndTheSecondIs409() {
        long base = api.version();

        HttpResponse<Buffer> first = api.write(HttpMethod.PUT, "/hostgroups/1", base, new JsonObject().put("name", "first"));
        HttpResponse<Buffer> second = api.write(HttpMethod.PUT, "/hostgroups/1", base, new JsonObject().put("name", "second"));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.bodyAsJsonObject().getLong("current_version")).isEqualTo(base + 1);
        assertThat(second.bodyAsJsonObject().getLong("base_version")).isEqualTo(base);
        assertThat(second.getHeader("ETag")).isEqualTo("\"" + (base + 1) + "\"");
        assertThat(api.get("/hostgroups/1").bodyAsJsonObject().getString("name")).isEqualTo("first");
    }

    @Test
    void ofTwoConcurrentChangesAgainstTheSameVersionExactlyOneWins() {
        long base = api.version();

        Future<HttpResponse<Buffer>> left = api.api(HttpMethod.PUT, "/hostgroups/1").putHeader("If-Match", "\"" + base + "\"")
                .sendJsonObject(new JsonObject().put("name", "left"));
        Future<HttpResponse<Buffer>> right = api.api(HttpMethod.PUT, "/hostgroups/1").putHeader("If-Match", "\"" + base + "\"")
                .sendJsonObject(new JsonObject().put("name", "right"));
        List<HttpResponse<Buffer>> both = List.of(await(left), await(right));

        assertThat(both).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 409);
        HttpResponse<Buffer> winner = both.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow();
        HttpResponse<Buffer> loser = both.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        assertThat(loser.bodyAsJsonObject().getLong("current_version")).isEqualTo(base + 1);
        assertThat(api.version()).isEqualTo(base + 1);
        assertThat(api.get("/hostgroups/1").bodyAsJsonObject().getString("name"))
                .isEqualTo(winner.bodyAsJsonObject().getJsonObject("item").getString("name"));
    }

    @Test
    void aChangesetAppliesEveryOpAsOneVersion() {
        long base = api.version();
        JsonObject changeset = new JsonObject().put("base_version", base).put("comment", "add a reader, retry more")
                .put("ops", new JsonArray()
                        .add(new JsonObject().put("op", "put").put("section", "servers")
                                .put("item", new JsonObject().put("host", "10.0.0.9").put("hostgroup", 1)))
                        .add(new JsonObject().put("op", "delete").put("section", "query_rules").put("key", 10))
                        .add(new JsonObject().put("op", "set").put("name", "limits.max_retries").put("value", 3)));

        HttpResponse<Buffer> response = await(api.api(HttpMethod.POST, "/config/changes").sendJsonObject(changeset));

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getLong("version")).isEqualTo(base + 1);
        assertThat(response.bodyAsJsonObject().getString("comment")).isEqualTo("add a reader, retry more");
        JsonObject config = api.config().getJsonObject("config");
        assertThat(config.getJsonArray("servers").stream().map(s -> ((JsonObject) s).getString("host"))).contains("10.0.0.9");
        assertThat(config.getJsonArray("query_rules")).isEmpty();
        assertThat(config.getJsonObject("limits").getInteger("max_retries")).isEqualTo(3);
    }

    @Test
    void aRefusedChangesetLeavesVersionAndContentAsTheyWere() {
        long base = api.version();
        JsonObject before = api.config();
        JsonObject changeset = new JsonObject().put("base_version", base).put("ops", new JsonArray()
                .add(new JsonObject().put("op", "put").put("section", "hostgroups")
                        .put("item", new JsonObject().put("id", 5).put("name", "fine")))
                .add(new JsonObject().put("op", "put").put("section", "servers")
                        .put("item", new JsonObject().put("host", "10.0.0.9").put("port", 70000).put("hostgroup", 1))));

        HttpResponse<Buffer> response = await(api.api(HttpMethod.POST, "/config/changes").sendJsonObject(changeset));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problems(response)).anySatisfy(p -> assertThat(p.toString()).contains("port").contains("70000"));
        assertThat(api.version()).isEqualTo(base);
        assertThat(api.config()).isEqualTo(before);
        assertThat(api.get("/hostgroups/5").statusCode()).isEqualTo(404);
    }

    @Test
    void aStaleChangesetIs409AndAppliesNothing() {
        long base = api.version();
        api.write(HttpMethod.PUT, "/hostgroups/7", base, new JsonObject().put("name", "spare"));
        JsonObject changeset = new JsonObject().put("base_version", base).put("ops", new JsonArray()
                .add(new JsonObject().put("op", "set").put("name", "limits.max_retries").put("value", 4)));

        HttpResponse<Buffer> response = await(api.api(HttpMethod.POST, "/config/changes").sendJsonObject(changeset));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.bodyAsJsonObject().getLong("current_version")).isEqualTo(base + 1);
        assertThat(api.get("/variables/limits.max_retries").bodyAsJsonObject().getInteger("value")).isEqualTo(1);
    }

    @Test
    void aChangesetBaseVersionThatContradictsIfMatchIs400() {
        long base = api.version();
        JsonObject changeset = new JsonObject().put("base_version", base).put("ops", new JsonArray()
                .add(new JsonObject().put("op", "set").put("name", "limits.max_retries").put("value", 4)));

        HttpResponse<Buffer> response = await(api.api(HttpMethod.POST, "/config/changes")
                .putHeader("If-Match", "\"" + (base + 5) + "\"").sendJsonObject(changeset));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problems(response)).singleElement().asString().startsWith("base_version: " + base);
    }

    @Test
    void variablesAreListedAndSetOneByOne() {
        HttpResponse<Buffer> list = api.get("/variables");
        assertThat(list.bodyAsJsonObject().getJsonObject("variables").getInteger("limits.max_retries")).isEqualTo(1);

        HttpResponse<Buffer> set = api.write(HttpMethod.PUT, "/variables/timeouts.connect_ms", api.version(),
                new JsonObject().put("value", 2500));

        assertThat(set.statusCode()).as(set.bodyAsString()).isEqualTo(200);
        assertThat(api.get("/variables/timeouts.connect_ms").bodyAsJsonObject())
                .isEqualTo(new JsonObject().put("name", "timeouts.connect_ms").put("value", 2500));
    }

    @Test
    void anUnknownVariableIs404() {
        HttpResponse<Buffer> response = api.write(HttpMethod.PUT, "/variables/limits.max_retriez", api.version(),
                new JsonObject().put("value", 2));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(problems(response)).singleElement().asString().contains("limits.max_retries");
    }
}
