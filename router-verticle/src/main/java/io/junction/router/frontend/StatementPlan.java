package io.junction.router.frontend;

import io.junction.router.protocol.Packet;
import io.junction.router.protocol.ResponseScanner.Shape;
import io.junction.router.routing.QueryDigest;
import io.junction.router.routing.QueryTraits;

import io.junction.router.backend.BackendConnection;
import io.vertx.core.Future;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How one client command is to be run: the packet to send, the response it expects, what its text said, where
 * it is routed and how long it may run.
 *
 * @param text the statement (or a name for a command without one), for pin reasons and statistics
 * @param timeoutMs kill it on the backend after this long; 0 = no limit
 * @param digest the text's digest, computed at most once (for rules, then statistics)
 * @param payload the bytes to send on the connection the command got (a prepared statement is first prepared
 *        there and its id rewritten); null sends the client's packet as it is
 * @param prepareOk rewrites a COM_STMT_PREPARE_OK from that connection for the client, or null to pass it on
 */
record StatementPlan(Packet packet, Shape shape, QueryTraits traits, String text, int hostgroup, long timeoutMs,
                     Supplier<QueryDigest> digest, Function<BackendConnection, Future<byte[]>> payload,
                     BiFunction<byte[], BackendConnection, byte[]> prepareOk) {

    /** A plan that sends the client's packet as it is. */
    StatementPlan(Packet packet, Shape shape, QueryTraits traits, String text, int hostgroup, long timeoutMs,
                  Supplier<QueryDigest> digest) {
        this(packet, shape, traits, text, hostgroup, timeoutMs, digest, null, null);
    }

    StatementPlan {
        if (payload == null) {
            byte[] asIs = packet.payload();
            payload = backend -> Future.succeededFuture(asIs);
        }
    }
}
