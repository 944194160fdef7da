package io.junction.router.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class ComStmtPrepareOkTest {

    @ParameterizedTest
    @CsvSource({"deprecate-eof-stmt-prepare.hex, 1", "stmt-prepare.hex, 2"})
    void decodesCapturedPrepareOk(String name, long statementId) {
        ComStmtPrepareOk ok = ComStmtPrepareOk.decode(firstResponsePacket(name));

        assertThat(ok.statementId()).as("MariaDB numbers statements across connections").isEqualTo(statementId);
        assertThat(ok.columns()).isEqualTo(2);
        assertThat(ok.parameters()).isEqualTo(2);
        assertThat(ok.warnings()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"stmt-prepare.hex", "deprecate-eof-stmt-prepare.hex"})
    void encodeOfDecodedPrepareOkGivesBackTheCapturedBytes(String name) {
        byte[] payload = firstResponsePacket(name);

        assertThat(ComStmtPrepareOk.decode(payload).encode()).isEqualTo(payload);
    }

    @Test
    void encodesStatementIdColumnsParametersAndWarnings() {
        assertThat(HexFormat.of().formatHex(new ComStmtPrepareOk(0x01020304L, 5, 6, 7).encode()))
                .isEqualTo("00" + "04030201" + "0500" + "0600" + "00" + "0700");
    }

    private static byte[] firstResponsePacket(String name) {
        return CapturesTest.load(name).serverPayloads().get(0);
    }
}
