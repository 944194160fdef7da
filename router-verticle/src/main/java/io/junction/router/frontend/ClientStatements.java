package io.junction.router.frontend;

import io.junction.router.backend.StatementKey;

import java.util.HashMap;
import java.util.Map;

/**
 * A session's prepared statements by the ids Junction handed out. Ids are the session's own, as on a server; MariaDB's
 * id -1 means the statement prepared last.
 */
final class ClientStatements {
    /** MariaDB's default max_prepared_stmt_count, applied per session. */
    static final int MAX = 16_382;
    private static final long LAST_PREPARED = 0xFFFFFFFFL;

    private final Map<Long, ClientStatement> byId = new HashMap<>();
    private long nextId = 1;
    private long lastPrepared;

    boolean full() {
        return byId.size() >= MAX;
    }

    ClientStatement add(StatementKey key, byte[] sql, int parameters, int hostgroup, long timeoutMs) {
        ClientStatement statement = new ClientStatement(nextId++, key, sql, parameters, hostgroup, timeoutMs);
        byId.put(statement.id, statement);
        lastPrepared = statement.id;
        return statement;
    }

    /** The statement with this id (or -1: the last prepared), or null. */
    ClientStatement get(long id) {
        return byId.get(id == LAST_PREPARED ? lastPrepared : id);
    }

    void remove(long id) {
        byId.remove(id == LAST_PREPARED ? lastPrepared : id);
    }

    void clear() {
        byId.clear();
    }

    boolean anyLongData() {
        return byId.values().stream().anyMatch(s -> s.longData);
    }

    boolean anyCursorOpen() {
        return byId.values().stream().anyMatch(s -> s.cursorOpen);
    }
}
