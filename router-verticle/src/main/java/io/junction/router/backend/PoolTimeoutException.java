package io.junction.router.backend;

/** No backend connection became free within the pool wait timeout. */
public final class PoolTimeoutException extends RuntimeException {
    /** @param reached the cap that was full, e.g. {@code max_connections 5} */
    public PoolTimeoutException(String server, long waitedMs, String reached) {
        super("no connection to backend " + server + " became free within " + waitedMs + " ms (" + reached + " reached)");
    }
}
