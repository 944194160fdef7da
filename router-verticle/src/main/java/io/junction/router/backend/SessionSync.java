package io.junction.router.backend;

import io.junction.router.protocol.ComInitDb;
import io.junction.router.protocol.ComQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The commands that bring a backend connection from one {@link SessionState} to another: COM_INIT_DB for the
 * schema, then one {@code SET} for every variable that differs (variables the target does not have go back to
 * their {@code DEFAULT}).
 */
public final class SessionSync {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");
    /** Variables that can be NULL: session tracking reports NULL as an empty value, and the server refuses '' for them. */
    private static final Set<String> NULLABLE = Set.of("character_set_results");

    private SessionSync() {
    }

    /** True if only a reset can reach the target: no command deselects a schema. */
    public static boolean needsReset(SessionState from, SessionState to) {
        return to.schema() == null && from.schema() != null;
    }

    /** Command payloads, in order; empty when the states are equal. Call only if {@link #needsReset} is false. */
    public static List<byte[]> commands(SessionState from, SessionState to) {
        List<byte[]> commands = new ArrayList<>(2);
        if (to.schema() != null && !to.schema().equals(from.schema())) {
            commands.add(new ComInitDb(to.schema()).encode());
        }
        String set = setStatement(from.variables(), to.variables());
        if (set != null) {
            commands.add(ComQuery.of(set).encode());
        }
        return commands;
    }

    static String setStatement(Map<String, String> from, Map<String, String> to) {
        StringBuilder sql = new StringBuilder();
        for (Map.Entry<String, String> wanted : to.entrySet()) {
            if (!Objects.equals(from.get(wanted.getKey()), wanted.getValue())) {
                boolean isNull = wanted.getValue().isEmpty() && NULLABLE.contains(wanted.getKey());
                append(sql, wanted.getKey(), isNull ? "NULL" : literal(wanted.getValue()));
            }
        }
        for (String name : from.keySet()) {
            if (!to.containsKey(name)) {
                append(sql, name, "DEFAULT");
            }
        }
        return sql.length() == 0 ? null : "SET " + sql;
    }

    private static void append(StringBuilder sql, String name, String value) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a variable name: " + name);
        }
        if (sql.length() > 0) {
            sql.append(", ");
        }
        sql.append("SESSION ").append(name).append(" = ").append(value);
    }

    /** Numbers stay bare (numeric variables refuse strings); everything else becomes a quoted string. */
    static String literal(String value) {
        if (NUMBER.matcher(value).matches()) {
            return value;
        }
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
