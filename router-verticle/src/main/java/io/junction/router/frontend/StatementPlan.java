package io.junction.router.frontend;

import io.junction.router.protocol.Packet;
import io.junction.router.protocol.ResponseScanner.Shape;
import io.junction.router.routing.QueryDigest;
import io.junction.router.routing.QueryTraits;

import java.util.function.Supplier;

/**
 * How one client command is to be run: the packet to send, the response it expects, what its text said, where
 * it is routed and how long it may run.
 *
 * @param text the statement (or a name for a command without one), for pin reasons and statistics
 * @param timeoutMs kill it on the backend after this long; 0 = no limit
 * @param digest the text's digest, computed at most once (for rules, then statistics)
 */
record StatementPlan(Packet packet, Shape shape, QueryTraits traits, String text, int hostgroup, long timeoutMs,
                     Supplier<QueryDigest> digest) {
}
