package io.junction.router;

import io.junction.config.JunctionConfig;
import io.junction.config.MonitorConfig;
import io.junction.config.QueryRuleConfig;
import io.junction.config.TimeoutsConfig;
import io.junction.config.UserConfig;
import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import static io.junction.router.Sql.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Users, query rules, timeouts and monitor settings changed in a running node with {@link RouterDeployment#apply}:
 * new logins and new statements see the new config, sessions already open go on.
 */
@ExtendWith(MariaDbExtension.class)
class RuntimeUsersAndRulesTest {
    static MariaDb db;

    @BeforeAll
    static void start(MariaDb server) {
        db = server;
        TestJunction.prepare(db);
        db.execute("CREATE USER IF NOT EXISTS 'app2'@'%' IDENTIFIED BY 'app2pw'",
                "GRANT ALL ON app.* TO 'app2'@'%'",
                "CREATE USER IF NOT EXISTS 'monitor'@'%' IDENTIFIED BY 'mpw'");
    }

    @Test
    void aUserAddedCanLogInAndARemovedOneCannotWhileItsOpenSessionGoesOn() throws Exception {
        UserConfig app2 = UserConfig.withPassword("app2", "app2pw", "app");
        try (TestJunction junction = TestJunction.start(db); Connection open = junction.connect()) {
            assertThat(loginError(junction, "app2", "app2pw")).isEqualTo(1045);

            Poll.await(junction.deployment().apply(withUsers(junction.config(), 2, junction.config().users().get(0), app2)));
            try (Connection c = connect(junction, "app2", "app2pw")) {
                assertThat(single(c, "SELECT CURRENT_USER()")).startsWith("app2@");
            }

            Poll.await(junction.deployment().apply(withUsers(junction.config(), 3, app2)));
            assertThat(loginError(junction, TestJunction.USER, TestJunction.PASSWORD)).isEqualTo(1045);
            assertThat(single(open, "SELECT CURRENT_USER()")).as("the removed user's open session goes on").startsWith("app@");
        }
    }

    @Test
    void aChangedPasswordRetiresTheUsersConnectionsAndOnlyTheNewOneLogsIn() throws Exception {
        db.execute("CREATE USER IF NOT EXISTS 'app3'@'%' IDENTIFIED BY 'before'", "GRANT ALL ON app.* TO 'app3'@'%'");
        JunctionConfig base = TestJunction.config(db, 16);
        UserConfig app = base.users().get(0);
        try (TestJunction junction = TestJunction.start(withUsers(base, 1, app, UserConfig.withPassword("app3", "before", "app")))) {
            try (Connection c = connect(junction, "app3", "before")) {
                single(c, "SELECT 1");
            }
            assertThat(connectionsOf("app3")).as("an idle connection stays in the pool").isEqualTo(1);

            db.execute("ALTER USER 'app3'@'%' IDENTIFIED BY 'after'");
            Poll.await(junction.deployment().apply(withUsers(base, 2, app, UserConfig.withPassword("app3", "after", "app"))));
            Poll.until("the idle connection made with the old password is closed", () -> connectionsOf("app3") == 0);
            assertThat(loginError(junction, "app3", "before")).isEqualTo(1045);
            try (Connection c = connect(junction, "app3", "after")) {
                assertThat(single(c, "SELECT 7")).isEqualTo("7");
            }
        }
    }

    @Test
    void queryRulesSwappedAtRuntimeTakeEffectOnOpenSessions() throws Exception {
        QueryRuleConfig refuse = new QueryRuleConfig(1, true, null, null, null, "^SELECT 42", null, null, null,
                "42 is not allowed", 0, null, true);
        try (TestJunction junction = TestJunction.start(db); Connection c = junction.connect()) {
            assertThat(single(c, "SELECT 42")).isEqualTo("42");
            Poll.await(junction.deployment().apply(withRules(junction.config(), 2, List.of(refuse))));
            assertThatThrownBy(() -> single(c, "SELECT 42")).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getErrorCode()).isEqualTo(1148)).hasMessageContaining("42 is not allowed");
            assertThat(junction.limits().rules().hits()).containsEntry(1, 1L);

            Poll.await(junction.deployment().apply(withRules(junction.config(), 3, List.of())));
            assertThat(single(c, "SELECT 42")).isEqualTo("42");
        }
    }

    @Test
    void aClientIdleTimeoutSetAtRuntimeClosesIdleClients() throws Exception {
        try (TestJunction junction = TestJunction.start(db); Connection c = junction.connect()) {
            single(c, "SELECT 1");
            TimeoutsConfig t = junction.config().timeouts();
            JunctionConfig next = withTimeouts(junction.config(), new TimeoutsConfig(t.handshakeMs(), t.connectMs(), t.poolWaitMs(),
                    t.idlePingMs(), t.maxAgeMs(), 200));
            Poll.await(junction.deployment().apply(next));
            Poll.until("the idle client is disconnected", () -> junction.limits().clients() == 0);
        }
    }

    @Test
    void theMonitorStartsAndStopsWithItsSettings() throws Exception {
        MonitorConfig on = new MonitorConfig(true, "monitor", "mpw", 100, 100, 100, 500, 2, 2);
        String address = db.host() + ":" + db.port();
        try (TestJunction junction = TestJunction.start(db)) {
            assertThat(junction.limits().health().current().servers()).isEmpty();
            Poll.await(junction.deployment().apply(withMonitor(junction.config(), 2, on)));
            Poll.until("the monitor measured the server", () -> junction.limits().health().current().of(address).latencyMicros() > 0);

            Poll.await(junction.deployment().apply(withMonitor(junction.config(), 3, MonitorConfig.DEFAULT)));
            assertThat(junction.limits().health().current().servers()).as("no observations without a monitor").isEmpty();
        }
    }

    private static int loginError(TestJunction junction, String user, String password) {
        try (Connection c = connect(junction, user, password)) {
            throw new AssertionError(user + " logged in");
        } catch (SQLException e) {
            return e.getErrorCode();
        }
    }

    private static Connection connect(TestJunction junction, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + junction.port() + "/app?user=" + user + "&password=" + password);
    }

    private static int connectionsOf(String user) {
        return Integer.parseInt(db.queryString("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = '" + user + "'"));
    }

    static JunctionConfig withUsers(JunctionConfig c, long version, UserConfig... users) {
        return c.withUsers(List.of(users)).withVersion(version);
    }

    static JunctionConfig withRules(JunctionConfig c, long version, List<QueryRuleConfig> rules) {
        return new JunctionConfig(version, c.listener(), c.admin(), c.hostgroups(), c.servers(), c.users(), c.limits(),
                c.timeouts(), rules, c.replicationHostgroups(), c.monitor(), c.tls(), c.cluster());
    }

    static JunctionConfig withTimeouts(JunctionConfig c, TimeoutsConfig timeouts) {
        return new JunctionConfig(c.version() + 1, c.listener(), c.admin(), c.hostgroups(), c.servers(), c.users(), c.limits(),
                timeouts, c.queryRules(), c.replicationHostgroups(), c.monitor(), c.tls(), c.cluster());
    }

    static JunctionConfig withMonitor(JunctionConfig c, long version, MonitorConfig monitor) {
        return new JunctionConfig(version, c.listener(), c.admin(), c.hostgroups(), c.servers(), c.users(), c.limits(),
                c.timeouts(), c.queryRules(), c.replicationHostgroups(), monitor, c.tls(), c.cluster());
    }
}
