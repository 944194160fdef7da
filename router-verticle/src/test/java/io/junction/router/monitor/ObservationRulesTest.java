package io.junction.router.monitor;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure rules behind what the monitor publishes: lag values, read_only values, latency changes. */
class ObservationRulesTest {

    @Test
    void nullSecondsBehindMeansReplicationStopped() {
        assertThat(LagReader.lagOf((Object) null)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void secondsBehindIsTheLag() {
        assertThat(LagReader.lagOf(0L)).isZero();
        assertThat(LagReader.lagOf(42)).isEqualTo(42);
        assertThat(LagReader.lagOf("7")).isEqualTo(7);
    }

    @Test
    void aHugeLagStaysBelowStopped() {
        assertThat(LagReader.lagOf(Long.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE - 1);
    }

    @Test
    void readOnlyValues() {
        assertThat(ServerChecker.isOn(1L)).isTrue();
        assertThat(ServerChecker.isOn(0)).isFalse();
        assertThat(ServerChecker.isOn("ON")).isTrue();
        assertThat(ServerChecker.isOn("OFF")).isFalse();
        assertThat(ServerChecker.isOn("NO_LOCK")).isTrue();
        assertThat(ServerChecker.isOn(null)).isNull();
    }

    @Test
    void theFirstLatencyIsPublished() {
        assertThat(ServerChecker.latencyMoved(0, 150, List.of())).isTrue();
    }

    @Test
    void latencyWithinTwentyPercentIsNotPublished() {
        assertThat(ServerChecker.latencyMoved(1_000, 1_200, List.of())).isFalse();
        assertThat(ServerChecker.latencyMoved(1_000, 800, List.of())).isFalse();
        assertThat(ServerChecker.latencyMoved(1_000, 1_201, List.of())).isTrue();
        assertThat(ServerChecker.latencyMoved(1_000, 799, List.of())).isTrue();
    }

    @Test
    void crossingAMaxLatencyIsPublishedHoweverSmallTheStep() {
        assertThat(ServerChecker.latencyMoved(9_900, 10_100, List.of(10))).isTrue();
        assertThat(ServerChecker.latencyMoved(10_100, 9_900, List.of(10))).isTrue();
        assertThat(ServerChecker.latencyMoved(9_800, 9_900, List.of(10))).isFalse();
        assertThat(ServerChecker.latencyMoved(9_900, 10_100, List.of(50, 10))).isTrue();
    }
}
