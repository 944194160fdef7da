package io.junction.bench.measure;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Samples a gauge (Junction's heap in use, its backend connections) on a background thread at a fixed period and
 * keeps the peak. The period is the pace of the sampler, not a wait for a condition. Stops at {@link #stop()} or
 * after {@code maxSamples}.
 */
public final class PeakSampler implements AutoCloseable {
    private final AtomicLong peak = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong samples = new AtomicLong();
    private final AtomicReference<String> error = new AtomicReference<>();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;

    public PeakSampler(String name, LongSupplier gauge, long periodMillis, long maxSamples) {
        thread = new Thread(() -> {
            try {
                for (long i = 0; i < maxSamples; i++) {
                    peak.accumulateAndGet(gauge.getAsLong(), Math::max);
                    samples.incrementAndGet();
                    if (stop.await(periodMillis, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                error.compareAndSet(null, e.toString());
            }
        }, "sampler-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops sampling and returns the peak seen (Long.MIN_VALUE if no sample was taken). */
    public long stop() throws InterruptedException {
        stop.countDown();
        thread.join(10_000);
        return peak.get();
    }

    public long samples() {
        return samples.get();
    }

    /** The first failure to read the gauge, or null. */
    public String error() {
        return error.get();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
