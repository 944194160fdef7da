package io.junction.router.backend;

import io.junction.router.protocol.Packet;
import io.junction.router.protocol.ResponseScanner;
import io.vertx.core.Future;
import io.vertx.core.Promise;

/** Listens to the response to a command of Junction's own, ignoring its packets: completes with the scanner. */
final class ResponseEnd implements ResponseListener {
    private final Promise<ResponseScanner> done = Promise.promise();

    Future<ResponseScanner> future() {
        return done.future();
    }

    @Override
    public void onPacket(Packet packet, ResponseScanner.Kind kind) {
    }

    @Override
    public void onEnd(ResponseScanner scanner) {
        done.complete(scanner);
    }

    @Override
    public void onFailure(Throwable cause) {
        done.fail(cause);
    }
}
