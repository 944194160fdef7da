package io.junction.config;

import java.util.List;

/**
 * Checks the security settings for {@link ConfigValidator}: the {@code tls} section, each server's {@code tls} and
 * {@code tls_ca}, each user's {@code auth_plugin} and {@code require_tls}. Whether the files exist is checked when
 * the router loads them, on the node that uses them.
 */
final class SecurityValidator {
    static final long MIN_RELOAD_INTERVAL_MS = 100;
    private static final List<String> AUTH_PLUGINS = List.of(UserConfig.NATIVE_PASSWORD, UserConfig.CACHING_SHA2_PASSWORD);

    private SecurityValidator() {
    }

    static void tls(TlsConfig tls, Checks checks) {
        file("tls.certificate", tls.certificate(), tls.enabled(), "when tls.enabled is true", checks);
        file("tls.key", tls.key(), tls.enabled(), "when tls.enabled is true", checks);
        file("tls.rsa_key", tls.rsaKey(), false, "", checks);
        long interval = tls.reloadIntervalMs();
        if (interval != 0 && (interval < MIN_RELOAD_INTERVAL_MS || interval > ConfigValidator.MAX_TIMEOUT_MS)) {
            checks.add(Problems.of("tls.reload_interval_ms", interval,
                    "0 (no reload) or " + MIN_RELOAD_INTERVAL_MS + ".." + ConfigValidator.MAX_TIMEOUT_MS));
        }
    }

    static void server(String path, ServerConfig server, Checks checks) {
        if (server.tls() == null) {
            checks.add(Problems.of(path + ".tls", null, "one of off, required, verify_ca, verify_identity"));
            return;
        }
        if (server.tls().verifiesCa()) {
            file(path + ".tls_ca", server.tlsCa(), true, "when tls is " + server.tls().configName(), checks);
        } else if (server.tlsCa() != null) {
            checks.add(Problems.of(path + ".tls_ca", server.tlsCa(), "no tls_ca unless tls is verify_ca or verify_identity"));
        }
    }

    static void user(String path, UserConfig user, TlsConfig tls, Checks checks) {
        if (!AUTH_PLUGINS.contains(user.authPlugin())) {
            checks.add(Problems.of(path + ".auth_plugin", user.authPlugin(), "one of " + String.join(", ", AUTH_PLUGINS)));
        }
        if (user.requireTls() && tls != null && !tls.enabled()) {
            checks.add(Problems.of(path + ".require_tls", true,
                    "false while tls.enabled is false (the user could never log in)"));
        }
    }

    /** A file path: non-empty when set, and set when {@code required}. */
    private static void file(String path, String value, boolean required, String when, Checks checks) {
        if (value == null && required) {
            checks.add(Problems.described(path, "missing", "a PEM file path " + when));
        } else if (value != null && value.isBlank()) {
            checks.add(Problems.of(path, value, "a PEM file path"));
        }
    }
}
