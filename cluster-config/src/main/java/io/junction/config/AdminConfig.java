package io.junction.config;

/** The HTTP endpoint: health, readiness, metrics (and later the REST API and console). */
public record AdminConfig(String host, int port, boolean enabled) {
}
