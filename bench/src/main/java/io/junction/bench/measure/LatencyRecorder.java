package io.junction.bench.measure;

import java.util.Arrays;

/**
 * Collects latency samples from any thread. Keeps at most {@code capacity} samples (the first ones); later ones are
 * counted in {@link #dropped()} so that a report can say so.
 */
public final class LatencyRecorder {
    private final int capacity;
    private long[] samples = new long[1024];
    private int size;
    private long dropped;

    public LatencyRecorder(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void record(long nanos) {
        if (size == capacity) {
            dropped++;
            return;
        }
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, (int) Math.min(capacity, samples.length * 2L));
        }
        samples[size++] = nanos;
    }

    public synchronized long[] samples() {
        return Arrays.copyOf(samples, size);
    }

    public synchronized long dropped() {
        return dropped;
    }

    public Percentiles.Summary summary() {
        return Percentiles.summarize(samples());
    }
}
