package io.junction.router.stats;

/**
 * The backend connections of one server address, as one event loop or (after {@link StatsSnapshot#merge}) a whole
 * node sees them.
 *
 * @param connectionsOk connections opened and logged in
 * @param connectErrors attempts that failed: refused, timed out, or login rejected
 * @param used connections lent to sessions (or busy with an idle ping) now
 * @param free idle connections in the pools now
 * @param maxUsed the most connections lent at once on one event loop; merged rows add the loops' peaks, which
 *                bounds the node's peak from above (the loops' peaks need not have coincided)
 * @param queries commands sent that have a response, Junction's own (session sync, pings) included
 * @param bytesSent bytes written to the server, packet headers and login included
 * @param bytesReceived bytes read from the server, packet headers and login included
 */
public record PoolStatsRow(String server, long connectionsOk, long connectErrors, int used, int free, int maxUsed,
                           long queries, long bytesSent, long bytesReceived) {

    /** Both rows' counts as one (every field is a sum). */
    public PoolStatsRow merge(PoolStatsRow other) {
        if (!server.equals(other.server)) {
            throw new IllegalArgumentException("cannot merge rows of " + server + " and " + other.server);
        }
        return new PoolStatsRow(server, connectionsOk + other.connectionsOk, connectErrors + other.connectErrors,
                used + other.used, free + other.free, maxUsed + other.maxUsed, queries + other.queries,
                bytesSent + other.bytesSent, bytesReceived + other.bytesReceived);
    }
}
