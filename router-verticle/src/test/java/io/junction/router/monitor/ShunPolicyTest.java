package io.junction.router.monitor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShunPolicyTest {
    private final ShunPolicy policy = new ShunPolicy(3, 2);

    /** Feeds results ('+' success, '-' failure) from a healthy start and returns the shunned flag after each. */
    private String shunnedAfterEach(ShunPolicy policy, String results) {
        ShunPolicy.State state = ShunPolicy.State.HEALTHY;
        StringBuilder shunned = new StringBuilder();
        for (char result : results.toCharArray()) {
            state = policy.after(state, result == '+');
            shunned.append(state.shunned() ? 'S' : '.');
        }
        return shunned.toString();
    }

    @Test
    void consecutiveFailuresShun() {
        assertThat(shunnedAfterEach(policy, "+---")).isEqualTo("...S");
    }

    @Test
    void aSuccessResetsTheFailureCount() {
        assertThat(shunnedAfterEach(policy, "--+--+--")).isEqualTo("........");
    }

    @Test
    void consecutiveSuccessesRecover() {
        assertThat(shunnedAfterEach(policy, "---++")).isEqualTo("..SS.");
    }

    @Test
    void aFailureWhileShunnedRestartsTheRecovery() {
        assertThat(shunnedAfterEach(policy, "---+-+-++")).isEqualTo("..SSSSSS.");
    }

    @Test
    void afterRecoveryItTakesTheFullCountAgain() {
        assertThat(shunnedAfterEach(policy, "---++--+---")).isEqualTo("..SS......S");
    }

    @Test
    void oneAndOneFlipOnEveryChange() {
        assertThat(shunnedAfterEach(new ShunPolicy(1, 1), "-+-++--")).isEqualTo("S.S..SS");
    }

    @Test
    void theShunningCountIsKept() {
        ShunPolicy.State state = ShunPolicy.State.HEALTHY;
        for (int i = 0; i < 5; i++) {
            state = policy.after(state, false);
        }
        assertThat(state).isEqualTo(new ShunPolicy.State(true, 3, 0));
    }

    @Test
    void countsBelowOneAreRejected() {
        assertThatThrownBy(() -> new ShunPolicy(0, 2)).hasMessage("shun_after_failures: 0 (expected: >= 1)");
        assertThatThrownBy(() -> new ShunPolicy(3, 0)).hasMessage("recover_after_successes: 0 (expected: >= 1)");
    }
}
