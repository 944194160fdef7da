package io.junction.config;

/**
 * A backend MySQL/MariaDB server in one hostgroup.
 *
 * @param maxConnections backend connections Junction may hold open to this server
 * @param maxReplicationLagSeconds a replica lagging more than this gets no new reads; 0 = no limit
 * @param maxLatencyMs a server whose health-check latency exceeds this gets no new reads; 0 = no limit
 */
public record ServerConfig(String host, int port, int hostgroup, int weight, int maxConnections, ServerStatus status,
                           int maxReplicationLagSeconds, int maxLatencyMs) {

    /** A server without lag or latency limits. */
    public ServerConfig(String host, int port, int hostgroup, int weight, int maxConnections, ServerStatus status) {
        this(host, port, hostgroup, weight, maxConnections, status, 0, 0);
    }

    public static final int DEFAULT_PORT = 3306;
    public static final int DEFAULT_WEIGHT = 1;
    public static final int DEFAULT_MAX_CONNECTIONS = 100;
    public static final ServerStatus DEFAULT_STATUS = ServerStatus.ONLINE;

    /** A server with the default weight, connection cap and status. */
    public static ServerConfig of(String host, int port, int hostgroup) {
        return new ServerConfig(host, port, hostgroup, DEFAULT_WEIGHT, DEFAULT_MAX_CONNECTIONS, DEFAULT_STATUS);
    }

    /** host:port, the server's identity within a hostgroup. */
    public String address() {
        return host + ":" + port;
    }
}
