package io.junction.admin.api;

import io.junction.admin.ClusterView;
import io.junction.config.store.Addresses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * Statistics of the whole cluster, gathered when asked: every member is asked for its own
 * ({@link Addresses#stats}) at once, and the answer lists what each node said plus the nodes that did not answer in
 * time, rather than failing because one node is slow or gone:
 * <pre>{"nodes": [{"node": "a", "pools": [...], "digests": [...], "pins": {...}, "clients": {...},
 *             "health": [...], "monitor": {...}}],
 *  "unreachable": [{"node": "b", "error": "no answer within 2000 ms"}]}</pre>
 * {@code GET /stats} gives every section; {@code GET /stats/<section>} only that one per node. What a section
 * holds is the node's business; this class passes it on as it came.
 */
final class StatsResource {
    static final List<String> SECTIONS = List.of("pools", "digests", "pins", "clients", "health", "monitor");

    private final ClusterView cluster;
    private final NodeRequests nodes;

    StatsResource(ClusterView cluster, NodeRequests nodes) {
        this.cluster = cluster;
        this.nodes = nodes;
    }

    void mount(Router api) {
        api.get("/stats").handler(ctx -> gather(ctx, null));
        api.get("/stats/:section").handler(ctx -> {
            String section = ctx.pathParam("section");
            if (!SECTIONS.contains(section)) {
                throw new ApiException(404, "no statistics section " + section,
                        List.of("section: \"" + section + "\" (expected: one of " + String.join(", ", SECTIONS) + ")"));
            }
            gather(ctx, section);
        });
    }

    private void gather(RoutingContext ctx, String section) {
        cluster.members().compose(members -> {
            List<Future<JsonObject>> answers = members.stream().map(m -> ask(m.id(), section)).toList();
            return Future.join(answers).otherwiseEmpty().map(done -> collect(members, answers));
        }).compose(ctx::json).onFailure(ctx::fail);
    }

    /** One node's answer, cut to {@code section} when one is asked for; failures stay failed, to be listed. */
    private Future<JsonObject> ask(String nodeId, String section) {
        return nodes.ask(nodeId, Addresses.stats(nodeId), new JsonObject()).map(reply -> {
            if (section == null) {
                return reply.copy().put("node", nodeId);
            }
            return new JsonObject().put("node", nodeId).put(section, reply.getValue(section));
        });
    }

    private static JsonObject collect(List<ClusterView.Member> members, List<Future<JsonObject>> answers) {
        JsonArray answered = new JsonArray();
        JsonArray unreachable = new JsonArray();
        for (int i = 0; i < answers.size(); i++) {
            Future<JsonObject> answer = answers.get(i);
            if (answer.succeeded()) {
                answered.add(answer.result());
            } else {
                String reason = answer.cause() instanceof NodeRequests.NodeUnavailableException e
                        ? e.reason() : String.valueOf(answer.cause());
                unreachable.add(new JsonObject().put("node", members.get(i).id()).put("error", reason));
            }
        }
        return new JsonObject().put("nodes", answered).put("unreachable", unreachable);
    }
}
