package io.junction.router.frontend;

import io.junction.config.JunctionConfig;
import io.junction.config.LimitsConfig;
import io.junction.config.ServerConfig;
import io.junction.config.ServerStatus;
import io.junction.config.TimeoutsConfig;
import io.junction.config.UserConfig;
import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import io.junction.router.RawClient;
import io.junction.router.TestJunction;
import io.junction.router.protocol.ErrPacket;
import io.junction.router.protocol.OkPacket;
import io.junction.router.protocol.Packet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static io.junction.router.Sql.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every kind of bad input gets the right error code and SQLSTATE, and the node keeps serving everyone else. */
@ExtendWith(MariaDbExtension.class)
class BadInputTest {
    static final int MAX_CLIENTS = 6;
    static final int MAX_PACKET = 64 * 1024;
    static final long HANDSHAKE_MS = 400;
    static TestJunction junction;
    static MariaDb db;

    @BeforeAll
    static void start(MariaDb server) {
        db = server;
        TestJunction.prepare(db);
        db.execute("GRANT SELECT ON `zz%`.* TO 'app'@'%'",
                "CREATE USER IF NOT EXISTS 'limited'@'%' IDENTIFIED BY 'lpw'", "GRANT ALL ON app.* TO 'limited'@'%'");
        JunctionConfig base = TestJunction.config(db, 16);
        List<UserConfig> users = new ArrayList<>(base.users());
        users.add(new UserConfig("limited", "lpw", null, 0, "app", 2, true));
        junction = TestJunction.start(new JunctionConfig(1, base.listener(), base.admin(), base.hostgroups(), base.servers(), users,
                new LimitsConfig(MAX_CLIENTS, MAX_PACKET, false, 1),
                new TimeoutsConfig(HANDSHAKE_MS, 1_000, 2_000, 60_000, 3_600_000, 0)));
    }

    @AfterAll
    static void stop() {
        junction.close();
    }

    @Test
    void wrongPasswordIs1045WithSqlState28000() {
        SQLException e = catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:mariadb://127.0.0.1:" + junction.port() + "/app?user=app&password=wrong"));
        assertThat(e.getErrorCode()).isEqualTo(1045);
        assertThat(e.getSQLState()).isEqualTo("28000");
        assertThat(e.getMessage()).contains("Access denied for user 'app'");
    }

    @Test
    void unknownUserIs1045() {
        SQLException e = catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:mariadb://127.0.0.1:" + junction.port() + "/app?user=nobody&password=x"));
        assertThat(e.getErrorCode()).isEqualTo(1045);
    }

    @Test
    void unknownDatabaseIs1049() {
        SQLException e = catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:mariadb://127.0.0.1:" + junction.port() + "/zz_missing?user=app&password=apppw"));
        assertThat(e.getErrorCode()).isEqualTo(1049);
        assertThat(e.getSQLState()).isEqualTo("42000");
    }

    @Test
    void malformedPacketGetsErr1835AndIsClosedWhileOthersAreServed() throws Exception {
        try (Connection other = junction.connect(); RawClient raw = new RawClient(junction.port(), 3_000)) {
            assertThat(OkPacket.is(raw.login("app", "apppw", "app").payload())).isTrue();
            raw.send(0, new byte[] {0x17, 1, 0}); // COM_STMT_EXECUTE cut short of its statement id
            ErrPacket error = raw.readError();
            assertThat(error.code()).isEqualTo(1835);
            assertThat(raw.closedByServer()).isTrue();
            assertThat(single(other, "SELECT 1")).isEqualTo("1");
        }
    }

    @Test
    void malformedHandshakeResponseGetsAnErrorAndIsClosed() throws Exception {
        try (RawClient raw = new RawClient(junction.port(), 3_000)) {
            raw.read();
            raw.send(1, new byte[] {1, 2, 3});
            assertThat(raw.readError().code()).isEqualTo(1835);
            assertThat(raw.closedByServer()).isTrue();
        }
    }

    @Test
    void oversizedPacketGetsErr1153FromItsHeaderAlone() throws Exception {
        try (Connection other = junction.connect(); RawClient raw = new RawClient(junction.port(), 3_000)) {
            raw.login("app", "apppw", "app");
            int length = MAX_PACKET + 1;
            raw.sendRaw(new byte[] {(byte) length, (byte) (length >> 8), (byte) (length >> 16), 0, 0x03});
            ErrPacket error = raw.readError();
            assertThat(error.code()).isEqualTo(1153);
            assertThat(error.sqlState()).isEqualTo("08S01");
            assertThat(raw.closedByServer()).isTrue();
            assertThat(single(other, "SELECT 2")).isEqualTo("2");
        }
    }

