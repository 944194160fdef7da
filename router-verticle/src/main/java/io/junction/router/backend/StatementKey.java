package io.junction.router.backend;

/**
 * What makes two client statements the same backend statement: the user (privileges), the schema it was prepared
 * in (name resolution) and the exact text. Sessions with equal keys share a connection's prepared statement.
 */
public record StatementKey(String user, String schema, String sql) {
}
