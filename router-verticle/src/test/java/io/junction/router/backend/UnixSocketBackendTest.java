package io.junction.router.backend;

import io.junction.config.ServerConfig;
import io.junction.config.ServerStatus;
import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbExtension;
import io.junction.router.TestJunction;
import io.vertx.core.transport.Transport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static io.junction.router.Sql.exec;
import static io.junction.router.Sql.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A server given as the path of its Unix socket (port 0): Junction's backend connections go through the socket. */
@ExtendWith(MariaDbExtension.class)
class UnixSocketBackendTest {
    static MariaDb db;

    @BeforeAll
    static void start(MariaDb server) {
        db = server;
        TestJunction.prepare(db);
        db.execute("CREATE TABLE IF NOT EXISTS app.over_socket (id INT PRIMARY KEY, v VARCHAR(10))");
    }

    @Test
    void statementsRunOnConnectionsThatComeThroughTheSocket() throws Exception {
        assumeTrue(db.unixSocket().isPresent(), "the server's socket is not reachable from this JVM (a container)");
        Path socket = db.unixSocket().orElseThrow();
        ServerConfig overSocket = new ServerConfig(socket.toString(), 0, 0, 1, 4, ServerStatus.ONLINE);
        // io_uring cannot reach a Unix socket in Vert.x 5.0 (see the next test): with the suite on io_uring, NIO here
        Transport transport = TestJunction.transport() == Transport.IO_URING ? Transport.NIO : TestJunction.transport();
        try (TestJunction junction = TestJunction.start(TestJunction.config(db, 4).withServers(List.of(overSocket)), transport);
             Connection a = junction.connect();
             Connection b = junction.connect()) {
            // the server names the client's host: "localhost" over its socket, an IP address over TCP
            assertThat(single(a, "SELECT SUBSTRING_INDEX(USER(), '@', -1)")).isEqualTo("localhost");
            exec(a, "REPLACE INTO over_socket VALUES (1, 'one')");
            assertThat(single(b, "SELECT v FROM over_socket WHERE id = 1")).isEqualTo("one");
        }
    }

    @Test
    void aNodeOnIoUringNamesTheTransportInsteadOfConnecting() {
        assumeTrue(db.unixSocket().isPresent(), "the server's socket is not reachable from this JVM (a container)");
        assumeTrue(Transport.IO_URING.available(), "no io_uring on this kernel");
        ServerConfig overSocket = new ServerConfig(db.unixSocket().orElseThrow().toString(), 0, 0, 1, 4, ServerStatus.ONLINE);
        try (TestJunction junction = TestJunction.start(TestJunction.config(db, 4).withServers(List.of(overSocket)),
                Transport.IO_URING)) {
            SQLException e = catchThrowableOfType(SQLException.class, junction::connect);
            assertThat(e.getErrorCode()).isEqualTo(2003);
            assertThat(e.getMessage()).contains("cannot connect to backend " + overSocket.address())
                    .contains("this node's transport (listener.transport) cannot reach");
        }
    }
}
