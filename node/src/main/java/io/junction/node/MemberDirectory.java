package io.junction.node;

import io.junction.admin.ClusterView;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.core.spi.cluster.ClusterManager;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The member list the admin API shows. Each node writes what it says about itself (ports, config version,
 * readiness) into a cluster map, refreshed every second; the list is that map filtered by the members Hazelcast
 * sees alive now, so a node that died disappears at once even though its entry stays until someone cleans it.
 * Without clustering the list is this node alone.
 */
final class MemberDirectory implements ClusterView {
    static final String MAP = "junction.members";
    private static final long REFRESH_MS = 1_000;

    private final Vertx vertx;
    private final ClusterManager manager;
    private final String nodeId;
    private final Supplier<Member> self;
    private AsyncMap<String, String> map;
    private String published;
    private long timer = -1;

    /** {@code manager} is null when the node is not clustered. */
    MemberDirectory(Vertx vertx, ClusterManager manager, String nodeId, Supplier<Member> self) {
        this.vertx = vertx;
        this.manager = manager;
        this.nodeId = nodeId;
        this.self = self;
    }

    Future<Void> start() {
        if (manager == null) {
            return Future.succeededFuture();
        }
        return vertx.sharedData().<String, String>getAsyncMap(MAP).compose(m -> {
            map = m;
            timer = vertx.setPeriodic(REFRESH_MS, id -> publish());
            return publish();
        });
    }

    /** Writes this node's entry when it changed since the last write (clustered nodes only). */
    Future<Void> publish() {
        if (map == null) {
            return Future.succeededFuture(); // not clustered: members() answers from self directly
        }
        String now = self.get().toJson().encode();
        if (now.equals(published)) {
            return Future.succeededFuture();
        }
        return map.put(nodeId, now).onSuccess(v -> published = now);
    }

    Future<Void> stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        return map == null ? Future.succeededFuture() : map.remove(nodeId).mapEmpty();
    }

    @Override
    public String localNodeId() {
        return nodeId;
    }

    @Override
    public Future<List<Member>> members() {
        if (manager == null) {
            return Future.succeededFuture(List.of(self.get()));
        }
        Set<String> alive = Set.copyOf(manager.getNodes());
        return map.entries().map(entries -> {
            List<Member> members = new ArrayList<>();
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                if (alive.contains(entry.getKey())) {
                    members.add(Member.fromJson(entry.getKey(), new JsonObject(entry.getValue())));
                }
            }
            members.sort(Comparator.comparing(Member::id));
            return members;
        });
    }
}
