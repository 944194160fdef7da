package io.junction.config;

import java.util.Base64;
import java.util.List;

/**
 * Checks the security settings for {@link ConfigValidator}: the {@code tls} section, each server's {@code tls} and
 * {@code tls_ca}, each user's {@code auth_plugin}, {@code password_ed25519} and {@code require_tls}. Whether the
 * files exist is checked when the router loads them, on the node that uses them.
 */
final class SecurityValidator {
    static final long MIN_RELOAD_INTERVAL_MS = 100;
    private static final List<String> AUTH_PLUGINS = List.of(UserConfig.NATIVE_PASSWORD, UserConfig.CACHING_SHA2_PASSWORD,
            UserConfig.CLIENT_ED25519);
    private static final int ED25519_KEY_BYTES = 32;

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
            checks.add(Problems.of(path + ".tls", null, "one of " + ConfigNames.list(ServerTls.values())));
            return;
        }
        if (server.unixSocket() && server.tls() != ServerTls.OFF) {
            checks.add(Problems.of(path + ".tls", server.tls().configName(), "off for a Unix socket (it never leaves the host)"));
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
        ed25519(path, user, checks);
        if (user.requireTls() && tls != null && !tls.enabled()) {
            checks.add(Problems.of(path + ".require_tls", true,
                    "false while tls.enabled is false (the user could never log in)"));
        }
    }

    /**
     * A client_ed25519 user has {@code password} (Junction derives the public key from it, and logs in to backends
     * with it), or only {@code password_ed25519}: a hash is of no use, since an Ed25519 signature cannot be checked
     * against it, and a client's signature reveals nothing a backend login could use. Values are never quoted: a
     * public key lets anyone who has it guess passwords offline.
     */
    private static void ed25519(String path, UserConfig user, Checks checks) {
        String key = user.passwordEd25519();
        boolean ed25519 = UserConfig.CLIENT_ED25519.equals(user.authPlugin());
        if (key != null && !ed25519) {
            checks.add(Problems.described(path + ".password_ed25519", "set",
                    "no password_ed25519 unless auth_plugin is " + UserConfig.CLIENT_ED25519));
        } else if (key != null && !isEd25519Key(key)) {
            checks.add(Problems.described(path + ".password_ed25519", "not base64 of " + ED25519_KEY_BYTES + " bytes",
                    "the public key as MariaDB stores it: 43 base64 characters, as ed25519_password('...') returns them"));
        } else if (key != null && (user.password() != null || user.passwordHash() != null)) {
            checks.add(Problems.described(path + ".password_ed25519", "set together with "
                            + (user.password() != null ? "password" : "password_hash"),
                    "password_ed25519 alone, or password and no password_ed25519 (the key is derived from it)"));
        } else if (ed25519 && key == null && user.password() == null) {
            checks.add(Problems.described(path, "neither password nor password_ed25519 is set",
                    "one of them; auth_plugin " + UserConfig.CLIENT_ED25519 + " cannot check a client against password_hash"));
        }
    }

    private static boolean isEd25519Key(String base64) {
        try {
            return Base64.getDecoder().decode(base64).length == ED25519_KEY_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
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
