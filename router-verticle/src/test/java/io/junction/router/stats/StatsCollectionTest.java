package io.junction.router.stats;

import io.junction.router.routing.QueryDigest;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link StatsCollector} reads each verticle's stats on that verticle's own event loop, and merges them. */
class StatsCollectionTest {
    private static final QueryDigest SELECT = QueryDigest.of("SELECT 1");

    private final Vertx vertx = Vertx.vertx();
    private final StatsCollector collector = new StatsCollector();
    private final Set<String> readOn = ConcurrentHashMap.newKeySet();
    private final Set<String> wrongThread = ConcurrentHashMap.newKeySet();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Stands in for a router verticle: its own stats, touched only on its own event loop. */
    private final class Loop extends VerticleBase {
        private final DigestStats digests = new DigestStats();
        private final PoolStats pool = new PoolStats("db:3306");
        private Runnable registration;

        @Override
        public Future<?> start() {
            digests.record(0, "app", "app", SELECT, 2_000_000, 1, 0, System.currentTimeMillis());
            pool.connected();
            pool.executed();
            registration = collector.register(context, this::snapshot);
            return Future.succeededFuture();
        }

        @Override
        public Future<?> stop() {
            registration.run();
            return Future.succeededFuture();
        }

        private StatsSnapshot snapshot() {
            if (Vertx.currentContext() != context || !Context.isOnEventLoopThread()) {
                wrongThread.add(Thread.currentThread().getName());
            }
            readOn.add(Thread.currentThread().getName());
            return new StatsSnapshot(digests.snapshot(), List.of(pool.row(0, 1)));
        }
    }

    @Test
    void eachLoopIsReadOnItsOwnEventLoopAndTheRowsMerge() throws Exception {
        String deployment = await(vertx.deployVerticle(Loop::new, new DeploymentOptions().setInstances(2)));

        StatsSnapshot node = await(collector.collect());

        assertThat(wrongThread).isEmpty();
        assertThat(readOn).hasSize(2);
        assertThat(node.digests()).singleElement().satisfies(row -> {
            assertThat(row.count()).isEqualTo(2);
            assertThat(row.sumTimeMicros()).isEqualTo(4_000);
            assertThat(row.digestText()).isEqualTo("SELECT ?");
        });
        assertThat(node.pools()).containsExactly(new PoolStatsRow("db:3306", 2, 0, 0, 2, 0, 2, 0, 0));

        await(vertx.undeploy(deployment));
        assertThat(await(collector.collect())).isEqualTo(StatsSnapshot.EMPTY);
    }

    @Test
    void aFailingPartFailsTheCollection() throws Exception {
        Context context = vertx.getOrCreateContext();
        collector.register(context, () -> {
            throw new IllegalStateException("broken loop");
        });
        Future<StatsSnapshot> collected = collector.collect();
        collected.toCompletionStage().toCompletableFuture().handle((ok, e) -> e).get(10, TimeUnit.SECONDS);
        assertThat(collected.failed()).isTrue();
        assertThat(collected.cause()).hasMessage("broken loop");
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
