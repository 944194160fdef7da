package io.junction.router.frontend;

import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import io.junction.router.RawClient;
import io.junction.router.TestJunction;
import io.junction.router.protocol.ComQuery;
import io.junction.router.protocol.EofPacket;
import io.junction.router.protocol.ErrPacket;
import io.junction.router.protocol.Packet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.netty.buffer.PooledByteBufAllocator;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A huge result relayed to a slow reader costs bounded memory: the backend socket is paused, not buffered. Memory
 * is heap plus Netty's pooled direct memory, since queued socket writes are copied there.
 */
@ExtendWith(MariaDbExtension.class)
class StreamingTest {
    static final int ROW_BYTES = 1024;
    static final int ROWS = 200 * 1024;
    static final long MAX_HEAP_GROWTH = 64L * 1024 * 1024;

    @Test
    void twoHundredMegabytesToASlowReaderKeepHeapGrowthUnder64Megabytes(MariaDb db) throws Exception {
        TestJunction.prepare(db);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (TestJunction junction = TestJunction.start(db); RawClient reader = new RawClient(junction.port(), 30_000)) {
            reader.login(TestJunction.USER, TestJunction.PASSWORD, TestJunction.SCHEMA);
            long baseline = heapAfterGc(memory);
            reader.send(0, ComQuery.of("SELECT REPEAT('x', " + ROW_BYTES + ") FROM app.seq_1_to_" + ROWS).encode());

            long rows = 0;
            long bytes = 0;
            long peak = 0;
            int eofs = 0;
            while (eofs < 2) {
                Packet packet = reader.read();
                assertThat(ErrPacket.is(packet.payload())).as("no error mid-result: %s", ErrPacket.is(packet.payload()) ? ErrPacket.decode(packet.payload()) : "").isFalse();
                if (EofPacket.is(packet.payload())) {
                    eofs++;
                } else if (eofs == 1) {
                    rows++;
                    bytes += packet.payload().length;
                    if (rows == 1024 || rows == ROWS / 2) {
                        peak = Math.max(peak, stalledReaderHeap(memory) - baseline);
                    } else if (rows % 8192 == 0) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // a slow reader, throughout
                    }
                }
            }
            org.slf4j.LoggerFactory.getLogger(StreamingTest.class).info("measured: {} rows, {} MB relayed, peak heap+direct growth {} MB",
                    rows, bytes >> 20, peak >> 20);
            assertThat(rows).isEqualTo(ROWS);
            assertThat(bytes).isGreaterThan((long) ROWS * ROW_BYTES);
            assertThat(peak).as("heap and direct memory growth while relaying, bytes").isLessThan(MAX_HEAP_GROWTH);
        }
    }

    /**
     * The reader stops reading until the node's heap stops growing (two samples 200 ms apart within 1 MB, at most
     * 10 s): without backpressure the node would be buffering the rest of the result by then.
     */
    private static long stalledReaderHeap(MemoryMXBean memory) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long previous = heapAfterGc(memory);
        long peak = previous;
        while (System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            long now = heapAfterGc(memory);
            peak = Math.max(peak, now);
            if (Math.abs(now - previous) < 1024 * 1024) {
                break;
            }
            previous = now;
        }
        return peak;
    }

    /** Heap after a GC plus Netty's pooled direct memory, where socket writes end up queued. */
    private static long heapAfterGc(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed() + PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory();
    }
}
