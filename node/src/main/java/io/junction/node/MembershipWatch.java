package io.junction.node;

import io.vertx.core.Vertx;
import io.vertx.core.spi.cluster.ClusterManager;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells the router its share of the cluster-wide budgets: this node's rank among the live members (sorted by id)
 * and how many there are, at start and whenever membership changes. The member list is read from the cluster
 * manager every half second rather than through its node listener, which Vert.x itself holds (there is one slot).
 */
final class MembershipWatch {
    private static final long POLL_MS = 500;

    /** Receives (rank, members) when they change. */
    interface Listener {
        void shareChanged(int rank, int members);
    }

    private final Vertx vertx;
    private final ClusterManager manager;
    private final Listener listener;
    private List<String> last = List.of();
    private long timer = -1;

    /** {@code manager} is null when the node is not clustered: the share is then the whole budget, once. */
    MembershipWatch(Vertx vertx, ClusterManager manager, Listener listener) {
        this.vertx = vertx;
        this.manager = manager;
        this.listener = listener;
    }

    void start() {
        if (manager == null) {
            listener.shareChanged(0, 1);
            return;
        }
        check();
        timer = vertx.setPeriodic(POLL_MS, id -> check());
    }

    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void check() {
        List<String> nodes = new ArrayList<>(manager.getNodes());
        nodes.sort(null);
        if (nodes.equals(last)) {
            return;
        }
        last = nodes;
        int rank = nodes.indexOf(manager.getNodeId());
        if (rank < 0) {
            return; // not (or no longer) a member: keep the last share until we are
        }
        listener.shareChanged(rank, nodes.size());
    }
}
