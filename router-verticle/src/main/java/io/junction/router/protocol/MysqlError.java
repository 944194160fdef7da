package io.junction.router.protocol;

/**
 * The server error codes Junction itself answers with, each with its SQLSTATE.
 *
 * @see <a href="https://mariadb.com/kb/en/mariadb-error-code-reference/">MariaDB error codes</a>
 */
public enum MysqlError {
    CON_COUNT_ERROR(1040, "08004"),
    HANDSHAKE_ERROR(1043, "08S01"),
    /** ER_SERVER_SHUTDOWN: the node drains and takes no new work. */
    SERVER_SHUTDOWN(1053, "08S01"),
    ACCESS_DENIED(1045, "28000"),
    NO_DB(1046, "3D000"),
    UNKNOWN_COM(1047, "08S01"),
    BAD_DB(1049, "42000"),
    NOT_SUPPORTED_YET(1235, "42000"),
    NET_PACKET_TOO_LARGE(1153, "08S01"),
    NET_READ_INTERRUPTED(1159, "08S01"),
    NOT_ALLOWED_COMMAND(1148, "42000"),
    USER_LIMIT_REACHED(1226, "42000"),
    UNKNOWN_STMT_HANDLER(1243, "HY000"),
    TOO_MANY_PREPARED(1461, "42000"),
    MALFORMED_PACKET(1835, "HY000"),
    CONNECTION_KILLED(1927, "70100"),
    /** MariaDB's error for a statement that ran past its time limit. */
    STATEMENT_TIMEOUT(1969, "70100"),
    CLIENT_INTERACTION_TIMEOUT(4031, "HY000"),
    /** Connecting to or reading from a backend failed (CR_CONN_HOST_ERROR's code, as ProxySQL and MaxScale use). */
    BACKEND_UNAVAILABLE(2003, "HY000"),
    /** The backend connection broke while a statement was in flight. */
    BACKEND_LOST(2013, "HY000"),
    /** No backend connection became free within pool_wait_ms. */
    POOL_TIMEOUT(9001, "HY000");

    private final int code;
    private final String sqlState;

    MysqlError(int code, String sqlState) {
        this.code = code;
        this.sqlState = sqlState;
    }

    public int code() {
        return code;
    }

    public String sqlState() {
        return sqlState;
    }
}
