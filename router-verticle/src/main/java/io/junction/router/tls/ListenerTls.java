package io.junction.router.tls;

import io.junction.config.TlsConfig;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandler;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * TLS toward clients for one event loop: the certificate in force, the upgrade of a client socket after its
 * SSLRequest, and the reload of the certificate files on a schedule (new connections get the new certificate,
 * established ones keep theirs).
 *
 * <p>Why not {@code NetSocket.upgradeToSsl}: a MySQL client sends its TLS ClientHello right behind the SSLRequest,
 * without waiting for an answer, so both often arrive in one read. The bytes after the SSLRequest must go to the TLS
 * handler, and {@code upgradeToSsl} installs its handler asynchronously with no way to hand it bytes already read.
 * So Junction installs Netty's {@link SslHandler} itself, synchronously, and feeds it those bytes first. Reloading
 * then means swapping the {@link io.netty.handler.ssl.SslContext} used for new handlers, not
 * {@code NetServer.updateSSLOptions} (which only affects Vert.x's own upgrades).
 */
public final class ListenerTls {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerTls.class);

    private final Vertx vertx;
    private final Path certificatePath;
    private final Path keyPath;
    private ListenerCertificate current;
    private long reloadTimer = -1;
    private boolean reloading;
    private String lastProblem;

    private ListenerTls(Vertx vertx, Path certificatePath, Path keyPath, ListenerCertificate current) {
        this.vertx = vertx;
        this.certificatePath = certificatePath;
        this.keyPath = keyPath;
        this.current = current;
    }

    /** Loads the certificate (on a worker thread) and starts the reload schedule; fails if the files are unusable. */
    public static Future<ListenerTls> start(Vertx vertx, TlsConfig config) {
        Path certificate = Path.of(config.certificate());
        Path key = Path.of(config.key());
        return vertx.executeBlocking(() -> ListenerCertificate.load(vertx, certificate, key), false)
                .map(loaded -> {
                    ListenerTls tls = new ListenerTls(vertx, certificate, key, loaded);
                    if (config.reloadIntervalMs() > 0) {
                        tls.reloadTimer = vertx.setPeriodic(config.reloadIntervalMs(), id -> tls.reloadIfChanged());
                    }
                    return tls;
                })
                .recover(e -> Future.failedFuture(new IllegalStateException("tls: " + e.getMessage(), e)));
    }

    /**
     * Starts TLS on a client channel that has just sent its SSLRequest: the TLS handler goes first in its pipeline.
     * Must run on the channel's event loop.
     *
     * @param received bytes the client sent after the SSLRequest that were already read (the start of its
     *        ClientHello); they go to the TLS handler first
     * @return completes when the TLS handshake is done; fails (the caller closes the channel) if it goes wrong
     */
    public Future<Void> upgrade(Channel channel, byte[] received) {
        SslHandler handler = current.context().newHandler(channel.alloc());
        channel.pipeline().addFirst("ssl", handler);
        if (received.length > 0) {
            channel.pipeline().fireChannelRead(Unpooled.wrappedBuffer(received));
        }
        Context context = vertx.getOrCreateContext();
        Promise<Void> done = Promise.promise();
        handler.handshakeFuture().addListener(f -> context.runOnContext(v -> {
            if (f.isSuccess()) {
                done.tryComplete();
            } else {
                done.tryFail(f.cause());
            }
        }));
        return done.future();
    }

    /** The subject of the certificate new connections get. */
    public String subject() {
        return current.subject();
    }

    public void close() {
        if (reloadTimer >= 0) {
            vertx.cancelTimer(reloadTimer);
            reloadTimer = -1;
        }
    }

    /** Reloads when either file's size or modification time changed; a pair that cannot be used is kept out. */
    private void reloadIfChanged() {
        if (reloading) {
            return;
        }
        reloading = true;
        ListenerCertificate.FileStamp seen = current.stamp();
        vertx.executeBlocking(() -> ListenerCertificate.FileStamp.of(certificatePath, keyPath).equals(seen)
                        ? null : ListenerCertificate.load(vertx, certificatePath, keyPath), false)
                .onComplete(result -> {
                    reloading = false;
                    if (result.succeeded() && result.result() != null) {
                        current = result.result();
                        lastProblem = null;
                        LOG.info("tls: reloaded {}: now presenting {}", certificatePath, current.subject());
                    } else if (result.failed() && !String.valueOf(result.cause().getMessage()).equals(lastProblem)) {
                        lastProblem = String.valueOf(result.cause().getMessage());
                        LOG.warn("tls: keeping the current certificate: {}", lastProblem);
                    }
                });
    }
}
