package io.junction.router.stats;

import io.junction.router.routing.QueryDigest;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-digest statement statistics of one event loop, keyed by (hostgroup, user, default schema, digest hash), like
 * ProxySQL's {@code stats_mysql_query_digest}. Not thread-safe: only its event loop touches it.
 *
 * <p>Recording a statement whose key has been seen before allocates nothing: the entries live in an open-addressing
 * table probed with the key's fields, no key object is built. The table holds at most {@code maxEntries} keys
 * (default {@value #DEFAULT_MAX_ENTRIES}); past that, statements with a new key are counted in one overflow row,
 * hostgroup -1, empty user and schema, digest 0, text {@value #OTHER_TEXT}, so memory stays bounded however many
 * distinct statements clients send. Nothing is ever evicted.
 */
public final class DigestStats {
    public static final int DEFAULT_MAX_ENTRIES = 10_000;
    public static final String OTHER_TEXT = "(other)";

    private final int maxEntries;
    private final Entry other = new Entry(-1, "", "", 0, OTHER_TEXT);
    private Entry[] table = new Entry[64];
    private int size;

    public DigestStats() {
        this(DEFAULT_MAX_ENTRIES);
    }

    public DigestStats(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries: " + maxEntries + " (expected: >= 1)");
        }
        this.maxEntries = maxEntries;
    }

    /**
     * Counts one statement.
     *
     * @param schema the session's default schema, null or empty for none
     * @param durationNanos from sending the statement to the end of its response
     * @param nowMillis the current time, epoch milliseconds
     */
    public void record(int hostgroup, String user, String schema, QueryDigest digest, long durationNanos,
                       long rowsSent, long rowsAffected, long nowMillis) {
        String userKey = user == null ? "" : user;
        String schemaKey = schema == null ? "" : schema;
        Entry entry = findOrAdd(hostgroup, userKey, schemaKey, digest);
        entry.add(Math.max(0, durationNanos) / 1_000, rowsSent, rowsAffected, nowMillis);
    }

    /** Distinct keys counted, the overflow row not included. */
    public int size() {
        return size;
    }

    /** The rows as they are now; the overflow row last, if anything went there. */
    public List<DigestStatsRow> snapshot() {
        List<DigestStatsRow> rows = new ArrayList<>(size + 1);
        for (Entry entry : table) {
            if (entry != null) {
                rows.add(entry.row());
            }
        }
        if (other.count > 0) {
            rows.add(other.row());
        }
        return rows;
    }

    private Entry findOrAdd(int hostgroup, String user, String schema, QueryDigest digest) {
        long hash = digest.hash();
        int mask = table.length - 1;
        int i = slot(hostgroup, user, schema, hash) & mask;
        while (true) {
            Entry entry = table[i];
            if (entry == null) {
                break;
            }
            if (entry.digest == hash && entry.hostgroup == hostgroup && entry.user.equals(user) && entry.schema.equals(schema)) {
                return entry;
            }
            i = (i + 1) & mask;
        }
        if (size >= maxEntries) {
            return other;
        }
        Entry added = new Entry(hostgroup, user, schema, hash, digest.text());
        table[i] = added;
        size++;
        if (size * 2 > table.length) {
            grow();
        }
        return added;
    }

    private void grow() {
        Entry[] old = table;
        table = new Entry[old.length * 2];
        int mask = table.length - 1;
        for (Entry entry : old) {
            if (entry != null) {
                int i = slot(entry.hostgroup, entry.user, entry.schema, entry.digest) & mask;
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = entry;
            }
        }
    }

    private static int slot(int hostgroup, String user, String schema, long digest) {
        long h = digest ^ (hostgroup * 0x9E3779B97F4A7C15L) ^ ((long) user.hashCode() << 32) ^ schema.hashCode() * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return (int) h;
    }

    private static final class Entry {
        final int hostgroup;
        final String user;
        final String schema;
        final long digest;
        final String text;
        long count;
        long firstSeen;
        long lastSeen;
        long sumMicros;
        long minMicros = Long.MAX_VALUE;
        long maxMicros;
        long rowsSent;
        long rowsAffected;

        Entry(int hostgroup, String user, String schema, long digest, String text) {
            this.hostgroup = hostgroup;
            this.user = user;
            this.schema = schema;
            this.digest = digest;
            this.text = text;
        }

        void add(long micros, long sent, long affected, long now) {
            if (count == 0) {
                firstSeen = now;
            }
            count++;
            lastSeen = Math.max(lastSeen, now);
            firstSeen = Math.min(firstSeen, now);
            sumMicros += micros;
            minMicros = Math.min(minMicros, micros);
            maxMicros = Math.max(maxMicros, micros);
            rowsSent += sent;
            rowsAffected += affected;
        }

        DigestStatsRow row() {
            return new DigestStatsRow(hostgroup, user, schema, digest, text, count, firstSeen, lastSeen,
                    sumMicros, minMicros, maxMicros, rowsSent, rowsAffected);
        }
    }
}
