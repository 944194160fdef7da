package io.junction.router.frontend;

import com.mysql.cj.jdbc.JdbcConnection;
import io.junction.config.JunctionConfig;
import io.junction.config.UserConfig;
import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import io.junction.router.TestJunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.vertx.core.Vertx;
import io.vertx.mysqlclient.MySQLAuthenticationPlugin;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.mysqlclient.MySQLConnection;
import io.vertx.mysqlclient.MySQLException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

import static io.junction.router.Sql.exec;
import static io.junction.router.Sql.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Logins with each supported plugin and credential form, COM_CHANGE_USER and COM_RESET_CONNECTION. */
@ExtendWith(MariaDbExtension.class)
class AuthenticationTest {
    static TestJunction junction;

    @BeforeAll
    static void start(MariaDb db) {
        TestJunction.prepare(db);
        db.execute("CREATE USER IF NOT EXISTS 'hashed'@'%' IDENTIFIED BY 'hashpw'", "GRANT ALL ON app.* TO 'hashed'@'%'");
        String hash = db.queryString("SELECT PASSWORD('hashpw')");
        JunctionConfig base = TestJunction.config(db, 8, 1);
        List<UserConfig> users = new ArrayList<>(base.users());
        users.add(new UserConfig("hashed", null, hash, 0, "app", 100, true));
        junction = TestJunction.start(new JunctionConfig(1, base.listener(), base.admin(), base.hostgroups(), base.servers(), users,
                base.limits(), base.timeouts()));
    }

    @AfterAll
    static void stop() {
        junction.close();
    }

    @Test
    void aUserConfiguredWithOnlyItsNativeHashLogsInToTheBackendToo() throws Exception {
        String url = "jdbc:mariadb://127.0.0.1:" + junction.port() + "/app?user=hashed&password=";
        try (Connection c = DriverManager.getConnection(url + "hashpw")) {
            assertThat(single(c, "SELECT CURRENT_USER()")).isEqualTo("hashed@%");
        }
        SQLException wrong = catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(url + "nope"));
        assertThat(wrong.getErrorCode()).isEqualTo(1045);
    }

    /**
     * vertx-mysql-client, not MySQL Connector/J: Connector/J reads Junction's MariaDB-style greeting version
     * (5.5.5-10.11...) as older than 5.5.16 and then mis-parses AuthMoreData, as it would against MariaDB itself.
     */
    @Test
    void cachingSha2PasswordFastPath() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            MySQLConnectOptions options = new MySQLConnectOptions().setHost("127.0.0.1").setPort(junction.port())
                    .setUser(TestJunction.USER).setPassword(TestJunction.PASSWORD).setDatabase(TestJunction.SCHEMA)
                    .setAuthenticationPlugin(MySQLAuthenticationPlugin.CACHING_SHA2_PASSWORD);
            MySQLConnection connection = MultiplexingTest.await(MySQLConnection.connect(vertx, options));
            RowSet<Row> rows = MultiplexingTest.await(connection.query("SELECT CURRENT_USER()").execute());
            assertThat(rows.iterator().next().getString(0)).isEqualTo("app@%");
            MultiplexingTest.await(connection.close());

            ExecutionException wrong = catchThrowableOfType(ExecutionException.class,
                    () -> MultiplexingTest.await(MySQLConnection.connect(vertx, new MySQLConnectOptions(options).setPassword("bad"))));
            assertThat(wrong.getCause()).isInstanceOfSatisfying(MySQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1045));
        } finally {
            vertx.close();
        }
    }

    @Test
    void changeUserStartsAFreshSessionAsTheOtherUser() throws Exception {
        try (Connection c = DriverManager.getConnection(junction.mysqlUrl(""))) {
            exec(c, "SET @left_behind = 1");
            exec(c, "SET time_zone = '+07:00'");
            c.unwrap(JdbcConnection.class).changeUser("hashed", "hashpw");
            assertThat(single(c, "SELECT CURRENT_USER()")).isEqualTo("hashed@%");
            assertThat(single(c, "SELECT @left_behind")).isNull();
            assertThat(single(c, "SELECT @@time_zone")).isEqualTo("SYSTEM");
        }
    }

    @Test
    void changeUserWithAWrongPasswordIsRefused() throws Exception {
        try (Connection c = DriverManager.getConnection(junction.mysqlUrl(""))) {
            SQLException e = catchThrowableOfType(SQLException.class, () -> c.unwrap(JdbcConnection.class).changeUser("hashed", "bad"));
            assertThat(e.getErrorCode()).isEqualTo(1045);
        }
    }

    @Test
    void resetConnectionDropsUserVariablesTemporaryTablesAndSettings() throws Exception {
        try (Connection c = DriverManager.getConnection(junction.mysqlUrl(""))) {
            exec(c, "SET @mine = 9");
            exec(c, "CREATE TEMPORARY TABLE gone (n INT)");
            exec(c, "SET sql_mode = 'ANSI_QUOTES'");
            c.unwrap(JdbcConnection.class).resetServerState();
            assertThat(single(c, "SELECT @mine")).isNull();
            assertThat(single(c, "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_NAME = 'gone' AND TABLE_TYPE LIKE '%TEMPORARY%'"))
                    .isEqualTo("0");
            assertThat(single(c, "SELECT @@sql_mode")).doesNotContain("ANSI_QUOTES");
            assertThat(single(c, "SELECT DATABASE()")).isEqualTo("app");
        }
    }
}
