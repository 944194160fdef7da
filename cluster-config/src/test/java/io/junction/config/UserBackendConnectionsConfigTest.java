package io.junction.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.junction.config.TestConfigs.APP;
import static io.junction.config.TestConfigs.withUsers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A user's {@code max_backend_connections}: read, written back, checked. */
class UserBackendConnectionsConfigTest {

    @Test
    void absentMeansNoLimitAndAValueIsRead() {
        JunctionConfig config = ConfigLoader.parse("""
                users:
                  - {name: app, password: pw}
                  - {name: report, password: pw, max_backend_connections: 3}
                """);
        assertThat(config.users()).extracting(UserConfig::maxBackendConnections).containsExactly(0, 3);
        assertThat(new UserConfig("app", "pw", null, 0, null, 10, true).maxBackendConnections())
                .as("the older constructors mean no limit").isEqualTo(UserConfig.NO_BACKEND_LIMIT);
    }

    @Test
    void itIsWrittenAndReadBack() {
        JunctionConfig config = withUsers(APP.withMaxBackendConnections(7), TestConfigs.user("other", "pw", null));
        String yaml = ConfigLoader.toYaml(config);
        assertThat(yaml).contains("max_backend_connections: 7").contains("max_backend_connections: 0");
        assertThat(ConfigLoader.parse(yaml)).isEqualTo(config);
        assertThat(ConfigWriter.tree(config).get("users").get(0).get("max_backend_connections").intValue()).isEqualTo(7);
    }

    @Test
    void itIs0To1000000() {
        assertThat(ConfigValidator.validate(withUsers(APP.withMaxBackendConnections(0)))).isEmpty();
        assertThat(ConfigValidator.validate(withUsers(APP.withMaxBackendConnections(1_000_000)))).isEmpty();
        assertThat(ConfigValidator.validate(withUsers(APP.withMaxBackendConnections(-1))))
                .containsExactly("users[0].max_backend_connections: -1 (expected: 0..1000000)");
        assertThat(ConfigValidator.validate(withUsers(APP.withMaxBackendConnections(1_000_001))))
                .containsExactly("users[0].max_backend_connections: 1000001 (expected: 0..1000000)");
    }

    @Test
    void aBadValueInAFileIsNamedWithItsPath() {
        assertThat(problemsOf("users: [{name: app, password: pw, max_backend_connections: -2}]"))
                .containsExactly("users[0].max_backend_connections: -2 (expected: 0..1000000)");
        assertThat(problemsOf("users: [{name: app, password: pw, max_backend_connections: many}]"))
                .containsExactly("users[0].max_backend_connections: \"many\" (expected: an integer)");
    }

    private static List<String> problemsOf(String yaml) {
        InvalidConfigException e = catchThrowableOfType(InvalidConfigException.class, () -> ConfigLoader.parse(yaml));
        assertThat(e).as("expected an InvalidConfigException").isNotNull();
        return e.problems();
    }
}
