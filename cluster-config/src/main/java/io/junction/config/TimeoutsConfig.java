package io.junction.config;

/**
 * Timeouts and pool ages, all in milliseconds.
 *
 * @param handshakeMs a client that has not finished logging in by then is closed
 * @param connectMs opening and logging in to a backend connection
 * @param poolWaitMs a statement waits at most this long for a backend connection when the server's cap is reached
 * @param idlePingMs an idle backend connection unused this long is pinged before reuse (and by a timer)
 * @param maxAgeMs a backend connection older than this is closed instead of returned to the pool
 * @param clientIdleMs a client connection idle this long is closed; 0 = never
 */
public record TimeoutsConfig(long handshakeMs, long connectMs, long poolWaitMs, long idlePingMs, long maxAgeMs, long clientIdleMs) {

    /** Handshake 10 s, connect 5 s, pool wait 10 s, idle ping 1 min, max age 1 h, idle clients kept forever. */
    public static final TimeoutsConfig DEFAULT = new TimeoutsConfig(10_000, 5_000, 10_000, 60_000, 3_600_000, 0);
}
