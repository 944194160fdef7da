package io.junction.config;

import java.util.List;

/**
 * The HTTP endpoint: health, readiness, metrics, the REST API and the console. Node-local: each node has its own.
 *
 * @param users who may call the REST API with HTTP Basic authentication (passwords stored hashed, see
 *        {@link AdminPasswords})
 * @param tokens API tokens accepted as {@code Authorization: Bearer ...} (stored as SHA-256 digests)
 */
public record AdminConfig(String host, int port, boolean enabled, List<AdminUser> users, List<AdminToken> tokens) {

    /** Loopback only, port 6080, enabled, nobody allowed into the REST API. */
    public static final AdminConfig DEFAULT = new AdminConfig("127.0.0.1", 6080, true);

    public AdminConfig {
        users = List.copyOf(users);
        tokens = List.copyOf(tokens);
    }

    /** An endpoint without API users or tokens: health, readiness and metrics only answer. */
    public AdminConfig(String host, int port, boolean enabled) {
        this(host, port, enabled, List.of(), List.of());
    }

    /**
     * An admin user of the REST API.
     *
     * @param passwordHash as {@link AdminPasswords#hash} makes it: {@code pbkdf2-sha256:ITERATIONS:SALT:HASH}
     */
    public record AdminUser(String name, String passwordHash) {
    }

    /**
     * An API token.
     *
     * @param name who or what uses it; recorded as the author of the changes it makes
     * @param sha256 the token's SHA-256 digest as 64 hex digits (the token itself is never stored)
     */
    public record AdminToken(String name, String sha256) {
    }
}
