package io.junction.router.stats;

/**
 * Counters of the backend connections to one server on one event loop. Not thread-safe: only its event loop
 * touches it, so every hook is a plain field update (nothing allocated, nothing shared). How many connections are
 * lent and idle right now is read from the pools themselves when a row is made; this keeps the running count of
 * lent ones only to know their peak.
 */
public final class PoolStats {
    private final String server;
    private long connectionsOk;
    private long connectErrors;
    private long queries;
    private long bytesSent;
    private long bytesReceived;
    private int used;
    private int maxUsed;

    public PoolStats(String server) {
        this.server = server;
    }

    public String server() {
        return server;
    }

    /** A connection was opened and logged in. */
    public void connected() {
        connectionsOk++;
    }

    /** An attempt to open a connection failed. */
    public void connectFailed() {
        connectErrors++;
    }

    /** {@code delta} connections were lent (positive) or given back (negative). */
    public void lent(int delta) {
        used += delta;
        if (used > maxUsed) {
            maxUsed = used;
        }
    }

    /** A command with a response was sent. */
    public void executed() {
        queries++;
    }

    public void sent(int bytes) {
        bytesSent += bytes;
    }

    public void received(int bytes) {
        bytesReceived += bytes;
    }

    /** A row with these counters and the pools' current lent and idle counts. */
    public PoolStatsRow row(int usedNow, int freeNow) {
        return new PoolStatsRow(server, connectionsOk, connectErrors, usedNow, freeNow, maxUsed, queries, bytesSent, bytesReceived);
    }
}
