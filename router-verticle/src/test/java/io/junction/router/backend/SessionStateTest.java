package io.junction.router.backend;

import io.junction.router.protocol.CapturesTest;
import io.junction.router.protocol.CapturesTest.Capture;
import io.junction.router.protocol.Collations;
import io.junction.router.protocol.OkPacket;
import io.junction.router.protocol.SessionStateChanges;
import io.junction.router.protocol.SessionStateChanges.Variable;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class SessionStateTest {
    static final SessionState INITIAL = SessionState.initial(null, Collations.byId(45));

    /** The changes reported by the OK packet answering the {@code index}th command of a capture. */
    static SessionStateChanges captured(String name, int index) {
        Capture capture = CapturesTest.load(name);
        byte[] ok = capture.responses().get(index).get(0);
        return SessionStateChanges.decode(OkPacket.decode(ok, capture.capabilities()).sessionStateChanges());
    }

    static SessionState with(SessionState state, String name, String value) {
        return state.apply(new SessionStateChanges(List.of(new Variable(name, value)), null, true, null));
    }

    @Test
    void initialStateIsTheCollationsCharacterSets() {
        assertThat(INITIAL.schema()).isNull();
        assertThat(INITIAL.variables()).containsExactly(
                entry("character_set_client", "utf8mb4"),
                entry("character_set_connection", "utf8mb4"),
                entry("character_set_results", "utf8mb4"),
                entry("collation_connection", "utf8mb4_general_ci"));
        assertThat(SessionState.initial("shop", Collations.byId(8)).variables())
                .containsEntry("character_set_client", "latin1")
                .containsEntry("collation_connection", "latin1_swedish_ci");
    }

    @Test
    void appliesCapturedChanges() {
        SessionState tracking = INITIAL.apply(captured("cli-session-state.hex", 0));
        SessionState timeZone = tracking.apply(captured("cli-session-state.hex", 1));
        SessionState schema = timeZone.apply(captured("cli-session-state.hex", 2));

        assertThat(tracking).as("Junction's own tracking variables are ignored").isEqualTo(INITIAL);
        assertThat(timeZone.variables()).containsEntry("time_zone", "+01:00").hasSize(5);
        assertThat(timeZone.schema()).isNull();
        assertThat(schema.schema()).isEqualTo("mysql");
        assertThat(schema.variables()).isEqualTo(timeZone.variables());
    }

    @Test
    void insertIdIsUnreplayableAndNotKept() {
        SessionStateChanges insertId = captured("session-state-replay.hex", 0);

        assertThat(SessionState.unreplayable(insertId)).isEqualTo("insert_id");
        assertThat(INITIAL.apply(insertId)).isEqualTo(INITIAL);
        assertThat(SessionState.unreplayable(captured("cli-session-state.hex", 1))).isNull();
        assertThat(SessionState.unreplayable(new SessionStateChanges(List.of(new Variable("LAST_INSERT_ID", "7")), null, true, null)))
                .isEqualTo("LAST_INSERT_ID");
    }

    @Test
    void stateChangeAloneLeavesTheStateAsItIs() {
        SessionStateChanges userVariable = captured("session-state-replay.hex", 2);

        assertThat(INITIAL.apply(userVariable)).isSameAs(INITIAL);
        assertThat(INITIAL.apply(captured("session-state-transaction.hex", 1))).isSameAs(INITIAL);
    }

    @Test
    void emptyValuesAreKept() {
        SessionState state = INITIAL.apply(captured("session-state-replay.hex", 1)).apply(captured("session-state-replay.hex", 3));

        assertThat(state.variables()).containsEntry("character_set_results", "").containsEntry("sql_mode", "");
    }

    @Test
    void namesAreLowerCased() {
        assertThat(with(INITIAL, "TIME_ZONE", "+02:00").variables()).containsEntry("time_zone", "+02:00").doesNotContainKey("TIME_ZONE");
    }

    @Test
    void emptySchemaDeselects() {
        SessionState inShop = INITIAL.apply(new SessionStateChanges(List.of(), "shop", true, null));

        assertThat(inShop.schema()).isEqualTo("shop");
        assertThat(inShop.apply(new SessionStateChanges(List.of(), "", true, null)).schema()).isNull();
    }

    @Test
    void equalStatesHashEqually() {
        SessionState a = with(with(INITIAL, "time_zone", "+01:00"), "sql_mode", "");
        SessionState b = with(with(INITIAL, "sql_mode", ""), "time_zone", "+01:00");

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(with(a, "time_zone", "+02:00"));
        assertThat(a).isNotEqualTo(a.apply(new SessionStateChanges(List.of(), "shop", true, null)));
    }

    @Test
    void withVariablesKeepsNullAsEmptyLikeTrackingAndSkipsIgnoredAndUnreplayable() {
        Map<String, String> values = new HashMap<>();
        values.put("time_zone", "+01:00");
        values.put("character_set_results", null);
        values.put("session_track_schema", "OFF");
        values.put("insert_id", "5");

        SessionState state = INITIAL.withVariables(values);

        assertThat(state.variables()).containsEntry("time_zone", "+01:00").containsEntry("character_set_results", "")
                .doesNotContainKeys("session_track_schema", "insert_id");
    }
}