    @Test
    void clientThatNeverFinishesItsHandshakeIsClosedAfterTheTimeout() throws Exception {
        try (RawClient raw = new RawClient(junction.port(), (int) HANDSHAKE_MS * 10)) {
            raw.read();
            long start = System.nanoTime();
            ErrPacket error = raw.readError();
            long waitedMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(error.code()).isEqualTo(1043);
            assertThat(raw.closedByServer()).isTrue();
            assertThat(waitedMs).isLessThan(HANDSHAKE_MS * 10);
        }
    }

    @Test
    void moreClientsThanTheLimitGet1040() throws Exception {
        List<Connection> open = new ArrayList<>();
        try {
            while (junction.limits().clients() < MAX_CLIENTS) {
                open.add(junction.connect());
            }
            SQLException e = catchThrowableOfType(SQLException.class, junction::connect);
            assertThat(e.getErrorCode()).isEqualTo(1040);
            assertThat(e.getSQLState()).isEqualTo("08004");
        } finally {
            for (Connection c : open) {
                c.close();
            }
        }
        try (Connection again = junction.connect()) {
            assertThat(single(again, "SELECT 3")).isEqualTo("3");
        }
    }

    @Test
    void moreClientsOfOneUserThanItsLimitGet1226() throws Exception {
        String url = "jdbc:mariadb://127.0.0.1:" + junction.port() + "/app?user=limited&password=lpw";
        try (Connection a = DriverManager.getConnection(url); Connection b = DriverManager.getConnection(url)) {
            SQLException e = catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(url));
            assertThat(e.getErrorCode()).isEqualTo(1226);
            assertThat(single(a, "SELECT 4")).isEqualTo("4");
        }
    }

    @Test
    void unsupportedCommandGetsErr1047AndTheConnectionStaysUsable() throws Exception {
        try (RawClient raw = new RawClient(junction.port(), 3_000)) {
            raw.login("app", "apppw", "app");
            raw.send(0, new byte[] {0x12, 4, 0, 0, 0, 0, 0, 1, 0, 0, 0}); // COM_BINLOG_DUMP
            ErrPacket error = raw.readError();
            assertThat(error.code()).isEqualTo(1047);
            assertThat(error.message()).contains("COM_BINLOG_DUMP");
            raw.send(0, new byte[] {0x0E}); // COM_PING
            Packet pong = raw.read();
            assertThat(OkPacket.is(pong.payload())).isTrue();
        }
    }

    @Test
    void loadDataLocalIsRefusedUnlessEnabled() throws Exception {
        try (Connection c = DriverManager.getConnection(junction.mariadbUrl("allowLocalInfile=true"))) {
            assertThatThrownBy(() -> c.createStatement().execute("LOAD DATA LOCAL INFILE '/etc/hostname' INTO TABLE t"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1148))
                    .hasMessageContaining("local_infile");
        }
    }

    @Test
    void aTransactionWhoseBackendConnectionIsKilledEndsWithAnErrorAndAClosedClient() throws Exception {
        try (Connection victim = junction.connect(); Connection other = junction.connect()) {
            db.execute("CREATE TABLE IF NOT EXISTS app.victim (n INT)");
            victim.setAutoCommit(false);
            victim.createStatement().execute("INSERT INTO victim VALUES (1)");
            String backend = single(victim, "SELECT CONNECTION_ID()");
            db.execute("KILL " + backend);
            SQLException e = catchThrowableOfType(SQLException.class, () -> single(victim, "SELECT 1"));
            assertThat(e.getErrorCode()).isEqualTo(2013);
            assertThat(victim.isValid(2)).as("the client's transaction is gone, so is its connection").isFalse();
            assertThat(single(other, "SELECT 7")).isEqualTo("7");
        }
    }

    @Test
    void backendThatIsDownGivesAClearErrorWithinTheConnectTimeout() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        JunctionConfig base = TestJunction.config(db, 4);
        JunctionConfig down = new JunctionConfig(1, base.listener(), base.admin(), base.hostgroups(),
                List.of(new ServerConfig("127.0.0.1", closedPort, 0, 1, 4, ServerStatus.ONLINE)), base.users(), base.limits(),
                new TimeoutsConfig(5_000, 1_000, 2_000, 60_000, 3_600_000, 0));
        try (TestJunction dead = TestJunction.start(down)) {
            long start = System.nanoTime();
            SQLException e = catchThrowableOfType(SQLException.class, dead::connect);
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(e.getErrorCode()).isEqualTo(2003);
            assertThat(e.getMessage()).contains("cannot connect to backend 127.0.0.1:" + closedPort);
            assertThat(tookMs).isLessThan(5_000);
        }
    }
}
