package io.junction.router.stats;

import io.junction.router.protocol.Command;

/**
 * Where the router reports what a metrics system counts and times, so that router-verticle needs no metrics
 * library: the node module implements it (with Micrometer) and passes it to
 * {@code RouterDeployment.start(vertx, config, metrics)}.
 *
 * <p>Every method is called on an event loop, once per event, in the middle of the data path: implementations must
 * be cheap and must not block (increment a counter, record into a timer). The router passes only values it has at
 * hand (constant strings, primitives), so a call allocates nothing on its side. Every method does nothing unless
 * overridden; {@link #NONE} overrides nothing, for a node without metrics.
 */
public interface RouterMetrics {
    /** Reports nothing. */
    RouterMetrics NONE = new RouterMetrics() {
    };

    /** Command types a statement is reported under. */
    String QUERY = "query";
    String STMT_PREPARE = "stmt_prepare";
    String STMT_EXECUTE = "stmt_execute";
    String OTHER = "other";

    /**
     * A command relayed to a backend finished: its response was relayed, or it failed (no connection, lost
     * connection, error from the server).
     *
     * @param command {@link #QUERY}, {@link #STMT_PREPARE}, {@link #STMT_EXECUTE} or {@link #OTHER}
     * @param hostgroup where it ran (or was meant to run, when it got no connection)
     * @param nanos from the command's start to its end, waiting for a connection included
     * @param errorCode 0 when it succeeded, else the code of the error the client got (the server's, or Junction's
     *        own such as 9001 for a pool timeout or 2013 for a lost backend)
     */
    default void statementFinished(String command, int hostgroup, long nanos, int errorCode) {
    }

    /**
     * A borrow found the server at its cap and waited for a connection.
     *
     * @param nanos how long it waited
     * @param timedOut true if it gave up after {@code pool_wait_ms} (the client got error 9001)
     */
    default void poolWait(long nanos, boolean timedOut) {
    }

    /**
     * Junction opened (or failed to open) a backend connection: connect, login and session-tracking setup.
     *
     * @param server host:port
     */
    default void backendConnect(String server, long nanos, boolean ok) {
    }

    /** The type a command byte is reported under: one of the constants above, so no string is built per call. */
    static String commandType(int command) {
        return switch (command) {
            case Command.QUERY -> QUERY;
            case Command.STMT_PREPARE -> STMT_PREPARE;
            case Command.STMT_EXECUTE -> STMT_EXECUTE;
            default -> OTHER;
        };
    }
}
