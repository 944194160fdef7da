package io.junction.router.backend;

import io.junction.router.protocol.SessionStateChanges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.junction.router.backend.SessionStateTest.INITIAL;
import static io.junction.router.backend.SessionStateTest.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionSyncTest {

    @Test
    void equalStatesNeedNoCommands() {
        SessionState a = with(INITIAL, "time_zone", "+01:00");
        SessionState b = with(INITIAL, "time_zone", "+01:00");

        assertThat(SessionSync.commands(a, a)).isEmpty();
        assertThat(SessionSync.commands(a, b)).isEmpty();
        assertThat(SessionSync.commands(INITIAL, INITIAL)).isEmpty();
    }

    @Test
    void schemaChangeIsComInitDb() {
        SessionState inShop = inSchema(INITIAL, "shop");

        assertThat(SessionSync.commands(INITIAL, inShop)).containsExactly(new byte[] {0x02, 's', 'h', 'o', 'p'});
        assertThat(SessionSync.commands(inSchema(INITIAL, "mysql"), inShop)).containsExactly(new byte[] {0x02, 's', 'h', 'o', 'p'});
    }

    @Test
    void variablesAreOneSetWithQuotedStringsBareNumbersAndDefaults() {
        SessionState from = with(with(INITIAL, "wait_timeout", "60"), "time_zone", "+02:00");
        SessionState to = with(with(with(with(with(INITIAL,
                "time_zone", "+01:00"),
                "sql_select_limit", "100"),
                "long_query_time", "0.5"),
                "sql_mode", ""),
                "default_master_connection", "it's a \\ name");

        assertThat(SessionSync.commands(from, to)).containsExactly(comQuery("SET "
                + "SESSION default_master_connection = 'it''s a \\\\ name', "
                + "SESSION long_query_time = 0.5, "
                + "SESSION sql_mode = '', "
                + "SESSION sql_select_limit = 100, "
                + "SESSION time_zone = '+01:00', "
                + "SESSION wait_timeout = DEFAULT"));
    }

    @Test
    void schemaComesBeforeVariables() {
        SessionState to = inSchema(with(INITIAL, "time_zone", "+01:00"), "shop");

        assertThat(SessionSync.commands(INITIAL, to)).containsExactly(
                new byte[] {0x02, 's', 'h', 'o', 'p'},
                comQuery("SET SESSION time_zone = '+01:00'"));
    }

    /** Session tracking reports character_set_results = NULL as an empty value; replaying '' failed with ERROR 1115. */
    @Test
    void characterSetResultsNullIsReplayedAsNull() {
        SessionState to = INITIAL.apply(SessionStateTest.captured("session-state-replay.hex", 1));

        assertThat(SessionSync.commands(INITIAL, to)).containsExactly(comQuery("SET SESSION character_set_results = NULL"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "100|100", "-5|-5", "0.5|0.5", "1e3|'1e3'", "ON|'ON'", "\"\"|''", "+01:00|'+01:00'",
        "a'b|'a''b'", "C:\\dir|'C:\\\\dir'"})
    void literal(String value, String sql) {
        assertThat(SessionSync.literal(value)).isEqualTo(sql);
    }

    @Test
    void strangeVariableNameIsRefused() {
        SessionState to = with(INITIAL, "time_zone = 0; DROP TABLE t; SET x", "1");

        assertThatThrownBy(() -> SessionSync.commands(INITIAL, to))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a variable name: time_zone = 0; drop table t; set x");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {"shop, none, true", "none, none, false", "shop, mysql, false", "none, shop, false"})
    void onlyLeavingASchemaNeedsAReset(String from, String to, boolean reset) {
        assertThat(SessionSync.needsReset(inSchema(INITIAL, from), inSchema(INITIAL, to))).isEqualTo(reset);
    }

    private static SessionState inSchema(SessionState state, String schema) {
        return schema == null ? state : state.apply(new SessionStateChanges(List.of(), schema, true, null));
    }

    private static byte[] comQuery(String sql) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x03);
        out.writeBytes(sql.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
