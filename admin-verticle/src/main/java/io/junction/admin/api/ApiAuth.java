package io.junction.admin.api;

import io.junction.config.AdminConfig;
import io.junction.config.AdminPasswords;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Lets a request into the API only with credentials of {@link AdminConfig}: HTTP Basic against an admin user, or
 * {@code Authorization: Bearer <token>} against an API token. The name that authenticated becomes the author of the
 * changes the request makes ({@link #author}).
 *
 * <p>Admin passwords are PBKDF2 hashes, slow on purpose (a fraction of a second each), so they are checked on a
 * worker thread, and a successful check is remembered for a short while: a console polling every few seconds does
 * not burn a core. What is remembered is a keyed digest of the password (the key is random per process), never the
 * password. An unknown user costs the same hash as a known one, so timing does not tell which names exist.
 */
public final class ApiAuth implements Handler<RoutingContext> {
    private static final String AUTHOR = "junction.api.author";
    private static final int MAX_REMEMBERED = 1_000;
    /** Well-formed and matching no password: checked for unknown users so they take as long as known ones. */
    private static final String NO_USER_HASH = "pbkdf2-sha256:210000:AAAAAAAAAAAAAAAAAAAAAA==:"
            + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    /** Stored hash by user name; filled in the constructor, only read afterwards. */
    private final Map<String, String> passwordHashes = new HashMap<>();
    private final AdminConfig config;
    private final long rememberNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Long> remembered = new ConcurrentHashMap<>();
    private final byte[] digestKey = new byte[32];

    /**
     * @param rememberFor how long a verified password is accepted again without hashing it
     * @param nanoClock {@link System#nanoTime} outside tests
     */
    public ApiAuth(AdminConfig config, Duration rememberFor, LongSupplier nanoClock) {
        this.config = config;
        this.rememberNanos = rememberFor.toNanos();
        this.nanoClock = nanoClock;
        config.users().forEach(u -> passwordHashes.put(u.name(), u.passwordHash()));
        new SecureRandom().nextBytes(digestKey);
    }

    /** The user or token name that authenticated {@code ctx}; set before any API handler runs. */
    public static String author(RoutingContext ctx) {
        String author = ctx.get(AUTHOR);
        if (author == null) {
            throw new IllegalStateException("no authenticated author: the route is not behind ApiAuth");
        }
        return author;
    }

    @Override
    public void handle(RoutingContext ctx) {
        authenticate(ctx.request().getHeader("Authorization"), ctx)
                .onSuccess(name -> {
                    ctx.put(AUTHOR, name);
                    ctx.next();
                })
                .onFailure(ctx::fail);
    }

    private Future<String> authenticate(String header, RoutingContext ctx) {
        if (header == null || header.isBlank()) {
            return unauthorized("authentication required: HTTP Basic with an admin user, or Authorization: Bearer <token>");
        }
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        String credentials = space < 0 ? "" : header.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return bearer(credentials);
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            return basic(credentials, ctx);
        }
        return unauthorized("unsupported authentication scheme " + scheme + ": use Basic or Bearer");
    }

    private Future<String> bearer(String token) {
        for (AdminConfig.AdminToken known : config.tokens()) {
            if (AdminPasswords.tokenMatches(token, known.sha256())) {
                return Future.succeededFuture(known.name());
            }
        }
        return unauthorized("unknown API token");
    }

    private Future<String> basic(String encoded, RoutingContext ctx) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return unauthorized("malformed Basic credentials: not base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return unauthorized("malformed Basic credentials: expected user:password");
        }
        String user = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        String key = user + '\0' + digest(password);
        Long until = remembered.get(key);
        if (until != null && until - nanoClock.getAsLong() > 0) {
            return Future.succeededFuture(user);
        }
        String stored = passwordHashes.getOrDefault(user, NO_USER_HASH);
        return ctx.vertx().executeBlocking(() -> AdminPasswords.verify(password, stored), false)
                .compose(ok -> {
                    if (!ok || !passwordHashes.containsKey(user)) {
                        return unauthorized("wrong user name or password");
                    }
                    remember(key);
                    return Future.succeededFuture(user);
                });
    }

    private void remember(String key) {
        if (remembered.size() >= MAX_REMEMBERED) {
            long now = nanoClock.getAsLong();
            remembered.values().removeIf(until -> until - now <= 0);
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
        }
        remembered.put(key, nanoClock.getAsLong() + rememberNanos);
    }

    private String digest(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(digestKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    private static <T> Future<T> unauthorized(String message) {
        return Future.failedFuture(new ApiException(401, message));
    }
}
