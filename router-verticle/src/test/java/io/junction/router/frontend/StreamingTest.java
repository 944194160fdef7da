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

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** A huge result relayed to a slow reader costs bounded memory: the backend socket is paused, not buffered. */
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
                    if (rows % 8192 == 0) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // the deliberately slow reader
                        if (rows % (8192 * 5) == 0) {
                            peak = Math.max(peak, heapAfterGc(memory) - baseline);
                        }
                    }
                }
            }
            assertThat(rows).isEqualTo(ROWS);
            assertThat(bytes).isGreaterThan((long) ROWS * ROW_BYTES);
            assertThat(peak).as("heap growth while relaying, bytes").isLessThan(MAX_HEAP_GROWTH);
        }
    }

    private static long heapAfterGc(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
