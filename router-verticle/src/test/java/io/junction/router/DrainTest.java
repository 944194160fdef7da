package io.junction.router;

import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import io.junction.router.protocol.ErrPacket;
import io.junction.router.protocol.OkPacket;
import io.vertx.core.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.junction.router.Sql.exec;
import static io.junction.router.Sql.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link RouterDeployment#drain}: no new clients, idle ones closed at once, busy ones once their work is done. */
@ExtendWith(MariaDbExtension.class)
class DrainTest {
    static MariaDb db;

    @BeforeAll
    static void start(MariaDb server) {
        db = server;
        TestJunction.prepare(db);
        db.execute("CREATE TABLE IF NOT EXISTS app.drained (x INT)");
    }

    @Test
    void anIdleClientIsToldAndDisconnectedAndNewConnectionsAreRefused() throws Exception {
        try (TestJunction junction = TestJunction.start(db); RawClient idle = new RawClient(junction.port(), 5_000)) {
            assertThat(OkPacket.is(idle.login(TestJunction.USER, TestJunction.PASSWORD, TestJunction.SCHEMA).payload())).isTrue();
            int port = junction.port();

            Poll.await(junction.deployment().drain());
            assertThat(junction.deployment().draining()).isTrue();
            ErrPacket error = idle.readError();
            assertThat(error.code()).isEqualTo(1053);
            assertThat(error.message()).isEqualTo("Server shutdown in progress");
            assertThat(idle.closedByServer()).isTrue();
            assertThat(junction.limits().clients()).isZero();
            // the event loops share one listening socket, closed just after the last of them lets go of it
            Poll.until("the listener is closed", () -> refused(port));
        }
    }

    @Test
    void aClientInATransactionCanCommitAndIsThenDisconnected() throws Exception {
        try (TestJunction junction = TestJunction.start(db);
             Connection inTransaction = junction.connect(); Connection idle = junction.connect()) {
            exec(inTransaction, "DELETE FROM drained");
            exec(inTransaction, "START TRANSACTION");
            exec(inTransaction, "INSERT INTO drained VALUES (1)");

            Future<Void> drained = junction.deployment().drain();
            Poll.until("the idle client is closed", () -> junction.limits().clients() == 1);
            assertThat(drained.isComplete()).as("a transaction is still open").isFalse();
            exec(inTransaction, "INSERT INTO drained VALUES (2)");
            exec(inTransaction, "COMMIT");
            Poll.await(drained);
            assertThat(junction.limits().clients()).isZero();
            assertThat(db.queryString("SELECT COUNT(*) FROM app.drained")).as("both rows committed").isEqualTo("2");
            assertThatThrownBy(() -> single(inTransaction, "SELECT 1")).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aStatementInFlightGetsItsResultBeforeItsSessionCloses() throws Exception {
        try (TestJunction junction = TestJunction.start(db); Connection busy = junction.connect()) {
            CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> {
                try {
                    return single(busy, "SELECT CONCAT('slept ', SLEEP(0.5))");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Poll.until("the statement runs", () -> "1".equals(db.queryString(
                    "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE 'SELECT CONCAT(''slept%'")));
            Future<Void> drained = junction.deployment().drain();
            assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("slept 0");
            Poll.await(drained);
            assertThat(junction.limits().clients()).isZero();
        }
    }

    @Test
    void sessionsStillInATransactionAfterTheGraceAreClosedAndRolledBack() throws Exception {
        try (TestJunction junction = TestJunction.start(db); Connection stuck = junction.connect()) {
            exec(stuck, "DELETE FROM drained");
            exec(stuck, "START TRANSACTION");
            exec(stuck, "INSERT INTO drained VALUES (3)");
            assertThat(db.queryString("SELECT COUNT(*) FROM information_schema.INNODB_TRX")).isEqualTo("1");
            Poll.await(junction.deployment().drain(Duration.ofMillis(300)));
            assertThat(junction.limits().clients()).isZero();
            Poll.until("the open transaction is rolled back",
                    () -> "0".equals(db.queryString("SELECT COUNT(*) FROM information_schema.INNODB_TRX")));
            assertThat(db.queryString("SELECT COUNT(*) FROM app.drained")).isEqualTo("0");
        }
    }

    private static boolean refused(int port) {
        try (RawClient client = new RawClient(port, 1_000)) {
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
