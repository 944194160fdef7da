package io.junction.config;

import static io.junction.config.TestConfigs.EXAMPLE;
import static io.junction.config.TestConfigs.SERVER;
import static io.junction.config.TestConfigs.APP;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The {@code tls} section, the servers' {@code tls}/{@code tls_ca} and the users' {@code auth_plugin}/{@code require_tls}. */
class SecurityConfigTest {
    private static final Path DOCS_EXAMPLE = Path.of("..", "docs", "junction.example.yaml");
    /** What MariaDB's {@code ed25519_password('secret')} returns. */
    private static final String SECRET_ED25519 = "ZIgUREUg5PVgQ6LskhXmO+eZLS0nC8be6HPjYWR4YJY";
    /** mysql_native_password hash of "secret". */
    private static final String HASH_OF_SECRET = "*14E65567ABDB5135D0CFD9A70B3032C179A49EE7";
    private static final TlsConfig TLS_ON = new TlsConfig(true, "/etc/junction/server.pem",
            "/etc/junction/server-key.pem", 60_000, "/etc/junction/rsa-key.pem");

    private static List<String> problems(JunctionConfig config) {
        return ConfigValidator.validate(config);
    }

    private static List<String> parseProblems(String yaml) {
        try {
            ConfigLoader.parse(yaml);
        } catch (InvalidConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected problems in " + yaml);
    }

    @Test
    void theDocumentedExamplesWorkWhenUncommented() throws IOException {
        JunctionConfig config = ConfigLoader.parse(uncomment(Files.readString(DOCS_EXAMPLE)));

        assertThat(config.tls()).isEqualTo(TLS_ON);
        assertThat(config.servers()).containsExactly(SERVER.withTls(ServerTls.VERIFY_IDENTITY, "/etc/junction/backend-ca.pem"));
        assertThat(config.users()).containsExactly(APP.withAuthentication(UserConfig.CACHING_SHA2_PASSWORD, true));
    }

    @Test
    void defaultsAreNoTlsAndNativePasswords() {
        assertThat(EXAMPLE.tls()).isEqualTo(TlsConfig.DEFAULT);
        assertThat(EXAMPLE.servers().get(0).tls()).isEqualTo(ServerTls.OFF);
        assertThat(EXAMPLE.servers().get(0).tlsCa()).isNull();
        assertThat(EXAMPLE.users().get(0).authPlugin()).isEqualTo("mysql_native_password");
        assertThat(EXAMPLE.users().get(0).requireTls()).isFalse();
    }

    @Test
    void everySecuritySettingRoundTripsThroughYaml() {
        JunctionConfig config = EXAMPLE.withTls(TLS_ON)
                .withServers(List.of(SERVER.withTls(ServerTls.VERIFY_CA, "/ca.pem"),
                        new ServerConfig("10.0.0.2", 3306, 0, 1, 100, ServerStatus.ONLINE).withTls(ServerTls.REQUIRED, null)))
                .withUsers(List.of(APP.withAuthentication(UserConfig.CACHING_SHA2_PASSWORD, true)));

        String yaml = ConfigLoader.toYaml(config);

        assertThat(ConfigLoader.parse(yaml)).isEqualTo(config);
        assertThat(yaml).contains("tls: \"verify_ca\"").contains("tls: \"required\"").doesNotContain("tls_ca: null");
    }

    @Test
    void aBareOffIsReadAsTheModeOff() {
        String yaml = "servers:\n  - host: db\n    hostgroup: 0\n    tls: off\n";
        assertThat(ConfigLoader.parse(yaml).servers().get(0).tls()).isEqualTo(ServerTls.OFF);
    }

    @Test
    void unknownTlsModesAndKeysAreNamed() {
        assertThat(parseProblems("servers:\n  - host: db\n    hostgroup: 0\n    tls: yes_please\n"))
                .containsExactly("servers[0].tls: \"yes_please\" (expected: one of off, required, verify_ca, verify_identity)");
        assertThat(parseProblems("tls:\n  enabled: false\n  cert: x\n"))
                .containsExactly("tls.cert: unknown key (expected: one of enabled, certificate, key, reload_interval_ms, rsa_key)");
    }

    @Test
    void enabledTlsNeedsACertificateAndAKey() {
        assertThat(problems(EXAMPLE.withTls(new TlsConfig(true, null, "", 0, null)))).containsExactly(
                "tls.certificate: missing (expected: a PEM file path when tls.enabled is true)",
                "tls.key: \"\" (expected: a PEM file path)");
    }

    @Test
    void reloadIntervalIsZeroOrAtLeast100Ms() {
        assertThat(problems(EXAMPLE.withTls(new TlsConfig(false, null, null, 50, null))))
                .containsExactly("tls.reload_interval_ms: 50 (expected: 0 (no reload) or 100..86400000)");
        assertThat(problems(EXAMPLE.withTls(new TlsConfig(false, null, null, 100, null)))).isEmpty();
    }

    @Test
    void verifyingModesNeedACaAndOnlyThey() {
        assertThat(problems(EXAMPLE.withServers(List.of(SERVER.withTls(ServerTls.VERIFY_IDENTITY, null)))))
                .containsExactly("servers[0].tls_ca: missing (expected: a PEM file path when tls is verify_identity)");
        assertThat(problems(EXAMPLE.withServers(List.of(SERVER.withTls(ServerTls.REQUIRED, "/ca.pem")))))
                .containsExactly("servers[0].tls_ca: \"/ca.pem\" (expected: no tls_ca unless tls is verify_ca or verify_identity)");
    }

    @Test
    void usersNameAKnownPluginAndRequireTlsOnlyWhenItIsOffered() {
        assertThat(problems(EXAMPLE.withUsers(List.of(APP.withAuthentication("auth_gssapi_client", false)))))
                .containsExactly("users[0].auth_plugin: \"auth_gssapi_client\" (expected: one of mysql_native_password,"
                        + " caching_sha2_password, client_ed25519)");
        assertThat(problems(EXAMPLE.withUsers(List.of(APP.withAuthentication(UserConfig.NATIVE_PASSWORD, true)))))
                .containsExactly("users[0].require_tls: true (expected: false while tls.enabled is false (the user could never log in))");
        assertThat(problems(EXAMPLE.withTls(TLS_ON).withUsers(List.of(APP.withAuthentication(UserConfig.NATIVE_PASSWORD, true)))))
                .isEmpty();
    }

    @Test
    void ed25519UsersHaveAClearPasswordOrOnlyThePublicKey() {
        UserConfig clear = APP.withAuthentication(UserConfig.CLIENT_ED25519, false);
        UserConfig keyOnly = clear.withPasswords(null, null, SECRET_ED25519);

        assertThat(problems(EXAMPLE.withUsers(List.of(clear)))).isEmpty();
        assertThat(problems(EXAMPLE.withUsers(List.of(keyOnly)))).isEmpty();
        assertThat(problems(EXAMPLE.withUsers(List.of(keyOnly.withPasswords(null, null, SECRET_ED25519 + "="))))).isEmpty();
    }

    @Test
    void passwordEd25519IsRead() {
        String yaml = "users:\n  - name: app\n    auth_plugin: client_ed25519\n    password_ed25519: " + SECRET_ED25519 + "\n";

        UserConfig user = ConfigLoader.parse(yaml).users().get(0);

        assertThat(user.passwordEd25519()).isEqualTo(SECRET_ED25519);
        assertThat(user.password()).isNull();
        assertThat(user.authPlugin()).isEqualTo(UserConfig.CLIENT_ED25519);
    }

    @Test
    void passwordEd25519RoundTripsThroughYamlAndStaysOutOfToString() {
        UserConfig keyOnly = APP.withAuthentication(UserConfig.CLIENT_ED25519, false).withPasswords(null, null, SECRET_ED25519);
        JunctionConfig config = EXAMPLE.withUsers(List.of(keyOnly));

        assertThat(ConfigLoader.parse(ConfigLoader.toYaml(config))).isEqualTo(config);
        assertThat(keyOnly.toString()).doesNotContain(SECRET_ED25519);
    }

    @Test
    void passwordEd25519ProblemsNeverQuoteTheKey() {
        UserConfig ed25519 = APP.withAuthentication(UserConfig.CLIENT_ED25519, false);
        String shortKey = SECRET_ED25519.substring(4);

        assertThat(problems(EXAMPLE.withUsers(List.of(APP.withPasswords("secret", null, SECRET_ED25519))))).containsExactly(
                "users[0].password_ed25519: set (expected: no password_ed25519 unless auth_plugin is client_ed25519)");
        assertThat(problems(EXAMPLE.withUsers(List.of(ed25519.withPasswords(null, null, shortKey))))).containsExactly(
                "users[0].password_ed25519: not base64 of 32 bytes (expected: the public key as MariaDB stores it: 43 base64"
                        + " characters, as ed25519_password('...') returns them)");
        assertThat(problems(EXAMPLE.withUsers(List.of(ed25519.withPasswords(null, null, "not base64!"))))).containsExactly(
                "users[0].password_ed25519: not base64 of 32 bytes (expected: the public key as MariaDB stores it: 43 base64"
                        + " characters, as ed25519_password('...') returns them)");
        assertThat(problems(EXAMPLE.withUsers(List.of(ed25519.withPasswords("secret", null, SECRET_ED25519))))).containsExactly(
                "users[0].password_ed25519: set together with password (expected: password_ed25519 alone, or password and"
                        + " no password_ed25519 (the key is derived from it))");
        assertThat(problems(EXAMPLE.withUsers(List.of(ed25519.withPasswords(null, HASH_OF_SECRET, SECRET_ED25519)))))
                .containsExactly("users[0].password_ed25519: set together with password_hash (expected: password_ed25519"
                        + " alone, or password and no password_ed25519 (the key is derived from it))");
    }

    @Test
    void anEd25519UserCannotMakeDoWithTheNativeHash() {
        UserConfig hashOnly = APP.withAuthentication(UserConfig.CLIENT_ED25519, false).withPasswords(null, HASH_OF_SECRET, null);

        assertThat(problems(EXAMPLE.withUsers(List.of(hashOnly)))).containsExactly("users[0]: neither password nor"
                + " password_ed25519 is set (expected: one of them; auth_plugin client_ed25519 cannot check a client against"
                + " password_hash)");
        assertThat(problems(EXAMPLE.withUsers(List.of(hashOnly.withPasswords(null, null, null))))).containsExactly("users[0]:"
                + " neither password nor password_ed25519 is set (expected: one of them; auth_plugin client_ed25519 cannot"
                + " check a client against password_hash)");
    }

    @Test
    void environmentVariablesSetTheTlsSection() {
        JunctionConfig config = ConfigLoader.withEnvironment(EXAMPLE, Map.of(
                "JUNCTION_TLS_ENABLED", "true",
                "JUNCTION_TLS_CERTIFICATE", "/c.pem",
                "JUNCTION_TLS_KEY", "/k.pem",
                "JUNCTION_TLS_RELOAD_INTERVAL_MS", "1000"));
        assertThat(config.tls()).isEqualTo(new TlsConfig(true, "/c.pem", "/k.pem", 1000, null));
    }

    @Test
    void replacingTheFirstServersHostKeepsItsTls() {
        JunctionConfig base = EXAMPLE.withServers(List.of(SERVER.withTls(ServerTls.VERIFY_CA, "/ca.pem")));
        JunctionConfig config = ConfigLoader.withEnvironment(base, Map.of("JUNCTION_SERVER_HOST", "db2"));
        assertThat(config.servers().get(0).tls()).isEqualTo(ServerTls.VERIFY_CA);
        assertThat(config.servers().get(0).tlsCa()).isEqualTo("/ca.pem");
    }

    @Test
    void userToStringShowsNoPassword() {
        assertThat(APP.withAuthentication(UserConfig.CACHING_SHA2_PASSWORD, true).toString()).doesNotContain("secret");
    }

    private static final Pattern KEY = Pattern.compile("( +)# (tls|tls_ca|auth_plugin|require_tls):.*");

    /** Removes "# " from the commented tls block and from the commented server and user security keys. */
    private static String uncomment(String docs) {
        StringBuilder out = new StringBuilder();
        boolean inBlock = false;
        for (String line : docs.split("\n", -1)) {
            inBlock = line.equals("# tls:") || inBlock && line.startsWith("#   ");
            if (inBlock) {
                line = line.substring(2);
            } else if (KEY.matcher(line).matches()) {
                line = line.replaceFirst("# ", "");
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }
}
