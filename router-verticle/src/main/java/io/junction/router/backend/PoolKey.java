package io.junction.router.backend;

/**
 * Which pool a backend connection belongs to: its server, the user it logged in as, and its wire-format key
 * (the client flags fixed at connect time that change the bytes on the wire).
 */
public record PoolKey(String server, String user, int wireFormat) {
}
