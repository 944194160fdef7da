package io.junction.router.frontend;

import io.junction.config.JunctionConfig;
import io.junction.config.LimitsConfig;
import io.junction.config.ServerConfig;
import io.junction.config.ServerStatus;
import io.junction.config.TimeoutsConfig;
import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import io.junction.router.RawClient;
import io.junction.router.TestJunction;
import io.junction.router.protocol.ErrPacket;
import io.junction.router.protocol.OkPacket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.ServerSocket;
import java.sql.Connection;
import java.util.List;

import static io.junction.router.Sql.single;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(MariaDbExtension.class)
class ClientIdleAndRetryTest {
    static MariaDb db;

    @BeforeAll
    static void start(MariaDb server) {
        db = server;
        TestJunction.prepare(db);
    }

    @Test
    void aClientIdlePastClientIdleMsGets4031AndIsClosed() throws Exception {
        JunctionConfig base = TestJunction.config(db, 4);
        JunctionConfig idle = new JunctionConfig(1, base.listener(), base.admin(), base.hostgroups(), base.servers(), base.users(),
                base.limits(), new TimeoutsConfig(5_000, 2_000, 2_000, 60_000, 3_600_000, 300));
        try (TestJunction junction = TestJunction.start(idle); RawClient raw = new RawClient(junction.port(), 10_000)) {
            assertThat(OkPacket.is(raw.login("app", "apppw", "app").payload())).isTrue();
            ErrPacket error = raw.readError();
            assertThat(error.code()).isEqualTo(4031);
            assertThat(raw.closedByServer()).isTrue();
        }
    }

    @Test
    void aServerThatCannotBeReachedIsSkippedForAnotherOfTheHostgroup() throws Exception {
        int deadPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            deadPort = probe.getLocalPort();
        }
        JunctionConfig base = TestJunction.config(db, 4);
        JunctionConfig twoServers = new JunctionConfig(1, base.listener(), base.admin(), base.hostgroups(),
                List.of(new ServerConfig("127.0.0.1", deadPort, 0, 1_000_000, 4, ServerStatus.ONLINE),
                        new ServerConfig(db.host(), db.port(), 0, 1, 4, ServerStatus.ONLINE)),
                base.users(), new LimitsConfig(100, 64 * 1024 * 1024, false, 1), base.timeouts());
        try (TestJunction junction = TestJunction.start(twoServers)) {
            for (int i = 0; i < 5; i++) {
                try (Connection c = junction.connect()) {
                    assertThat(single(c, "SELECT @@port")).isEqualTo(String.valueOf(db.port()));
                }
            }
        }
    }
}
