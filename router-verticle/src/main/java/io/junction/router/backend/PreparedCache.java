package io.junction.router.backend;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The statements prepared on one backend connection, least recently used first, capped so that every connection of
 * a server together stays below the server's {@code max_prepared_stmt_count}. Owned by its connection.
 */
public final class PreparedCache {
    private final int capacity;
    private final LinkedHashMap<StatementKey, Prepared> statements = new LinkedHashMap<>(16, 0.75f, true);

    /** A statement prepared on this connection: the server's id and the parameter types it last executed with. */
    public static final class Prepared {
        private final long backendId;
        private byte[] lastTypes;

        Prepared(long backendId) {
            this.backendId = backendId;
        }

        public long backendId() {
            return backendId;
        }

        public byte[] lastTypes() {
            return lastTypes;
        }

        public void executedWith(byte[] types) {
            if (types != null) {
                lastTypes = types;
            }
        }
    }

    public PreparedCache(int capacity) {
        this.capacity = capacity;
    }

    /** The statement if prepared here, now the most recently used; null if not. */
    public Prepared get(StatementKey key) {
        return statements.get(key);
    }

    /** Records a statement just prepared here; returns the one evicted to stay within the cap (to be closed), or null. */
    public Prepared add(StatementKey key, long backendId) {
        statements.put(key, new Prepared(backendId));
        if (statements.size() <= capacity) {
            return null;
        }
        Iterator<Map.Entry<StatementKey, Prepared>> eldest = statements.entrySet().iterator();
        Prepared evicted = eldest.next().getValue();
        eldest.remove();
        return evicted;
    }

    public int size() {
        return statements.size();
    }

    /** The server dropped every statement (COM_RESET_CONNECTION). */
    public void clear() {
        statements.clear();
    }
}
