package io.junction.router;

import io.junction.config.AdminConfig;
import io.junction.config.HostgroupConfig;
import io.junction.config.JunctionConfig;
import io.junction.config.LimitsConfig;
import io.junction.config.ListenerConfig;
import io.junction.config.ServerConfig;
import io.junction.config.ServerStatus;
import io.junction.config.TimeoutsConfig;
import io.junction.config.UserConfig;
import io.junction.fixture.MariaDb;
import io.junction.router.stats.RouterMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.transport.Transport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A Junction node on a free port in front of a test MariaDB, with the application user {@code app} (password
 * {@code apppw}, default schema {@code app}) created on the server.
 */
public final class TestJunction implements AutoCloseable {
    public static final String USER = "app";
    public static final String PASSWORD = "apppw";
    public static final String SCHEMA = "app";

    private final Vertx vertx;
    private final RouterDeployment deployment;
    private final JunctionConfig config;

    private TestJunction(Vertx vertx, RouterDeployment deployment, JunctionConfig config) {
        this.vertx = vertx;
        this.deployment = deployment;
        this.config = config;
    }

    /** Creates the app user and schema on {@code db} (idempotent). */
    public static void prepare(MariaDb db) {
        db.execute("CREATE DATABASE IF NOT EXISTS app",
                "CREATE DATABASE IF NOT EXISTS other",
                "CREATE USER IF NOT EXISTS 'app'@'%' IDENTIFIED BY 'apppw'",
                "GRANT ALL ON app.* TO 'app'@'%'",
                "GRANT ALL ON other.* TO 'app'@'%'");
    }

    /** Two event loops, {@code maxBackendConnections} to the server. */
    public static JunctionConfig config(MariaDb db, int maxBackendConnections) {
        return config(db, maxBackendConnections, 2);
    }

    /** One event loop means one pool: tests about sharing a backend connection need that to be certain of it. */
    public static JunctionConfig config(MariaDb db, int maxBackendConnections, int eventLoops) {
        return new JunctionConfig(1,
                new ListenerConfig("127.0.0.1", 0, eventLoops),
                new AdminConfig("127.0.0.1", 0, false),
                List.of(new HostgroupConfig(0, "writer")),
                List.of(new ServerConfig(db.host(), db.port(), 0, 1, maxBackendConnections, ServerStatus.ONLINE)),
                List.of(new UserConfig(USER, PASSWORD, null, 0, SCHEMA, 10_000, true)),
                new LimitsConfig(10_000, 64 * 1024 * 1024, false, 1),
                new TimeoutsConfig(5_000, 3_000, 5_000, 60_000, 3_600_000, 0));
    }

    public static TestJunction start(MariaDb db) {
        return start(config(db, 16));
    }

    public static TestJunction start(MariaDb db, UnaryOperator<JunctionConfig> change) {
        return start(change.apply(config(db, 16)));
    }

    public static TestJunction start(JunctionConfig config) {
        return start(config, RouterMetrics.NONE);
    }

    /** A node that reports to {@code metrics}, on the transport {@link #transport()} names. */
    public static TestJunction start(JunctionConfig config, RouterMetrics metrics) {
        return start(config, metrics, transport());
    }

    /** A node whose Vert.x runs on {@code transport}. */
    public static TestJunction start(JunctionConfig config, Transport transport) {
        return start(config, RouterMetrics.NONE, transport);
    }

    private static TestJunction start(JunctionConfig config, RouterMetrics metrics, Transport transport) {
        Vertx vertx = Vertx.builder().withTransport(transport).build();
        try {
            RouterDeployment deployment = RouterDeployment.start(vertx, config, metrics).toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            return new TestJunction(vertx, deployment, config);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("Junction did not start", e);
        }
    }

    /**
     * The transport router tests run on: {@code -Djunction.test.transport=nio|epoll|io_uring} (Maven passes it on to
     * the forked JVM), NIO when unset, as Vert.x's default.
     */
    public static Transport transport() {
        String name = System.getProperty("junction.test.transport", "nio");
        return switch (name) {
            case "nio" -> Transport.NIO;
            case "epoll" -> Transport.EPOLL;
            case "io_uring" -> Transport.IO_URING;
            default -> throw new IllegalArgumentException("junction.test.transport " + name + ": expected nio, epoll or io_uring");
        };
    }

    public int port() {
        return deployment.port();
    }

    public NodeLimits limits() {
        return deployment.limits();
    }

    /** The router verticles, for their statistics. */
    public RouterDeployment deployment() {
        return deployment;
    }

    public JunctionConfig config() {
        return config;
    }

    public Vertx vertx() {
        return vertx;
    }

    /** {@code jdbc:mariadb://127.0.0.1:PORT/app?user=app&password=apppw} plus {@code options}. */
    public String mariadbUrl(String options) {
        return "jdbc:mariadb://127.0.0.1:" + port() + "/" + SCHEMA + "?user=" + USER + "&password=" + PASSWORD
                + (options.isEmpty() ? "" : "&" + options);
    }

    public String mysqlUrl(String options) {
        return "jdbc:mysql://127.0.0.1:" + port() + "/" + SCHEMA + "?user=" + USER + "&password=" + PASSWORD
                + "&sslMode=DISABLED&allowPublicKeyRetrieval=true" + (options.isEmpty() ? "" : "&" + options);
    }

    /** A MariaDB Connector/J connection through Junction. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(mariadbUrl(""));
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Junction did not stop", e);
        }
    }
}
