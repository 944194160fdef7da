package io.junction.admin.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.junction.admin.api.ApiFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/** No response of the API carries a password, password hash, Ed25519 key, admin hash or token, whatever was asked. */
class SecretsLeakTest {
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
    void noResponseCarriesASecret() {
        long v1 = api.version();
        List<HttpResponse<Buffer>> responses = new ArrayList<>();
        // writes that touch secrets, so the history and the diff hold changed ones
        responses.add(api.write(HttpMethod.PUT, "/users/app", v1, new JsonObject().put("password", ApiFixture.APP_PASSWORD + "2")));
        responses.add(api.write(HttpMethod.PUT, "/variables/monitor.password", v1 + 1,
                new JsonObject().put("value", ApiFixture.MONITOR_PASSWORD + "2")));
        responses.add(await(api.api(HttpMethod.POST, "/config/changes").sendJsonObject(new JsonObject()
                .put("base_version", v1 + 2).put("ops", new JsonArray().add(new JsonObject().put("op", "put")
                        .put("section", "users").put("item", new JsonObject().put("name", "legacy").put("max_connections", 5)))))));
        // a refused write that echoes what it was given
        responses.add(api.write(HttpMethod.PUT, "/users/edu", v1 + 3, new JsonObject().put("password_ed25519", 5)));
        for (String path : List.of("/config", "/users", "/users/app", "/users/legacy", "/users/edu", "/variables",
                "/variables/monitor.password", "/config/versions", "/config/versions/" + v1, "/config/versions/" + (v1 + 3),
                "/config/diff?from=" + v1, "/cluster/members", "/openapi.json")) {
            responses.add(api.get(path));
        }

        List<String> secrets = new ArrayList<>(ApiFixture.SECRETS);
        secrets.add(ApiFixture.APP_PASSWORD + "2");
        secrets.add(ApiFixture.MONITOR_PASSWORD + "2");
        for (HttpResponse<Buffer> response : responses) {
            assertThat(response.statusCode()).as(response.bodyAsString()).isLessThan(500);
            assertThat(response.bodyAsString()).doesNotContain(secrets);
        }
        assertThat(api.get("/users/legacy").bodyAsJsonObject().getBoolean("password_hash_set")).as("kept").isTrue();
        assertThat(api.get("/variables/monitor.password").bodyAsJsonObject())
                .isEqualTo(new JsonObject().put("name", "monitor.password").put("value_set", true));
    }
}
