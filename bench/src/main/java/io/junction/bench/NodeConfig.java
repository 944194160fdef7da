package io.junction.bench;

/** The Junction node's config for a benchmark run: one MariaDB server, the bench user, limits for 100,000 clients. */
final class NodeConfig {

    private NodeConfig() {
    }

    /**
     * @param backendCap the server's max_connections: how many backend connections the node may open
     * @param eventLoops the node's {@code listener.event_loops}
     * @param loopPriority the node's {@code listener.event_loop_priority} (a nice value)
     * @param dbSocket the server's Unix socket, for the node to reach it through; null: over TCP to {@code dbPort}
     */
    static String yaml(int port, int adminPort, int dbPort, int backendCap, int eventLoops, int loopPriority, String dbSocket) {
        return """
                # Written by io.junction.bench.BenchDb for one bin/bench run.
                listener:
                  host: 127.0.0.1
                  port: %d
                  event_loops: %d
                  event_loop_priority: %d
                admin:
                  host: 127.0.0.1
                  port: %d
                hostgroups:
                  - id: 0
                    name: writer
                servers:
                  - host: %s
                    port: %d
                    hostgroup: 0
                    max_connections: %d
                users:
                  - name: %s
                    password: %s
                    default_hostgroup: 0
                    default_schema: %s
                    max_connections: 100000
                limits:
                  max_client_connections: 100000
                timeouts:
                  handshake_ms: 30000
                """.formatted(port, eventLoops, loopPriority, adminPort, dbSocket == null ? "127.0.0.1" : dbSocket,
                        dbSocket == null ? dbPort : 0, backendCap, BenchDb.USER, BenchDb.PASSWORD, BenchDb.SCHEMA);
    }
}
