package io.junction.bench.measure;

import java.util.Arrays;

/** Nearest-rank percentiles of latency samples in nanoseconds, summarised in milliseconds. */
public final class Percentiles {

    /** Count, mean, p50, p99 and max of a set of samples; the times are NaN when there are none. */
    public record Summary(long count, double meanMs, double p50Ms, double p99Ms, double maxMs) {
    }

    private Percentiles() {
    }

    /**
     * The nearest-rank percentile of ascending {@code sorted}: the smallest sample with at least {@code percentile}
     * percent of the samples at or below it.
     *
     * @param percentile in (0, 100]
     */
    public static long nearestRank(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile: " + percentile + " (expected: > 0 and <= 100)");
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** Summarises samples in nanoseconds (the array is not changed). */
    public static Summary summarize(long[] nanos) {
        if (nanos.length == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long sample : sorted) {
            sum += sample;
        }
        return new Summary(sorted.length, ms(sum / sorted.length), ms(nearestRank(sorted, 50)),
                ms(nearestRank(sorted, 99)), ms(sorted[sorted.length - 1]));
    }

    private static double ms(double nanos) {
        return nanos / 1_000_000.0;
    }
}
