package io.junction.router.backend;

import io.junction.router.protocol.Collations.Collation;
import io.junction.router.protocol.Command;
import io.junction.router.protocol.ResponseScanner;
import io.vertx.core.Future;

import java.util.List;

/**
 * Brings a lent connection to a session's state before a statement runs on it, and cleans a connection that was
 * pinned (COM_RESET_CONNECTION, then tracking and character set again) before it goes back to the pool.
 */
public final class StateSync {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StateSync.class);
    private StateSync() {
    }

    /** Runs the sync commands, if any; on success the connection is in {@code target}. */
    public static Future<Void> bring(BackendConnection connection, SessionState target) {
        List<byte[]> commands = SessionSync.commands(connection.state(), target);
        if (!commands.isEmpty() && LOG.isDebugEnabled()) {
            LOG.debug("{}: sync {} -> {}", connection, connection.state(), target);
        }
        Future<Void> chain = Future.succeededFuture();
        for (byte[] command : commands) {
            chain = chain.compose(v -> connection.run(command, ResponseScanner.Shape.RESULT, System.nanoTime()))
                    .compose(BackendConnection::checked);
        }
        return chain.onSuccess(v -> connection.assumeState(target));
    }

    /**
     * Puts Junction's session tracking back after a client statement changed it, and reads back the variables
     * that statement assigned, since the server did not report them.
     */
    public static Future<Void> retrack(BackendConnection connection, List<String> assigned) {
        Future<Void> tracked = connection.runChecked(BackendConnection.TRACKING, System.nanoTime());
        List<String> names = assigned.stream().filter(n -> !n.startsWith("session_track_")).toList();
        if (names.isEmpty()) {
            return tracked;
        }
        String select = "SELECT " + String.join(", ", names.stream().map(n -> "@@SESSION." + n).toList());
        return tracked.compose(v -> connection.queryRow(select, System.nanoTime())).map(values -> {
            java.util.Map<String, String> read = new java.util.HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                read.put(names.get(i), values.get(i));
            }
            connection.assumeState(connection.state().withVariables(read));
            return null;
        });
    }

    /** Makes LAST_INSERT_ID() on the connection return {@code value}, as it did on the session's earlier one. */
    public static Future<Void> bringLastInsertId(BackendConnection connection, long value) {
        if (value == 0 || connection.lastInsertId() == value) {
            return Future.succeededFuture();
        }
        return connection.runChecked("DO LAST_INSERT_ID(" + value + ")", System.nanoTime())
                .onSuccess(v -> connection.assumeLastInsertId(value));
    }

    /** Resets a connection to what a new one with {@code collation} in its current schema would be. */
    public static Future<Void> reset(BackendConnection connection, Collation collation) {
        String schema = connection.state().schema();
        return connection.run(new byte[] {(byte) Command.RESET_CONNECTION}, ResponseScanner.Shape.SINGLE, System.nanoTime())
                .compose(BackendConnection::checked)
                .compose(v -> connection.runChecked(BackendConnection.TRACKING + ", NAMES " + collation.charset()
                        + " COLLATE " + collation.name(), System.nanoTime()))
                .onSuccess(v -> {
                    connection.assumeState(SessionState.initial(schema, collation));
                    connection.assumeLastInsertId(0);
                    connection.prepared().clear();
                });
    }
}
