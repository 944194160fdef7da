package io.junction.router.tls;

import io.junction.config.TlsConfig;
import io.junction.router.auth.RsaKeyPair;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What client logins of one event loop need beyond the config: the listener's TLS (null when off) and the RSA key
 * pair of caching_sha2_password.
 */
public record ClientSecurity(ListenerTls tls, RsaKeyPair rsa) {
    private static final String SHARED_MAP = "junction.security";
    private static final String GENERATED_KEY = "generated-rsa-key";

    /** Whether the greeting offers TLS. */
    public boolean offersTls() {
        return tls != null;
    }

    /** Loads the TLS certificate and the RSA key (or the node's generated one), off the event loop. */
    public static Future<ClientSecurity> start(Vertx vertx, TlsConfig config) {
        Future<RsaKeyPair> rsa = config.rsaKey() != null ? readRsaKey(vertx, Path.of(config.rsaKey())) : generatedRsaKey(vertx);
        Future<ListenerTls> tls = config.enabled() ? ListenerTls.start(vertx, config) : Future.succeededFuture();
        return Future.all(rsa, tls).map(v -> new ClientSecurity(tls.result(), rsa.result()));
    }

    public void close() {
        if (tls != null) {
            tls.close();
        }
    }

    private static Future<RsaKeyPair> readRsaKey(Vertx vertx, Path file) {
        return vertx.executeBlocking(() -> {
            try {
                return RsaKeyPair.fromPem(Files.readString(file));
            } catch (java.io.IOException | IllegalArgumentException e) {
                throw new IllegalStateException("tls.rsa_key " + file + ": " + e.getMessage(), e);
            }
        }, false);
    }

    /**
     * One generated key per Vert.x instance (per node), shared by all its event loops through Vert.x's local map: a
     * client that fetched the public key on one connection can use it on the next, whichever loop serves it.
     */
    private static Future<RsaKeyPair> generatedRsaKey(Vertx vertx) {
        return vertx.executeBlocking(() -> vertx.sharedData().<String, SharedKey>getLocalMap(SHARED_MAP)
                .computeIfAbsent(GENERATED_KEY, k -> new SharedKey(RsaKeyPair.generate())).pair(), false);
    }

    /** Immutable, so Vert.x's local map may hand the same instance to every event loop. */
    private record SharedKey(RsaKeyPair pair) implements Shareable {
    }
}
