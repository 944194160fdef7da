package io.junction.config;

/** The HTTP endpoint: health, readiness, metrics (and later the REST API and console). */
public record AdminConfig(String host, int port, boolean enabled) {

    /** Loopback only, port 6080, enabled. */
    public static final AdminConfig DEFAULT = new AdminConfig("127.0.0.1", 6080, true);
}
