package io.junction.router.routing;

/**
 * What the text of a statement tells the router before it runs.
 *
 * @param pin why the statement leaves state only its connection can keep, or null
 * @param localInfile LOAD DATA/XML LOCAL INFILE: the server will ask the client for a file
 * @param readsLastInsertId uses LAST_INSERT_ID() or @@identity
 * @param readsPreviousResult uses ROW_COUNT() or FOUND_ROWS(): wants the connection of the previous statement
 * @param touchesTracking names a session_track_* variable: the server may stop reporting state changes
 * @param lockingRead SELECT ... FOR UPDATE / FOR SHARE / LOCK IN SHARE MODE: must run on a writer
 */
public record QueryTraits(PinReason.Kind pin, boolean localInfile, boolean readsLastInsertId, boolean readsPreviousResult,
                          boolean touchesTracking, boolean lockingRead) {
    public static final QueryTraits PLAIN = new QueryTraits(null, false, false, false, false, false);
}
