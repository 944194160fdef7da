package io.junction.bench.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one operation in a closed loop (no pacing) on several threads for a fixed time, timing each call. Each
 * thread stops at the deadline or after {@value #MAX_ITERATIONS} calls, whichever comes first.
 */
public final class ThreadedLoad {
    private static final long MAX_ITERATIONS = 50_000_000;

    /** One operation; throwing counts as an error. */
    public interface Operation {
        void run() throws Exception;
    }

    /** Calls that succeeded, calls that failed, the first failure, their latencies and the time they ran. */
    public record Outcome(long completed, long errors, String firstError, Percentiles.Summary latency, double seconds) {
        public double perSecond() {
            return completed / seconds;
        }
    }

    private ThreadedLoad() {
    }

    public static Outcome run(int threads, double seconds, Operation operation) throws InterruptedException {
        LatencyRecorder latencies = new LatencyRecorder(20_000_000);
        AtomicLong completed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                for (long i = 0; i < MAX_ITERATIONS && System.nanoTime() < deadline; i++) {
                    long began = System.nanoTime();
                    try {
                        operation.run();
                        latencies.record(System.nanoTime() - began);
                        completed.incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                    }
                }
            }, "load-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Outcome(completed.get(), errors.get(), firstError.get(), latencies.summary(), elapsed);
    }
}
