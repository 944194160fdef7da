package io.junction.admin.api;

import io.junction.config.store.Addresses;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.junction.admin.api.ApiFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Members, statistics gathered from every member, and drain, against "nodes" that are event-bus consumers this test
 * registers: node-a answers, node-b is silent, node-c has no endpoints at all.
 */
class ClusterResourceTest {
    private static final JsonObject NODE_A_STATS = new JsonObject()
            .put("node", "node-a")
            .put("pools", new JsonArray().add(new JsonObject().put("server", "10.0.0.5:3306").put("used", 3).put("free", 7)))
            .put("digests", new JsonArray().add(new JsonObject().put("digest", "3A5B0C9D1E2F4A6B").put("count", 12)))
            .put("pins", new JsonObject().put("transaction", 1))
            .put("clients", new JsonObject().put("connected", 40));

    private final List<JsonObject> drainRequests = new CopyOnWriteArrayList<>();
    private ApiFixture api;

    @BeforeEach
    void start() {
        api = ApiFixture.start(List.of(ApiFixture.member("node-a"), ApiFixture.member("node-b"), ApiFixture.member("node-c")));
        await(api.vertx.eventBus().<JsonObject>consumer(Addresses.stats("node-a"), m -> m.reply(NODE_A_STATS)).completion());
        await(api.vertx.eventBus().<JsonObject>consumer(Addresses.stats("node-b"), m -> {
            // silent: a node that hangs
        }).completion());
        await(api.vertx.eventBus().<JsonObject>consumer(Addresses.drain("node-a"), m -> {
            drainRequests.add(m.body());
            m.reply(new JsonObject().put("node", "node-a").put("draining", true));
        }).completion());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void membersAreListedWithTheLocalNode() {
        HttpResponse<Buffer> response = api.get("/cluster/members");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getString("local")).isEqualTo(ApiFixture.LOCAL_NODE);
        assertThat(body.getJsonArray("members").getJsonObject(0)).isEqualTo(new JsonObject()
                .put("id", "node-a").put("host", "127.0.0.1").put("mysql_port", 6033).put("admin_port", 6080)
                .put("config_version", 1).put("ready", true).put("draining", false).put("monitor_leader", false));
        assertThat(body.getJsonArray("members")).hasSize(3);
    }

    @Test
    void statsListEveryAnswerAndNameTheNodesThatGaveNone() {
        HttpResponse<Buffer> response = api.get("/stats");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject body = response.bodyAsJsonObject();
        assertThat(body.getJsonArray("nodes")).isEqualTo(new JsonArray().add(NODE_A_STATS));
        JsonArray unreachable = body.getJsonArray("unreachable");
        assertThat(unreachable.stream().map(u -> ((JsonObject) u).getString("node"))).containsExactlyInAnyOrder("node-b", "node-c");
        assertThat(unreachable.stream().map(u -> (JsonObject) u)).anySatisfy(u -> {
            assertThat(u.getString("node")).isEqualTo("node-b");
            assertThat(u.getString("error")).startsWith("no answer within");
        }).anySatisfy(u -> {
            assertThat(u.getString("node")).isEqualTo("node-c");
            assertThat(u.getString("error")).isEqualTo("no endpoint at " + Addresses.stats("node-c"));
        });
    }

    @Test
    void oneSectionOfTheStatsIsCutFromEachAnswer() {
        HttpResponse<Buffer> response = api.get("/stats/pools");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getJsonArray("nodes")).isEqualTo(new JsonArray().add(
                new JsonObject().put("node", "node-a").put("pools", NODE_A_STATS.getJsonArray("pools"))));
        assertThat(response.bodyAsJsonObject().getJsonArray("unreachable")).hasSize(2);
    }

    @Test
    void anUnknownStatsSectionIs404() {
        HttpResponse<Buffer> response = api.get("/stats/bogus");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(SectionResourceTest.problems(response)).containsExactly("section: \"bogus\" (expected: one of pools, digests, pins, clients, health, monitor)");
    }

    @Test
    void drainAsksTheNodeAndAnswersWithItsReply() {
        HttpResponse<Buffer> response = await(api.api(HttpMethod.POST, "/cluster/members/node-a/drain").send());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("node", "node-a").put("draining", true));
        assertThat(drainRequests).containsExactly(new JsonObject().put("requested_by", ApiFixture.ADMIN));
    }

    @Test
    void drainingAnUnknownMemberIs404() {
        HttpResponse<Buffer> response = await(api.api(HttpMethod.POST, "/cluster/members/node-z/drain").send());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("no cluster member node-z");
        assertThat(drainRequests).isEmpty();
    }

    @Test
    void drainingAMemberThatCannotBeAskedIs504() {
        HttpResponse<Buffer> response = await(api.api(HttpMethod.POST, "/cluster/members/node-c/drain").send());

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("drain not confirmed: node node-c: no endpoint at "
                + Addresses.drain("node-c"));
    }

    @Test
    void drainNeedsCredentials() {
        HttpResponse<Buffer> response = await(api.raw(HttpMethod.POST, "/api/v1/cluster/members/node-a/drain").send());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(drainRequests).isEmpty();
    }
}
