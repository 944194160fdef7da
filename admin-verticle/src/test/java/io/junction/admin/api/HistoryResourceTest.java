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

/** The history: versions, one version, the diff of two, and rollback (which moves history forward). */
class HistoryResourceTest {
    private ApiFixture api;
    private long v1;

    @BeforeEach
    void start() {
        api = ApiFixture.start();
        v1 = api.version();
        assertThat(api.write(HttpMethod.PUT, "/servers/10.0.0.6:3306", v1, new JsonObject().put("hostgroup", 1).put("weight", 9))
                .statusCode()).isEqualTo(200);
        assertThat(api.write(HttpMethod.PUT, "/variables/limits.max_retries", v1 + 1, new JsonObject().put("value", 2))
                .statusCode()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void versionsAreListedNewestFirstWithAuthorAndComment() {
        HttpResponse<Buffer> response = api.get("/config/versions");

        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getLong("current")).isEqualTo(v1 + 2);
        JsonArray versions = body.getJsonArray("versions");
        assertThat(versions.stream().map(v -> ((JsonObject) v).getLong("version"))).containsExactly(v1 + 2, v1 + 1, v1);
        assertThat(versions.getJsonObject(0).getString("author")).isEqualTo(ApiFixture.ADMIN);
        assertThat(versions.getJsonObject(0).getString("comment")).isEqualTo("PUT /api/v1/variables/limits.max_retries");
    }

    @Test
    void aCommentParameterGoesIntoTheHistory() {
        api.write(HttpMethod.PUT, "/hostgroups/7?comment=standby%20pool", v1 + 2, new JsonObject().put("name", "spare"));

        assertThat(api.get("/config/versions").bodyAsJsonObject().getJsonArray("versions").getJsonObject(0).getString("comment"))
                .isEqualTo("standby pool");
    }

    @Test
    void anOldVersionShowsItsOwnContent() {
        HttpResponse<Buffer> response = api.get("/config/versions/" + v1);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject config = response.bodyAsJsonObject().getJsonObject("config");
        assertThat(response.bodyAsJsonObject().getLong("version")).isEqualTo(v1);
        assertThat(config.getJsonObject("limits").getInteger("max_retries")).isEqualTo(1);
        assertThat(config.getJsonArray("servers").getJsonObject(1).getInteger("weight")).isEqualTo(1);
    }

    @Test
    void theDiffNamesChangedItemsFieldsAndVariables() {
        HttpResponse<Buffer> response = api.get("/config/diff?from=" + v1 + "&to=" + (v1 + 2));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject diff = response.bodyAsJsonObject();
        JsonObject serverChange = diff.getJsonObject("sections").getJsonObject("servers").getJsonArray("changed").getJsonObject(0);
        assertThat(serverChange.getString("key")).isEqualTo("10.0.0.6:3306");
        assertThat(serverChange.getJsonArray("fields").getList()).containsExactly("weight");
        assertThat(diff.getJsonArray("variables")).isEqualTo(new JsonArray().add(
                new JsonObject().put("name", "limits.max_retries").put("from", 1).put("to", 2)));
    }

    @Test
    void theDiffGoesToTheCurrentVersionByDefault() {
        assertThat(api.get("/config/diff?from=" + (v1 + 1)).bodyAsJsonObject().getLong("to")).isEqualTo(v1 + 2);
    }

    @Test
    void aDiffWithoutFromIs400AndOneWithAnUnknownVersion404() {
        HttpResponse<Buffer> missing = api.get("/config/diff");
        HttpResponse<Buffer> unknown = api.get("/config/diff?from=" + (v1 + 50));

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(problems(missing)).singleElement().asString().startsWith("from: missing");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void rollbackCommitsTheOldContentAsANewVersion() {
        HttpResponse<Buffer> response = await(api.api(HttpMethod.POST, "/config/rollback")
                .sendJsonObject(new JsonObject().put("to_version", v1).put("base_version", v1 + 2)));

        assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getLong("version")).isEqualTo(v1 + 3);
        assertThat(response.bodyAsJsonObject().getString("author")).isEqualTo(ApiFixture.ADMIN);
        JsonObject now = api.config().getJsonObject("config");
        JsonObject then = api.get("/config/versions/" + v1).bodyAsJsonObject().getJsonObject("config");
        assertThat(now.copy().put("version", 0)).isEqualTo(then.copy().put("version", 0));
        assertThat(api.get("/config/diff?from=" + v1).bodyAsJsonObject().getJsonObject("sections")).isEmpty();
    }

    @Test
    void aStaleRollbackIs409AndChangesNothing() {
        HttpResponse<Buffer> response = await(api.api(HttpMethod.POST, "/config/rollback")
                .sendJsonObject(new JsonObject().put("to_version", v1).put("base_version", v1 + 1)));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.bodyAsJsonObject().getLong("current_version")).isEqualTo(v1 + 2);
        assertThat(api.version()).isEqualTo(v1 + 2);
    }

    @Test
    void aRollbackWithoutTargetIs400() {
        HttpResponse<Buffer> response = await(api.api(HttpMethod.POST, "/config/rollback")
                .sendJsonObject(new JsonObject().put("base_version", v1 + 2).put("to", v1)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problems(response)).map(Object::toString).containsExactlyInAnyOrder(
                "to: unknown key (expected: one of to_version, base_version)",
                "to_version: missing (expected: the version whose content becomes current)");
    }
}
