package io.junction.router.backend;

import io.junction.router.protocol.Collations.Collation;
import io.junction.router.protocol.SessionStateChanges;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The replayable state of a MySQL session: its default schema and the system variables that differ from a new
 * connection's. Immutable; equal states hash equally, so idle backend connections can be bucketed by it and a
 * borrower whose state matches needs no sync at all.
 */
public final class SessionState {
    /**
     * Variables that follow from the schema, are Junction's own, or are read-only reports (MariaDB sends
     * {@code last_gtid} after every write on a server with a binlog): never replayed.
     */
    private static final Set<String> IGNORED = Set.of("character_set_database", "collation_database",
            "session_track_system_variables", "session_track_state_change", "session_track_schema",
            "session_track_transaction_info", "last_gtid");
    /** Variables the server consumes without reporting it (the next insert uses them): they pin instead. */
    private static final Set<String> UNREPLAYABLE = Set.of("insert_id", "last_insert_id", "identity");

    private final String schema;
    private final Map<String, String> variables;
    private final int hash;

    private SessionState(String schema, Map<String, String> variables) {
        this.schema = schema;
        this.variables = Collections.unmodifiableMap(variables);
        this.hash = Objects.hash(schema, variables);
    }

    /** Initial states by schema and collation: every new session starts in one, so they are shared (bounded). */
    private static final Map<String, SessionState> INITIAL = new java.util.concurrent.ConcurrentHashMap<>();

    /** The state of a connection opened with this schema (or none) and collation; equal ones are one object. */
    public static SessionState initial(String schema, Collation collation) {
        String key = schema + '\0' + collation.id();
        SessionState shared = INITIAL.get(key);
        if (shared != null) {
            return shared;
        }
        SessionState made = make(schema, collation);
        if (INITIAL.size() < 10_000) {
            INITIAL.putIfAbsent(key, made);
        }
        return made;
    }

    private static SessionState make(String schema, Collation collation) {
        Map<String, String> variables = new TreeMap<>();
        variables.put("character_set_client", collation.charset());
        variables.put("character_set_connection", collation.charset());
        variables.put("character_set_results", collation.charset());
        variables.put("collation_connection", collation.name());
        return new SessionState(schema, variables);
    }

    /** The default schema, or null if none is selected. */
    public String schema() {
        return schema;
    }

    /** Variables by name, sorted. */
    public Map<String, String> variables() {
        return variables;
    }

    /** This state after a statement whose OK packet reported {@code changes}. */
    public SessionState apply(SessionStateChanges changes) {
        if (changes.schema() == null && changes.variables().isEmpty()) {
            return this;
        }
        Map<String, String> next = new TreeMap<>(variables);
        for (SessionStateChanges.Variable variable : changes.variables()) {
            String name = variable.name().toLowerCase(java.util.Locale.ROOT);
            if (!IGNORED.contains(name) && !UNREPLAYABLE.contains(name)) {
                next.put(name, variable.value());
            }
        }
        return new SessionState(changes.schema() != null ? emptyToNull(changes.schema()) : schema, next);
    }

    /** This state with variables read back from the server (names lower case; NULL kept as '', as tracking reports it). */
    public SessionState withVariables(Map<String, String> values) {
        Map<String, String> next = new TreeMap<>(variables);
        values.forEach((name, value) -> {
            if (!IGNORED.contains(name) && !UNREPLAYABLE.contains(name)) {
                next.put(name, value == null ? "" : value);
            }
        });
        return new SessionState(schema, next);
    }

    /** The first reported variable that cannot be replayed on another connection, or null. */
    public static String unreplayable(SessionStateChanges changes) {
        for (SessionStateChanges.Variable variable : changes.variables()) {
            if (UNREPLAYABLE.contains(variable.name().toLowerCase(java.util.Locale.ROOT))) {
                return variable.name();
            }
        }
        return null;
    }

    private static String emptyToNull(String schema) {
        return schema.isEmpty() ? null : schema;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionState that && hash == that.hash && Objects.equals(schema, that.schema)
                && variables.equals(that.variables);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "SessionState[schema=" + schema + ", variables=" + variables + "]";
    }
}
