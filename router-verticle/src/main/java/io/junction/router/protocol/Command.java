package io.junction.router.protocol;

/**
 * Command bytes: the first byte of every packet a client sends in the command phase.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_command_phase.html">Command Phase</a>
 */
public final class Command {
    public static final int QUIT = 0x01;
    public static final int INIT_DB = 0x02;
    public static final int QUERY = 0x03;
    public static final int FIELD_LIST = 0x04;
    public static final int STATISTICS = 0x09;
    public static final int PROCESS_KILL = 0x0C;
    public static final int PING = 0x0E;
    public static final int CHANGE_USER = 0x11;
    public static final int BINLOG_DUMP = 0x12;
    public static final int REGISTER_SLAVE = 0x15;
    public static final int STMT_PREPARE = 0x16;
    public static final int STMT_EXECUTE = 0x17;
    public static final int STMT_SEND_LONG_DATA = 0x18;
    public static final int STMT_CLOSE = 0x19;
    public static final int STMT_RESET = 0x1A;
    public static final int SET_OPTION = 0x1B;
    public static final int STMT_FETCH = 0x1C;
    public static final int BINLOG_DUMP_GTID = 0x1E;
    public static final int RESET_CONNECTION = 0x1F;

    private static final String[] NAMES = new String[256];

    static {
        String[] known = {"SLEEP", "QUIT", "INIT_DB", "QUERY", "FIELD_LIST", "CREATE_DB", "DROP_DB", "REFRESH",
            "SHUTDOWN", "STATISTICS", "PROCESS_INFO", "CONNECT", "PROCESS_KILL", "DEBUG", "PING", "TIME",
            "DELAYED_INSERT", "CHANGE_USER", "BINLOG_DUMP", "TABLE_DUMP", "CONNECT_OUT", "REGISTER_SLAVE",
            "STMT_PREPARE", "STMT_EXECUTE", "STMT_SEND_LONG_DATA", "STMT_CLOSE", "STMT_RESET", "SET_OPTION",
            "STMT_FETCH", "DAEMON", "BINLOG_DUMP_GTID", "RESET_CONNECTION"};
        for (int i = 0; i < known.length; i++) {
            NAMES[i] = "COM_" + known[i];
        }
        NAMES[0xFA] = "COM_STMT_BULK_EXECUTE";
        NAMES[0xFE] = "COM_MULTI";
    }

    private Command() {
    }

    public static String name(int command) {
        String name = command >= 0 && command < NAMES.length ? NAMES[command] : null;
        return name != null ? name : String.format("command 0x%02X", command);
    }
}
