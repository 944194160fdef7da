package io.junction.router.backend;

/** No backend connection became free within the pool wait timeout. */
public final class PoolTimeoutException extends RuntimeException {
    public PoolTimeoutException(String server, long waitedMs, int max) {
        super("no connection to backend " + server + " became free within " + waitedMs + " ms (max_connections "
                + max + " reached)");
    }
}
