package io.junction.config;

/**
 * A backend MySQL/MariaDB server in one hostgroup.
 *
 * @param host a host name or IP address, or the absolute path of the server's Unix socket (port 0): for a Junction
 *        on the database's own host, which then skips the TCP stack on that leg
 * @param maxConnections backend connections Junction may hold open to this server
 * @param maxReplicationLagSeconds a replica lagging more than this gets no new reads; 0 = no limit
 * @param maxLatencyMs a server whose health-check latency exceeds this gets no new reads; 0 = no limit
 * @param tls whether Junction's connections to it use TLS, and what they check of its certificate
 * @param tlsCa PEM file of the CA that signs the server's certificate; required by {@link ServerTls#VERIFY_CA}
 *        and {@link ServerTls#VERIFY_IDENTITY}, null otherwise
 */
public record ServerConfig(String host, int port, int hostgroup, int weight, int maxConnections, ServerStatus status,
                           int maxReplicationLagSeconds, int maxLatencyMs, ServerTls tls, String tlsCa) {

    /** A server reached over plain TCP. */
    public ServerConfig(String host, int port, int hostgroup, int weight, int maxConnections, ServerStatus status,
                        int maxReplicationLagSeconds, int maxLatencyMs) {
        this(host, port, hostgroup, weight, maxConnections, status, maxReplicationLagSeconds, maxLatencyMs,
                DEFAULT_TLS, null);
    }

    /** A server without lag or latency limits, reached over plain TCP. */
    public ServerConfig(String host, int port, int hostgroup, int weight, int maxConnections, ServerStatus status) {
        this(host, port, hostgroup, weight, maxConnections, status, 0, 0);
    }

    public static final int DEFAULT_PORT = 3306;
    public static final int DEFAULT_WEIGHT = 1;
    public static final int DEFAULT_MAX_CONNECTIONS = 100;
    public static final ServerStatus DEFAULT_STATUS = ServerStatus.ONLINE;
    public static final ServerTls DEFAULT_TLS = ServerTls.OFF;

    /** A server with the default weight, connection cap and status. */
    public static ServerConfig of(String host, int port, int hostgroup) {
        return new ServerConfig(host, port, hostgroup, DEFAULT_WEIGHT, DEFAULT_MAX_CONNECTIONS, DEFAULT_STATUS);
    }

    /** This server with another TLS mode and CA file. */
    public ServerConfig withTls(ServerTls mode, String caFile) {
        return new ServerConfig(host, port, hostgroup, weight, maxConnections, status, maxReplicationLagSeconds,
                maxLatencyMs, mode, caFile);
    }

    /** Whether {@link #host} is the path of a Unix socket rather than a host to reach over TCP. */
    public boolean unixSocket() {
        return host != null && host.startsWith("/");
    }

    /** host:port, the server's identity within a hostgroup ({@code /path:0} for a Unix socket). */
    public String address() {
        return host + ":" + port;
    }
}
