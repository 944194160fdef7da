package io.junction.router.frontend;

import io.junction.config.UserConfig;
import io.junction.router.auth.BackendSecret;
import io.junction.router.backend.SessionState;
import io.junction.router.protocol.Capabilities;
import io.junction.router.protocol.Collations;
import io.junction.router.protocol.Collations.Collation;
import io.junction.router.protocol.StatusFlags;
import io.junction.router.routing.PinCounters;
import io.junction.router.routing.PinReason;


/**
 * A logged-in client's session as Junction keeps it between statements: who it is, what it negotiated, its
 * replayable state, why it is pinned, and what it needs to answer LAST_INSERT_ID() on another connection.
 */
final class Session {
    private UserConfig user;
    private BackendSecret secret;
    private final int capabilities;
    private Collation collation;
    private int wireFormat;
    private SessionState state;
    private final Pins pins;
    private final ClientStatements statements = new ClientStatements();
    private long lastInsertId;
    private boolean inTransaction;

    Session(UserConfig user, BackendSecret secret, int capabilities, int collationId, String schema, PinCounters pinCounters) {
        this.pins = new Pins(pinCounters);
        this.user = user;
        this.secret = secret;
        this.capabilities = capabilities;
        this.wireFormat = Capabilities.wireFormat(capabilities);
        begin(collationId, schema);
    }

    /** Starts over as a new session (login, COM_CHANGE_USER, COM_RESET_CONNECTION). */
    void begin(int collationId, String schema) {
        this.collation = Collations.byId(collationId);
        this.state = SessionState.initial(schema, collation);
        pins.clear();
        statements.clear();
        lastInsertId = 0;
        inTransaction = false;
    }

    void changeUser(UserConfig user, BackendSecret secret) {
        this.user = user;
        this.secret = secret;
    }

    UserConfig user() {
        return user;
    }

    BackendSecret secret() {
        return secret;
    }

    /** Flags negotiated with the client. */
    int capabilities() {
        return capabilities;
    }

    boolean deprecateEof() {
        return Capabilities.has(capabilities, Capabilities.CLIENT_DEPRECATE_EOF);
    }

    Collation collation() {
        return collation;
    }

    /** The wire-format key of the backend connections this session may use. */
    int wireFormat() {
        return wireFormat;
    }

    void setMultiStatements(boolean on) {
        wireFormat = on ? wireFormat | Capabilities.CLIENT_MULTI_STATEMENTS : wireFormat & ~Capabilities.CLIENT_MULTI_STATEMENTS;
    }

    SessionState state() {
        return state;
    }

    void setState(SessionState state) {
        this.state = state;
    }

    Pins pins() {
        return pins;
    }

    /** Why the session holds its backend connection now; empty when it is multiplexed. */
    public java.util.List<PinReason> pinReasons() {
        return pins.reasons();
    }

    /** The session's prepared statements, by Junction's ids. */
    ClientStatements statements() {
        return statements;
    }

    long lastInsertId() {
        return lastInsertId;
    }

    /** Notes the status and insert id of a statement's final OK or EOF. */
    void afterStatement(int statusFlags, long insertId, String statement) {
        if (insertId != 0) {
            lastInsertId = insertId;
        }
        inTransaction = StatusFlags.has(statusFlags, StatusFlags.IN_TRANS);
        if (inTransaction) {
            pins.add(PinReason.Kind.TRANSACTION, statement);
        } else {
            pins.remove(PinReason.Kind.TRANSACTION);
        }
    }

    /** Whether the server reported a transaction open after the last statement. */
    boolean inTransaction() {
        return inTransaction;
    }

    /** Status flags for replies Junction makes itself (COM_PING, COM_SET_OPTION, login). */
    int statusFlags() {
        int flags = "OFF".equalsIgnoreCase(state.variables().get("autocommit")) ? 0 : StatusFlags.AUTOCOMMIT;
        return inTransaction ? flags | StatusFlags.IN_TRANS : flags;
    }
}
