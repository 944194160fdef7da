package io.junction.node;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;

/**
 * Closes what a command started, newest first, when the JVM is asked to stop (SIGTERM, SIGINT, System.exit).
 * Installed before the first resource is started, so an interrupt during startup still cleans up.
 */
final class ShutdownHook {
    private static final Logger log = LoggerFactory.getLogger(ShutdownHook.class);

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    static ShutdownHook install() {
        ShutdownHook hook = new ShutdownHook();
        Runtime.getRuntime().addShutdownHook(new Thread(hook::closeAll, "junction-shutdown"));
        return hook;
    }

    synchronized void add(AutoCloseable resource) {
        resources.push(resource);
    }

    /** Closes every resource added so far, newest first; a failure is logged and does not stop the others. */
    synchronized void closeAll() {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Could not close {}", resource, e);
            }
        }
    }

    /** Blocks the calling thread until the JVM shuts down; the hook's thread does the closing. */
    void blockUntilShutdown() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            // Interrupted: the caller returns and exits, which runs the hook.
            Thread.currentThread().interrupt();
        }
    }
}
