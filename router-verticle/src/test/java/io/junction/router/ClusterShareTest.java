package io.junction.router;

import io.junction.config.JunctionConfig;
import io.junction.config.ServerConfig;
import io.junction.config.ServerStatus;
import io.junction.config.TimeoutsConfig;
import io.junction.config.UserConfig;
import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static io.junction.router.Sql.exec;
import static io.junction.router.Sql.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cluster-wide caps split among the live nodes: the arithmetic, and a node resizing its budgets when told its share. */
@ExtendWith(MariaDbExtension.class)
class ClusterShareTest {
    static MariaDb db;

    @BeforeAll
    static void start(MariaDb server) {
        db = server;
        TestJunction.prepare(db);
    }

    @Test
    void sharesAddUpToTheCapAndTheFirstRanksTakeTheRemainder() {
        assertThat(shares(30, 3)).containsExactly(10, 10, 10);
        assertThat(shares(31, 3)).containsExactly(11, 10, 10);
        assertThat(shares(2, 3)).as("fewer connections than nodes: the last node gets none").containsExactly(1, 1, 0);
        for (int max = 0; max < 50; max++) {
            for (int members = 1; members < 7; members++) {
                assertThat(shares(max, members).stream().mapToInt(Integer::intValue).sum()).isEqualTo(max);
            }
        }
        assertThatThrownBy(() -> new ClusterShare(3, 3)).hasMessage("rank: 3 (expected: 0 <= rank < 3)");
        assertThatThrownBy(() -> new ClusterShare(0, 0)).hasMessage("members: 0 (expected: >= 1)");
    }

    @Test
    void aNodeTakesItsShareOfEachServerCapAndKeepsItAcrossConfigChanges() throws Exception {
        try (TestJunction junction = TestJunction.start(config(1, 31, 10_000, 10_000))) {
            ServerConfig server = junction.config().servers().get(0);
            junction.deployment().share(0, 3);
            assertThat(junction.limits().budget(server).max()).isEqualTo(11);
            junction.deployment().share(2, 3);
            assertThat(junction.limits().budget(server).max()).isEqualTo(10);
            Poll.await(junction.deployment().apply(config(2, 30, 10_000, 10_000)));
            assertThat(junction.limits().budget(server).max()).isEqualTo(10);
            junction.deployment().share(0, 1);
            assertThat(junction.limits().budget(server).max()).isEqualTo(30);
        }
    }

    @Test
    void aSmallerShareClosesIdleConnectionsAboveIt() throws Exception {
        try (TestJunction junction = TestJunction.start(config(1, 6, 10_000, 10_000))) {
            List<Connection> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 6; i++) {
                    Connection c = junction.connect();
                    clients.add(c);
                    exec(c, "START TRANSACTION");
                    single(c, "SELECT 1");
                }
                for (Connection c : clients) {
                    exec(c, "COMMIT");
                }
                assertThat(appConnections()).isEqualTo(6);

                junction.deployment().share(1, 3);
                Poll.until("idle connections above the share of 2 are closed", () -> appConnections() == 2);
                for (Connection c : clients) {
                    assertThat(single(c, "SELECT 5")).isEqualTo("5");
                }
                assertThat(appConnections()).isLessThanOrEqualTo(2);
            } finally {
                for (Connection c : clients) {
                    c.close();
                }
            }
        }
    }

    @Test
    void aUsersClientCapIsSplitToo() throws Exception {
        try (TestJunction junction = TestJunction.start(config(1, 16, 3, 10_000))) {
            junction.deployment().share(2, 3);
            try (Connection first = junction.connect()) {
                assertThatThrownBy(junction::connect).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(1226));
                assertThat(single(first, "SELECT 1")).isEqualTo("1");
            }
        }
    }

    @Test
    void aShareOfZeroOpensNothingAndStatementsTimeOut() throws Exception {
        try (TestJunction junction = TestJunction.start(config(1, 16, 10_000, 300))) {
            try (Connection c = junction.connect()) {
                Poll.await(junction.deployment().apply(config(2, 2, 10_000, 300)));
                junction.deployment().share(2, 3);
                Poll.until("the idle connection is closed", () -> appConnections() == 0);
                assertThatThrownBy(() -> single(c, "SELECT 1")).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(9001));
                assertThat(appConnections()).isZero();
            }
        }
    }

    private static List<Integer> shares(int max, int members) {
        return IntStream.range(0, members).mapToObj(rank -> new ClusterShare(rank, members).of(max)).toList();
    }

    private static int appConnections() {
        return RuntimeServersTest.appConnections(db);
    }

    private static JunctionConfig config(long version, int serverMax, int userMax, long poolWaitMs) {
        JunctionConfig base = TestJunction.config(db, serverMax, 1);
        return new JunctionConfig(version, base.listener(), base.admin(), base.hostgroups(),
                List.of(new ServerConfig(db.host(), db.port(), 0, 1, serverMax, ServerStatus.ONLINE)),
                List.of(new UserConfig(TestJunction.USER, TestJunction.PASSWORD, null, 0, TestJunction.SCHEMA, userMax, true)),
                base.limits(), new TimeoutsConfig(5_000, 3_000, poolWaitMs, 60_000, 3_600_000, 0));
    }
}
