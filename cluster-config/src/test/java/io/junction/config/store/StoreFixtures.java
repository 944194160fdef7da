package io.junction.config.store;

import io.junction.config.ConfigLoader;
import io.junction.config.JunctionConfig;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** A small shared config to change, and waiting for futures and conditions with a deadline. */
final class StoreFixtures {
    /**
     * Hostgroups 0 (writer, one server) and 1 (readers, two servers); user "app" routes to 0, query rule 10 sends
     * SELECTs to 1.
     */
    static final JunctionConfig BASE = ConfigLoader.parse("""
            version: 1
            hostgroups:
              - {id: 0, name: writer}
              - {id: 1, name: readers}
            servers:
              - {host: 10.0.0.1, port: 3306, hostgroup: 0}
              - {host: 10.0.0.2, port: 3306, hostgroup: 1}
              - {host: 10.0.0.3, port: 3306, hostgroup: 1}
            users:
              - {name: app, password: secret, default_hostgroup: 0}
            query_rules:
              - {id: 10, match_pattern: "^SELECT", destination_hostgroup: 1, apply: true}
            """);

    private StoreFixtures() {
    }

    static JsonObject server(String host, int hostgroup) {
        return new JsonObject().put("host", host).put("port", 3306).put("hostgroup", hostgroup);
    }

    static ConfigChange change(long base, ChangeOp... ops) {
        return new ConfigChange(base, List.of(ops), "alice", "test");
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the future failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the future did not complete in time", e);
        }
    }

    /** The failure of {@code future}; an AssertionError if it succeeds. */
    static Throwable failure(Future<?> future) {
        try {
            Object result = future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got " + result);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the future did not complete in time", e);
        }
    }

    /** Polls {@code condition} every 20 ms until it holds, or fails after {@code seconds}. */
    static void waitFor(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
