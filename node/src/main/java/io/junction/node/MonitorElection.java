package io.junction.node;

import io.junction.admin.ClusterView;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which node runs the cluster's health monitor: the live member with the lowest id among those in service (ready,
 * so not draining or stopping), or the lowest of all live members when none is. Every node decides from the same
 * member list, so they agree without a vote; a drained leader hands over before it is stopped, and a node that
 * has just joined takes over only once it is ready.
 */
final class MonitorElection {

    private MonitorElection() {
    }

    /** The leader's id among {@code members} (the live ones, in any order); empty when there are none. */
    static Optional<String> leader(List<ClusterView.Member> members) {
        Comparator<ClusterView.Member> byId = Comparator.comparing(ClusterView.Member::id);
        Optional<ClusterView.Member> inService = members.stream().filter(ClusterView.Member::ready).min(byId);
        return inService.or(() -> members.stream().min(byId)).map(ClusterView.Member::id);
    }
}
