package io.junction.router.monitor;

/**
 * What the monitor last observed of one server. Observed state only: the operator's config is never rewritten.
 *
 * @param address host:port
 * @param shunned failed enough consecutive checks to get no new work until it recovers
 * @param readOnly the server's {@code read_only}, or null if not checked (yet)
 * @param replicationLagSeconds {@code Seconds_Behind_Master}; {@link Integer#MAX_VALUE} when replication is stopped
 *        (further behind than any limit); null if not checked or the server is not a replica
 * @param latencyMicros round trip of the last successful ping, 0 if none yet
 */
public record ServerHealth(String address, boolean shunned, Boolean readOnly, Integer replicationLagSeconds, long latencyMicros) {

    /** A server nothing is known about yet: healthy until checked. */
    public static ServerHealth unknown(String address) {
        return new ServerHealth(address, false, null, null, 0);
    }
}
