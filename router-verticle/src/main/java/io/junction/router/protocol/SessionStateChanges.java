package io.junction.router.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * The session-state-change data of an OK packet: which system variables, schema or other state a statement
 * changed. Junction asks backends for it so it can track session state instead of guessing from SQL text.
 *
 * @param variables changed system variables, in the order reported
 * @param schema the new default schema, or null if unchanged
 * @param stateChanged the server says some session state changed (any kind, including the ones listed here)
 * @param transactionState the 8-character transaction state, or null if not reported
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_ok_packet.html">OK_Packet, session state info</a>
 */
public record SessionStateChanges(List<Variable> variables, String schema, boolean stateChanged,
                                  String transactionState) {
    public static final int SYSTEM_VARIABLES = 0;
    public static final int SCHEMA = 1;
    public static final int STATE_CHANGE = 2;
    public static final int GTIDS = 3;
    public static final int TRANSACTION_CHARACTERISTICS = 4;
    public static final int TRANSACTION_STATE = 5;

    public static final SessionStateChanges NONE = new SessionStateChanges(List.of(), null, false, null);

    /** A system variable as the server reports it after a change. */
    public record Variable(String name, String value) {
    }

    public static SessionStateChanges decode(byte[] data) {
        if (data.length == 0) {
            return NONE;
        }
        PacketReader in = new PacketReader(data);
        List<Variable> variables = new ArrayList<>(2);
        String schema = null;
        boolean changed = false;
        String transaction = null;
        while (in.hasRemaining()) {
            int type = in.readInt1();
            byte[] entryData = in.readBytesLenenc();
            PacketReader entry = new PacketReader(entryData);
            switch (type) {
                case SYSTEM_VARIABLES -> variables.add(new Variable(entry.readStringLenenc(), entry.readStringLenenc()));
                case SCHEMA -> schema = entry.readStringLenenc();
                case STATE_CHANGE -> changed = entryData.length > 0 && entryData[0] == '1'; // the flag itself, not a nested string
                case TRANSACTION_STATE -> transaction = entry.readStringLenenc();
                default -> {
                    // GTIDs and transaction characteristics do not affect how Junction shares connections
                }
            }
        }
        return new SessionStateChanges(List.copyOf(variables), schema, changed, transaction);
    }
}
