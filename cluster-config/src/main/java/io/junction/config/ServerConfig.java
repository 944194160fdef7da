package io.junction.config;

/**
 * A backend MySQL/MariaDB server in one hostgroup.
 *
 * @param maxConnections backend connections Junction may hold open to this server
 */
public record ServerConfig(String host, int port, int hostgroup, int weight, int maxConnections, ServerStatus status) {

    /** host:port, the server's identity within a hostgroup. */
    public String address() {
        return host + ":" + port;
    }
}
