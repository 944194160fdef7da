package io.junction.config;

/**
 * Where applications connect.
 *
 * @param eventLoops router verticle instances; 0 means one per core
 */
public record ListenerConfig(String host, int port, int eventLoops) {

    /** All interfaces, port 6033, one event loop per core. */
    public static final ListenerConfig DEFAULT = new ListenerConfig("0.0.0.0", 6033, 0);
}
