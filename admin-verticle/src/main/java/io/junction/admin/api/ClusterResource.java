package io.junction.admin.api;

import io.junction.admin.ClusterView;
import io.junction.config.store.Addresses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The cluster's members ({@code GET /cluster/members}) and draining one of them
 * ({@code POST /cluster/members/<id>/drain}): the node is asked over the event bus ({@link Addresses#drain}); it
 * stops accepting clients, lets open transactions finish and closes idle clients. The answer is 202 with the node's
 * reply once it has started; draining itself may take as long as the longest transaction.
 */
final class ClusterResource {
    private final ClusterView cluster;
    private final NodeRequests nodes;

    ClusterResource(ClusterView cluster, NodeRequests nodes) {
        this.cluster = cluster;
        this.nodes = nodes;
    }

    void mount(Router api) {
        api.get("/cluster/members").handler(this::members);
        api.post("/cluster/members/:id/drain").handler(this::drain);
    }

    private void members(RoutingContext ctx) {
        cluster.members().compose(members -> ctx.json(new JsonObject()
                        .put("local", cluster.localNodeId())
                        .put("members", new JsonArray(members.stream().map(ClusterView.Member::toJson).toList()))))
                .onFailure(ctx::fail);
    }

    private void drain(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        cluster.members().compose(members -> {
            if (members.stream().noneMatch(m -> m.id().equals(id))) {
                return Future.failedFuture(ApiException.notFound("no cluster member " + id));
            }
            return nodes.ask(id, Addresses.drain(id), new JsonObject().put("requested_by", ApiAuth.author(ctx)))
                    .recover(e -> Future.failedFuture(e instanceof NodeRequests.NodeUnavailableException
                            ? new ApiException(504, "drain not confirmed: " + e.getMessage()) : e));
        }).compose(reply -> {
            ctx.response().setStatusCode(202);
            return ctx.json(reply);
        }).onFailure(ctx::fail);
    }
}
