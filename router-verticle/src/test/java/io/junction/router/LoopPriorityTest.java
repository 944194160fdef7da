package io.junction.router;

import io.junction.config.ListenerConfig;
import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import io.vertx.core.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.junction.router.Sql.single;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code listener.event_loop_priority}: the router's event loop threads run at that nice value, as the kernel reports
 * it in {@code /proc}. Positive values, which need no privilege, keep the test independent of who runs it.
 */
@ExtendWith(MariaDbExtension.class)
class LoopPriorityTest {
    static MariaDb db;

    @BeforeAll
    static void start(MariaDb server) {
        db = server;
        TestJunction.prepare(db);
    }

    @Test
    void aThreadTakesTheNiceValue() throws Exception {
        CompletableFuture<int[]> outcome = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                int before = nice(Path.of("/proc/thread-self"));
                String failure = LoopPriority.apply(before + 3);
                outcome.complete(new int[] {before, failure == null ? 0 : 1, nice(Path.of("/proc/thread-self"))});
            } catch (IOException | RuntimeException e) {
                outcome.completeExceptionally(e);
            }
        });
        thread.start();
        int[] seen = outcome.get();
        assertThat(seen[1]).as("apply reported a failure").isZero();
        assertThat(seen[2]).isEqualTo(seen[0] + 3);
        assertThat(nice(Path.of("/proc/thread-self"))).as("other threads keep theirs").isEqualTo(seen[0]);
    }

    @Test
    void theRouterLoopsRunAtTheConfiguredPriority() throws Exception {
        int nice = 7;
        try (TestJunction junction = TestJunction.start(TestJunction.config(db, 4, 2).withListener(
                new ListenerConfig("127.0.0.1", 0, 2, nice)));
             Connection connection = junction.connect()) {
            assertThat(single(connection, "SELECT 1 + 1")).isEqualTo("2");
            List<Integer> seen = new CopyOnWriteArrayList<>();
            Poll.await(junction.deployment().loops().onEach(loop -> {
                try {
                    seen.add(nice(Path.of("/proc/thread-self")));
                    return Future.succeededFuture();
                } catch (IOException e) {
                    return Future.failedFuture(e);
                }
            }));
            assertThat(seen).containsExactly(nice, nice);
        }
    }

    /** Field 19 of {@code stat}, counted after the command name, which may hold spaces. */
    private static int nice(Path task) throws IOException {
        String stat = Files.readString(task.resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }
}
