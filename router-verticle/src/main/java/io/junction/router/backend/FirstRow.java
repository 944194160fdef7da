package io.junction.router.backend;

import io.junction.router.protocol.Packet;
import io.junction.router.protocol.PacketReader;
import io.junction.router.protocol.ResponseScanner;
import io.junction.router.protocol.TextResultRow;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.List;

/**
 * Listens to the text result set of a query of Junction's own and completes with its first row (values as text,
 * null for NULL); fails on an error, or when the result has no row.
 */
final class FirstRow implements ResponseListener {
    private final String sql;
    private final Promise<List<String>> row = Promise.promise();
    private long columns = -1;
    private List<String> first;

    FirstRow(String sql) {
        this.sql = sql;
    }

    Future<List<String>> future() {
        return row.future();
    }

    @Override
    public void onPacket(Packet packet, ResponseScanner.Kind kind) {
        if (kind != ResponseScanner.Kind.DATA) {
            return;
        }
        if (columns < 0) {
            columns = new PacketReader(packet.payload()).readLenencInt();
        } else if (columns > 0) {
            columns--;
        } else if (first == null) {
            first = TextResultRow.decode(packet.payload());
        }
    }

    @Override
    public void onEnd(ResponseScanner scanner) {
        if (scanner.error() != null) {
            row.fail(new BackendErrorException(scanner.error()));
        } else if (first == null) {
            row.fail(new IllegalStateException("no row from: " + sql));
        } else {
            row.complete(first);
        }
    }

    @Override
    public void onFailure(Throwable cause) {
        row.fail(cause);
    }
}
