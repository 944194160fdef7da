package io.junction.router.protocol;

/**
 * Capability flags, and what Junction supports of them.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/group__group__cs__capabilities__flags.html">Capabilities Flags</a>
 */
public final class Capabilities {
    /** Also "CLIENT_MYSQL": a MariaDB peer that sees it set uses no MariaDB-only extended capabilities. */
    public static final int CLIENT_LONG_PASSWORD = 1;
    public static final int CLIENT_FOUND_ROWS = 1 << 1;
    public static final int CLIENT_LONG_FLAG = 1 << 2;
    public static final int CLIENT_CONNECT_WITH_DB = 1 << 3;
    public static final int CLIENT_NO_SCHEMA = 1 << 4;
    public static final int CLIENT_COMPRESS = 1 << 5;
    public static final int CLIENT_ODBC = 1 << 6;
    public static final int CLIENT_LOCAL_FILES = 1 << 7;
    public static final int CLIENT_IGNORE_SPACE = 1 << 8;
    public static final int CLIENT_PROTOCOL_41 = 1 << 9;
    public static final int CLIENT_INTERACTIVE = 1 << 10;
    public static final int CLIENT_SSL = 1 << 11;
    public static final int CLIENT_IGNORE_SIGPIPE = 1 << 12;
    public static final int CLIENT_TRANSACTIONS = 1 << 13;
    public static final int CLIENT_RESERVED = 1 << 14;
    public static final int CLIENT_SECURE_CONNECTION = 1 << 15;
    public static final int CLIENT_MULTI_STATEMENTS = 1 << 16;
    public static final int CLIENT_MULTI_RESULTS = 1 << 17;
    public static final int CLIENT_PS_MULTI_RESULTS = 1 << 18;
    public static final int CLIENT_PLUGIN_AUTH = 1 << 19;
    public static final int CLIENT_CONNECT_ATTRS = 1 << 20;
    public static final int CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA = 1 << 21;
    public static final int CLIENT_CAN_HANDLE_EXPIRED_PASSWORDS = 1 << 22;
    public static final int CLIENT_SESSION_TRACK = 1 << 23;
    public static final int CLIENT_DEPRECATE_EOF = 1 << 24;

    /**
     * What Junction offers clients, TLS aside (CLIENT_SSL is offered only when configured, see {@link #offered}).
     * Compression is toward clients only (backend connections stay uncompressed); no MariaDB extended capabilities.
     */
    public static final int SUPPORTED = CLIENT_LONG_PASSWORD | CLIENT_FOUND_ROWS | CLIENT_LONG_FLAG
            | CLIENT_CONNECT_WITH_DB | CLIENT_NO_SCHEMA | CLIENT_ODBC | CLIENT_LOCAL_FILES | CLIENT_IGNORE_SPACE
            | CLIENT_PROTOCOL_41 | CLIENT_INTERACTIVE | CLIENT_IGNORE_SIGPIPE | CLIENT_TRANSACTIONS | CLIENT_RESERVED
            | CLIENT_SECURE_CONNECTION | CLIENT_MULTI_STATEMENTS | CLIENT_MULTI_RESULTS | CLIENT_PS_MULTI_RESULTS
            | CLIENT_PLUGIN_AUTH | CLIENT_CONNECT_ATTRS | CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA
            | CLIENT_SESSION_TRACK | CLIENT_DEPRECATE_EOF | CLIENT_COMPRESS;

    /** Flags a client must send: Junction speaks only protocol 4.1 with secure (20-byte) scrambles. */
    public static final int REQUIRED = CLIENT_PROTOCOL_41 | CLIENT_SECURE_CONNECTION;

    /**
     * Flags fixed at connect time that change the bytes on the wire or what the server accepts: a backend
     * connection is only lent to a client with the same ones (the wire-format key).
     */
    public static final int WIRE_FORMAT = CLIENT_FOUND_ROWS | CLIENT_MULTI_STATEMENTS | CLIENT_DEPRECATE_EOF
            | CLIENT_IGNORE_SPACE | CLIENT_LOCAL_FILES;

    /** What Junction always asks of a backend, whatever the client asked. */
    public static final int BACKEND_BASE = CLIENT_LONG_PASSWORD | CLIENT_LONG_FLAG | CLIENT_PROTOCOL_41
            | CLIENT_TRANSACTIONS | CLIENT_SECURE_CONNECTION | CLIENT_MULTI_RESULTS | CLIENT_PS_MULTI_RESULTS
            | CLIENT_PLUGIN_AUTH | CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA | CLIENT_SESSION_TRACK | CLIENT_CONNECT_WITH_DB;

    private Capabilities() {
    }

    /** What Junction offers a client: {@link #SUPPORTED}, less CLIENT_LOCAL_FILES unless LOAD DATA LOCAL is enabled. */
    public static int offered(boolean localInfile) {
        return localInfile ? SUPPORTED : SUPPORTED & ~CLIENT_LOCAL_FILES;
    }

    /** {@link #offered(boolean)}, plus CLIENT_SSL when TLS toward clients is configured. */
    public static int offered(boolean localInfile, boolean tls) {
        return offered(localInfile) | (tls ? CLIENT_SSL : 0);
    }

    /** The flags in force for a client: what it asked for and Junction offered. */
    public static int negotiate(int client, int offered) {
        return client & offered;
    }

    public static boolean has(int flags, int flag) {
        return (flags & flag) != 0;
    }

    /** The wire-format key of a client's negotiated flags. */
    public static int wireFormat(int negotiated) {
        return negotiated & WIRE_FORMAT;
    }
}
