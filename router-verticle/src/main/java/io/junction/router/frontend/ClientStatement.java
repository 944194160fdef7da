package io.junction.router.frontend;

import io.junction.router.backend.StatementKey;

/**
 * A statement a client prepared, under the id Junction gave it: what is needed to prepare it again on any backend
 * connection and to run it there.
 *
 * @param hostgroup where its executions go (decided by the rules when it was prepared)
 * @param timeoutMs its rule's timeout, 0 for none
 */
final class ClientStatement {
    final long id;
    final StatementKey key;
    final byte[] sql;
    final int parameters;
    final int hostgroup;
    final long timeoutMs;
    /** The parameter types of the last execute that sent them; null until one did. */
    byte[] lastTypes;
    /** COM_STMT_SEND_LONG_DATA was sent and no execute has consumed it yet. */
    boolean longData;
    /** Sending long data failed: the next execute must fail too, not run without it. */
    Throwable longDataFailure;
    /** An execute opened a cursor that COM_STMT_FETCH has not exhausted. */
    boolean cursorOpen;

    ClientStatement(long id, StatementKey key, byte[] sql, int parameters, int hostgroup, long timeoutMs) {
        this.id = id;
        this.key = key;
        this.sql = sql;
        this.parameters = parameters;
        this.hostgroup = hostgroup;
        this.timeoutMs = timeoutMs;
    }
}
