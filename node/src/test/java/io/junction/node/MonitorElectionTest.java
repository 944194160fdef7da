package io.junction.node;

import io.junction.admin.ClusterView;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every node picks the same monitor leader from the same member list. */
class MonitorElectionTest {

    @Test
    void theLowestIdInServiceLeadsWhateverTheOrder() {
        List<ClusterView.Member> members = List.of(member("c", true), member("a", true), member("b", true));

        assertThat(MonitorElection.leader(members)).contains("a");
        assertThat(MonitorElection.leader(List.of(members.get(2), members.get(0), members.get(1)))).contains("a");
    }

    @Test
    void aDrainedOrStartingNodeDoesNotLeadWhileAnotherIsReady() {
        assertThat(MonitorElection.leader(List.of(member("a", false), member("b", true), member("c", true))))
                .contains("b");
    }

    @Test
    void whenNoNodeIsReadyTheLowestLiveOneLeads() {
        assertThat(MonitorElection.leader(List.of(member("b", false), member("a", false)))).contains("a");
    }

    @Test
    void noMembersNoLeader() {
        assertThat(MonitorElection.leader(List.of())).isEmpty();
    }

    private static ClusterView.Member member(String id, boolean ready) {
        return new ClusterView.Member(id, "127.0.0.1", 6033, 6080, 1, ready, !ready, false);
    }
}
