package io.junction.router.backend;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The one timer of a pool's wait queue, on a real Vert.x event loop; no server is involved. */
class PoolWaitersTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    @Test
    void eachWaiterExpiresAtItsOwnDeadlineEvenWhenALaterOneIsDueFirst() throws Exception {
        List<Long> waits = new CopyOnWriteArrayList<>();
        List<Long> lateBy = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> bothExpired = new CompletableFuture<>();
        onLoop(() -> {
            PoolWaiters waiters = new PoolWaiters(vertx, waiter -> {
                lateBy.add(System.nanoTime() - waiter.deadline());
                waits.add(waiter.deadline() - waiter.since());
                if (waits.size() == 2) {
                    bothExpired.complete(null);
                }
            });
            waiters.add(null, 300);
            waiters.add(null, 40); // pool_wait_ms lowered meanwhile: due before the first
            return waiters;
        });

        bothExpired.get(10, TimeUnit.SECONDS);
        assertThat(waits).containsExactly(TimeUnit.MILLISECONDS.toNanos(40), TimeUnit.MILLISECONDS.toNanos(300));
        assertThat(lateBy).allSatisfy(nanos -> assertThat(nanos).isNotNegative());
    }

    @Test
    void waitersTakenBeforeTheirDeadlineNeverExpire() throws Exception {
        List<PoolWaiters.Waiter> expired = new CopyOnWriteArrayList<>();
        CompletableFuture<PoolWaiters.Waiter> last = new CompletableFuture<>();
        PoolWaiters waiters = onLoop(() -> new PoolWaiters(vertx, waiter -> {
            expired.add(waiter);
            last.complete(waiter);
        }));
        onLoop(() -> {
            waiters.add(null, 30);
            waiters.add(null, 30);
            assertThat(waiters.poll()).isNotNull();
            assertThat(waiters.takeAll()).hasSize(1);
            waiters.add(null, 60);
            return null;
        });

        PoolWaiters.Waiter late = last.get(10, TimeUnit.SECONDS);
        assertThat(expired).containsExactly(late);
        assertThat(late.deadline() - late.since()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(60));
        assertThat(onLoop(waiters::isEmpty)).isTrue();
    }

    /** Runs {@code action} on an event loop, as the pool does, and returns its result. */
    private <T> T onLoop(Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        vertx.runOnContext(v -> {
            try {
                result.complete(action.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, TimeUnit.SECONDS);
    }
}
