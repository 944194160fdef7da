package io.junction.bench.measure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PercentilesTest {

    @Test
    void nearestRankOfOneToHundred() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }
        assertThat(Percentiles.nearestRank(sorted, 50)).isEqualTo(50);
        assertThat(Percentiles.nearestRank(sorted, 99)).isEqualTo(99);
        assertThat(Percentiles.nearestRank(sorted, 99.5)).isEqualTo(100);
        assertThat(Percentiles.nearestRank(sorted, 100)).isEqualTo(100);
        assertThat(Percentiles.nearestRank(sorted, 0.1)).isEqualTo(1);
    }

    @Test
    void nearestRankOfFewSamplesPicksAnActualSample() {
        long[] sorted = {10, 20, 30};
        assertThat(Percentiles.nearestRank(sorted, 50)).isEqualTo(20);
        assertThat(Percentiles.nearestRank(sorted, 99)).isEqualTo(30);
        assertThat(Percentiles.nearestRank(new long[] {7}, 99)).isEqualTo(7);
    }

    @Test
    void summarizeSortsACopyAndConvertsToMilliseconds() {
        long[] nanos = {5_000_000, 1_000_000, 3_000_000, 2_000_000, 4_000_000};
        Percentiles.Summary summary = Percentiles.summarize(nanos);
        assertThat(summary.count()).isEqualTo(5);
        assertThat(summary.p50Ms()).isEqualTo(3.0);
        assertThat(summary.p99Ms()).isEqualTo(5.0);
        assertThat(summary.maxMs()).isEqualTo(5.0);
        assertThat(summary.meanMs()).isCloseTo(3.0, within(1e-9));
        assertThat(nanos[0]).isEqualTo(5_000_000); // the caller's array is left alone
    }

    @Test
    void noSamplesGiveNaNAndBadPercentilesAreRefused() {
        assertThat(Percentiles.summarize(new long[0]).p99Ms()).isNaN();
        assertThatThrownBy(() -> Percentiles.nearestRank(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.nearestRank(new long[] {1}, 101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recorderKeepsTheFirstSamplesAndCountsTheRest() {
        LatencyRecorder recorder = new LatencyRecorder(3);
        for (long i = 1; i <= 5; i++) {
            recorder.record(i * 1_000_000);
        }
        assertThat(recorder.samples()).containsExactly(1_000_000, 2_000_000, 3_000_000);
        assertThat(recorder.dropped()).isEqualTo(2);
        assertThat(recorder.summary().maxMs()).isEqualTo(3.0);
    }
}
