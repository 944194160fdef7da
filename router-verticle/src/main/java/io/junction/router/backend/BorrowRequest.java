package io.junction.router.backend;

import io.junction.router.auth.BackendSecret;

/**
 * What a session asks of a pool.
 *
 * @param state the session state the connection will be brought to (an idle one already in it is preferred)
 * @param collationId the session's handshake collation, used when a new connection must be opened
 * @param preferred a connection to take if it is idle in the pool (the one the session used last), or null
 */
public record BorrowRequest(SessionState state, BackendSecret secret, int collationId, BackendConnection preferred) {

    /** Whether a connection can be brought to the wanted state (no command deselects a schema). */
    boolean fits(BackendConnection connection) {
        return !SessionSync.needsReset(connection.state(), state);
    }
}
