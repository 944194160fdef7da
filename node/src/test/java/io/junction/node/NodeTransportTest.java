package io.junction.node;

import io.junction.config.ConfigLoader;
import io.junction.config.JunctionConfig;
import io.junction.config.ListenerConfig;
import io.junction.config.NetTransport;
import io.vertx.core.transport.Transport;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code listener.transport}: a node's sockets run on the transport it names, and clients are served there. */
class NodeTransportTest {

    @Test
    void eachSettingPicksItsTransport() {
        assertThat(NodeTransport.of(NetTransport.NIO).name()).isEqualTo(Transport.NIO.name());
        assumeTrue(Transport.EPOLL.available() && Transport.IO_URING.available(), "no epoll or no io_uring here");
        assertThat(NodeTransport.of(NetTransport.NATIVE).name()).isEqualTo(Transport.EPOLL.name());
        assertThat(NodeTransport.of(NetTransport.IO_URING).name()).isEqualTo(Transport.IO_URING.name());
    }

    @Test
    void aNodeOnIoUringServesClients() throws Exception {
        assumeTrue(Transport.IO_URING.available(), "no io_uring on this kernel");
        assertThat(demoAnswers(NetTransport.IO_URING)).isEqualTo("io_uring: Hello from MariaDB");
    }

    @Test
    void aNodeOnNioServesClients() throws Exception {
        assertThat(demoAnswers(NetTransport.NIO)).isEqualTo("nio: Hello from MariaDB");
    }

    /** Starts the demo on {@code transport} and returns the node's transport and the first greeting read through it. */
    private static String demoAnswers(NetTransport transport) throws Exception {
        JunctionConfig defaults = ConfigLoader.defaults();
        ListenerConfig listener = new ListenerConfig("127.0.0.1", 0, 1, 0, transport);
        ShutdownHook hook = new ShutdownHook();
        try {
            Demo demo = Demo.start(defaults.withListener(listener), 0, 0, hook);
            String url = "jdbc:mariadb://127.0.0.1:" + demo.node().mysqlPort() + "/demo?user=demo&password=demo";
            try (Connection connection = DriverManager.getConnection(url);
                 Statement statement = connection.createStatement();
                 ResultSet greetings = statement.executeQuery("SELECT text FROM greetings ORDER BY id")) {
                assertThat(greetings.next()).isTrue();
                return demo.node().transport() + ": " + greetings.getString(1);
            }
        } finally {
            hook.closeAll();
        }
    }
}
