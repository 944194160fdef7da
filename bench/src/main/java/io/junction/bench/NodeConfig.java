package io.junction.bench;

/**
 * The Junction node's settings for a benchmark run, and the config file they make: one MariaDB server, the bench
 * user, limits for 100,000 clients.
 *
 * @param backendCap the server's max_connections: how many backend connections the node may open
 * @param eventLoops the node's {@code listener.event_loops}
 * @param loopPriority the node's {@code listener.event_loop_priority} (a nice value)
 * @param transport the node's {@code listener.transport}
 * @param dbSocket the server's Unix socket, for the node to reach it through; null: over TCP
 */
record NodeConfig(int backendCap, int eventLoops, int loopPriority, String transport, String dbSocket) {

    /** The node's junction.yaml: MySQL on {@code port}, admin on {@code adminPort}, MariaDB on {@code dbPort}. */
    String yaml(int port, int adminPort, int dbPort) {
        return """
                # Written by io.junction.bench.BenchDb for one bin/bench run.
                listener:
                  host: 127.0.0.1
                  port: %d
                  event_loops: %d
                  event_loop_priority: %d
                  transport: %s
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
                """.formatted(port, eventLoops, loopPriority, transport, adminPort, dbSocket == null ? "127.0.0.1" : dbSocket,
                        dbSocket == null ? dbPort : 0, backendCap, BenchDb.USER, BenchDb.PASSWORD, BenchDb.SCHEMA);
    }
}
