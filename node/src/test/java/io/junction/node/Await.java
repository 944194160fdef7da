package io.junction.node;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Polls a condition until it holds or a deadline passes: tests wait for what they need, never for a fixed time. */
final class Await {
    private Await() {
    }

    /** A check that may throw (an HTTP call, a query). */
    interface Condition {
        boolean holds() throws Exception;
    }

    static void until(Condition condition, String what, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting until " + what);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
