package io.junction.router.monitor;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowIterator;
import io.vertx.sqlclient.RowSet;

/**
 * Replication lag from {@code SHOW SLAVE STATUS}: {@code Seconds_Behind_Master} (MySQL's newer name,
 * {@code Seconds_Behind_Source}, is read too), {@link #STOPPED} when it is NULL because a replication thread is not
 * running, and null when there is no row because the server is not a replica.
 */
final class LagReader {
    static final String QUERY = "SHOW SLAVE STATUS";
    /** Replication stopped: further behind than any limit, so the router sends the server no reads. */
    static final int STOPPED = Integer.MAX_VALUE;

    private LagReader() {
    }

    static Integer lagOf(RowSet<Row> rows) {
        RowIterator<Row> iterator = rows.iterator();
        if (!iterator.hasNext()) {
            return null;
        }
        Row row = iterator.next();
        int column = row.getColumnIndex("Seconds_Behind_Master");
        if (column < 0) {
            column = row.getColumnIndex("Seconds_Behind_Source");
        }
        if (column < 0) {
            throw new IllegalStateException(QUERY + " has no Seconds_Behind_Master column");
        }
        return lagOf(row.getValue(column));
    }

    /** The lag in seconds from the column's value: NULL means stopped; a real lag never reaches {@link #STOPPED}. */
    static Integer lagOf(Object secondsBehind) {
        if (secondsBehind == null) {
            return STOPPED;
        }
        long seconds = secondsBehind instanceof Number number ? number.longValue() : Long.parseLong(secondsBehind.toString());
        return (int) Math.min(seconds, STOPPED - 1L);
    }
}
