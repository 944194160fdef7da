package io.junction.router.frontend;

import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import io.junction.router.RawClient;
import io.junction.router.TestJunction;
import io.junction.router.protocol.ComQuery;
import io.junction.router.protocol.EofPacket;
import io.junction.router.protocol.ErrPacket;
import io.junction.router.protocol.OkPacket;
import io.junction.router.protocol.Packet;
import io.junction.router.protocol.PacketFramer;
import io.junction.router.protocol.TextResultRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that sends many commands without waiting for answers (as pipelining drivers do) gets every answer, in
 * order: the session stops reading the socket while a command is in flight and starts again when it is answered.
 * The commands are far more than one socket read, so reading must stop and resume many times.
 */
@ExtendWith(MariaDbExtension.class)
class ClientPipeliningTest {
    static final int QUERIES = 4_000;

    @Test
    void fourThousandQueriesSentInOneWriteAreAnsweredInOrder(MariaDb db) throws Exception {
        TestJunction.prepare(db);
        try (TestJunction junction = TestJunction.start(db); RawClient client = new RawClient(junction.port(), 30_000)) {
            assertThat(OkPacket.is(client.login(TestJunction.USER, TestJunction.PASSWORD, TestJunction.SCHEMA).payload())).isTrue();
            ByteArrayOutputStream pipeline = new ByteArrayOutputStream();
            for (int i = 0; i < QUERIES; i++) {
                pipeline.writeBytes(PacketFramer.encode(0, ComQuery.of("SELECT " + i + " AS answer").encode()));
            }
            // Written from another thread: the answers must be read while the commands are still going out.
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                try {
                    client.sendRaw(pipeline.toByteArray());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });

            List<String> answers = new ArrayList<>();
            for (int i = 0; i < QUERIES; i++) {
                answers.add(singleValue(client));
            }
            sent.get(30, TimeUnit.SECONDS);
            assertThat(pipeline.size()).as("bytes pipelined, more than a socket read").isGreaterThan(64 * 1024);
            for (int i = 0; i < QUERIES; i++) {
                assertThat(answers.get(i)).as("answer %d", i).isEqualTo(Integer.toString(i));
            }
        }
    }

    /** Reads one text result set of one row and one column (no CLIENT_DEPRECATE_EOF: EOF after the columns and rows). */
    private static String singleValue(RawClient client) throws IOException {
        Packet columns = client.read();
        assertThat(ErrPacket.is(columns.payload())).as("an error: %s",
                ErrPacket.is(columns.payload()) ? ErrPacket.decode(columns.payload()) : "").isFalse();
        assertThat(columns.payload()).as("one column").containsExactly(1);
        client.read(); // the column definition
        assertThat(EofPacket.is(client.read().payload())).as("EOF after the columns").isTrue();
        String value = TextResultRow.decode(client.read().payload()).get(0);
        assertThat(EofPacket.is(client.read().payload())).as("EOF after the row").isTrue();
        return value;
    }
}
