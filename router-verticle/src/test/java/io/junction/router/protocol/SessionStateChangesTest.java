package io.junction.router.protocol;

import io.junction.router.protocol.CapturesTest.Capture;
import io.junction.router.protocol.SessionStateChanges.Variable;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionStateChangesTest {

    /** The session-state-change data of the {@code index}th server packet of a capture. */
    static SessionStateChanges captured(String name, int index) {
        Capture capture = CapturesTest.load(name);
        return SessionStateChanges.decode(OkPacket.decode(capture.serverPayloads().get(index), capture.capabilities())
                .sessionStateChanges());
    }

    @Test
    void decodesTrackingSwitchedOn() {
        SessionStateChanges changes = captured("cli-session-state.hex", 0);

        assertThat(changes.variables()).containsExactly(
                new Variable("session_track_system_variables", "*"),
                new Variable("session_track_state_change", "ON"));
        assertThat(changes.schema()).isNull();
        assertThat(changes.stateChanged()).isTrue();
        assertThat(changes.transactionState()).isNull();
    }

    @Test
    void decodesSystemVariable() {
        SessionStateChanges changes = captured("cli-session-state.hex", 1);

        assertThat(changes.variables()).containsExactly(new Variable("time_zone", "+01:00"));
        assertThat(changes.schema()).isNull();
        assertThat(changes.stateChanged()).isTrue();
    }

    @Test
    void decodesSchema() {
        SessionStateChanges changes = captured("cli-session-state.hex", 2);

        assertThat(changes.variables()).isEmpty();
        assertThat(changes.schema()).isEqualTo("mysql");
        assertThat(changes.stateChanged()).isTrue();
    }

    @Test
    void decodesTransactionStateAndSkipsCharacteristics() {
        SessionStateChanges tracking = captured("session-state-transaction.hex", 0);
        SessionStateChanges started = captured("session-state-transaction.hex", 1);
        SessionStateChanges committed = captured("session-state-transaction.hex", 2);

        assertThat(tracking.variables()).extracting(Variable::name).containsExactly("session_track_system_variables",
                "session_track_transaction_info", "session_track_state_change");
        assertThat(tracking.transactionState()).isEqualTo("________");
        assertThat(started.transactionState()).isEqualTo("T_______");
        assertThat(started.variables()).isEmpty();
        assertThat(started.stateChanged()).isFalse();
        assertThat(committed.transactionState()).isEqualTo("________");
    }

    @Test
    void decodesEmptyValues() {
        SessionStateChanges nullCharset = captured("session-state-replay.hex", 1);
        SessionStateChanges emptySqlMode = captured("session-state-replay.hex", 3);

        assertThat(nullCharset.variables()).containsExactly(new Variable("character_set_results", ""));
        assertThat(emptySqlMode.variables()).containsExactly(new Variable("sql_mode", ""));
    }

    @Test
    void userVariableOnlySaysStateChanged() {
        assertThat(captured("session-state-replay.hex", 2)).isEqualTo(new SessionStateChanges(List.of(), null, true, null));
    }

    @Test
    void emptyDataIsNone() {
        assertThat(SessionStateChanges.decode(new byte[0])).isSameAs(SessionStateChanges.NONE);
    }

    @Test
    void truncatedEntryIsMalformed() {
        // a system-variable entry that says 9 bytes follow, with 3 there
        assertThatThrownBy(() -> SessionStateChanges.decode(HexFormat.of().parseHex("0009" + "026162")))
                .isInstanceOf(MalformedPacketException.class);
    }
}
