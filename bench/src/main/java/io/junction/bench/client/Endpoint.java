package io.junction.bench.client;

/**
 * Where a load generator logs in: MariaDB itself ("direct") or Junction in front of it.
 *
 * @param name "direct" or "junction", as results name the two sides
 * @param schema schema to start in, or null
 */
public record Endpoint(String name, String host, int port, String user, String password, String schema) {

    public ClientLogin login() {
        return new ClientLogin(user, password, schema);
    }

    @Override
    public String toString() {
        return name + " (" + host + ":" + port + ")";
    }
}
