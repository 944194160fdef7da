package io.junction.admin.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.junction.admin.api.ApiFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Nobody reaches the API without an admin user's password or an API token; health, readiness and the spec stay open. */
class ApiAuthTest {
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
    void withoutCredentialsIs401WithBothChallenges() {
        HttpResponse<Buffer> response = await(api.raw(HttpMethod.GET, "/api/v1/config").send());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().getAll("WWW-Authenticate"))
                .anyMatch(h -> h.startsWith("Basic realm=\"junction\""))
                .anyMatch(h -> h.startsWith("Bearer"));
        assertThat(response.bodyAsJsonObject().getString("error")).contains("authentication required");
    }

    @Test
    void aWrongPasswordIs401() {
        HttpResponse<Buffer> response = await(api.raw(HttpMethod.GET, "/api/v1/config")
                .basicAuthentication(ApiFixture.ADMIN, "not-the-password").send());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("wrong user name or password");
    }

    @Test
    void anUnknownUserIs401LikeAWrongPassword() {
        HttpResponse<Buffer> response = await(api.raw(HttpMethod.GET, "/api/v1/config")
                .basicAuthentication("mallory", ApiFixture.ADMIN_PASSWORD).send());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("wrong user name or password");
    }

    @Test
    void aBadTokenIs401() {
        HttpResponse<Buffer> response = await(api.raw(HttpMethod.GET, "/api/v1/config")
                .bearerTokenAuthentication(ApiFixture.TOKEN + "x").send());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("unknown API token");
    }

    @Test
    void anUnknownSchemeIs401() {
        HttpResponse<Buffer> response = await(api.raw(HttpMethod.GET, "/api/v1/config")
                .putHeader("Authorization", "Digest username=\"ops\"").send());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.bodyAsJsonObject().getString("error")).contains("Digest").contains("Basic or Bearer");
    }

    @Test
    void anUnknownPathUnderTheApiIs401BeforeItIs404() {
        HttpResponse<Buffer> response = await(api.raw(HttpMethod.GET, "/api/v1/nothing-here").send());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void writesWithoutCredentialsChangeNothing() {
        long before = api.version();

        HttpResponse<Buffer> response = await(api.raw(HttpMethod.PUT, "/api/v1/hostgroups/7")
                .putHeader("If-Match", "\"" + before + "\"")
                .sendJsonObject(new JsonObject().put("name", "intruder")));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(api.version()).isEqualTo(before);
        assertThat(api.get("/hostgroups/7").statusCode()).isEqualTo(404);
    }

    @Test
    void theAdminUserIsTheAuthorOfItsChanges() {
        HttpResponse<Buffer> response = api.write(HttpMethod.PUT, "/hostgroups/7", api.version(), new JsonObject().put("name", "spare"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getString("author")).isEqualTo(ApiFixture.ADMIN);
    }

    @Test
    void aTokenAuthenticatesAndItsNameIsTheAuthor() {
        long version = api.version();

        HttpResponse<Buffer> response = await(api.raw(HttpMethod.PUT, "/api/v1/hostgroups/7")
                .bearerTokenAuthentication(ApiFixture.TOKEN)
                .putHeader("If-Match", "\"" + version + "\"")
                .sendJsonObject(new JsonObject().put("name", "spare")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getString("author")).isEqualTo(ApiFixture.TOKEN_NAME);
        assertThat(api.get("/config/versions").bodyAsJsonObject().getJsonArray("versions").getJsonObject(0)
                .getString("author")).isEqualTo(ApiFixture.TOKEN_NAME);
    }

    @Test
    void aRememberedPasswordStillHasToMatch() {
        assertThat(api.get("/config").statusCode()).isEqualTo(200);

        HttpResponse<Buffer> wrong = await(api.raw(HttpMethod.GET, "/api/v1/config")
                .basicAuthentication(ApiFixture.ADMIN, ApiFixture.ADMIN_PASSWORD + "!").send());

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(api.get("/config").statusCode()).isEqualTo(200);
    }

    @Test
    void healthReadinessAndTheSpecNeedNoCredentials() {
        assertThat(await(api.raw(HttpMethod.GET, "/health").send()).statusCode()).isEqualTo(200);
        assertThat(await(api.raw(HttpMethod.GET, "/ready").send()).statusCode()).isEqualTo(200);
        HttpResponse<Buffer> spec = await(api.raw(HttpMethod.GET, "/api/v1/openapi.json").send());
        assertThat(spec.statusCode()).isEqualTo(200);
        assertThat(spec.bodyAsJsonObject().getString("openapi")).startsWith("3.");
    }
}
