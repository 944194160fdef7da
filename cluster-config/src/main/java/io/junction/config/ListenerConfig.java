package io.junction.config;

/**
 * Where applications connect.
 *
 * @param eventLoops router verticle instances; 0 means one per core
 */
public record ListenerConfig(String host, int port, int eventLoops) {
}
