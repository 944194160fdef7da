package io.junction.router.routing;

/**
 * Why a session keeps its backend connection instead of giving it back after a statement.
 *
 * @param statement the statement (first 200 characters) or command that caused it
 */
public record PinReason(Kind kind, String statement) {

    /** Kinds of state that only the connection holding them can keep. */
    public enum Kind {
        TRANSACTION,
        USER_VARIABLE,
        TEMPORARY_TABLE,
        LOCK_TABLES,
        GET_LOCK,
        SQL_CALC_FOUND_ROWS,
        TEXT_PREPARED_STATEMENT,
        /** COM_STMT_SEND_LONG_DATA sent; held until the execute that consumes it. */
        LONG_DATA,
        /** An execute opened a cursor; held until COM_STMT_FETCH exhausts it or the statement is reset or closed. */
        CURSOR,
        HANDLER,
        XA_TRANSACTION,
        NEXT_TRANSACTION_CHARACTERISTICS,
        UNREPLAYABLE_VARIABLE,
        UNTRACKED_STATE_CHANGE,
        /** A query rule with {@code multiplex: false} matched. */
        QUERY_RULE
    }

    public static PinReason of(Kind kind, String statement) {
        return new PinReason(kind, statement.length() > 200 ? statement.substring(0, 200) : statement);
    }
}
