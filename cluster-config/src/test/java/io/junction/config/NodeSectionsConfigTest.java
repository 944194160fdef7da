package io.junction.config;

import static io.junction.config.TestConfigs.EXAMPLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.junction.config.AdminConfig.AdminToken;
import io.junction.config.AdminConfig.AdminUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The admin section's users and tokens and the {@code cluster} section: file, environment and validation. */
class NodeSectionsConfigTest {
    private static final Path DOCS_EXAMPLE = Path.of("..", "docs", "junction.example.yaml");
    /** {@code AdminPasswords.hash("secret")}, as the documented example has it. */
    private static final String HASH = "pbkdf2-sha256:210000:2h7BTHSnQXG0kNlPPz81Dg==:TK4WzZAC1i0DuB3bKBbrlarM7WNaD7+mWwweM68vaAs=";
    private static final String DIGEST = AdminPasswords.tokenDigest("example-token");
    private static final ClusterConfig CLUSTER = new ClusterConfig(true, "prod", "10.0.0.1", 5701,
            List.of("10.0.0.1:5701", "10.0.0.2:5701"), "/var/lib/junction");

    private static List<String> problems(JunctionConfig config) {
        return ConfigValidator.validate(config);
    }

    private static List<String> envProblems(Map<String, String> env) {
        try {
            ConfigLoader.withEnvironment(EXAMPLE, env);
        } catch (InvalidConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected problems for " + env);
    }

    @Test
    void defaultsAreNoAdminUsersAndNoCluster() {
        assertThat(ConfigLoader.defaults().admin().users()).isEmpty();
        assertThat(ConfigLoader.defaults().admin().tokens()).isEmpty();
        assertThat(ConfigLoader.defaults().cluster()).isEqualTo(ClusterConfig.DEFAULT);
        assertThat(ClusterConfig.DEFAULT.enabled()).isFalse();
        assertThat(ClusterConfig.DEFAULT.stateDir()).isNull();
    }

    @Test
    void theDocumentedExamplesWorkWhenUncommented() throws IOException {
        JunctionConfig config = ConfigLoader.parse(uncomment(Files.readString(DOCS_EXAMPLE)));

        assertThat(config.admin().users()).containsExactly(new AdminUser("ops", HASH));
        assertThat(AdminPasswords.verify("secret", config.admin().users().get(0).passwordHash())).isTrue();
        assertThat(config.admin().tokens()).containsExactly(new AdminToken("deploy-bot", DIGEST));
        assertThat(config.cluster()).isEqualTo(CLUSTER);
    }

    @Test
    void usersTokensAndClusterRoundTripThroughYaml() {
        JunctionConfig config = EXAMPLE
                .withAdmin(new AdminConfig("127.0.0.1", 6080, true, List.of(new AdminUser("ops", HASH)),
                        List.of(new AdminToken("ci", DIGEST))))
                .withCluster(CLUSTER);

        String yaml = ConfigLoader.toYaml(config);

        assertThat(ConfigLoader.parse(yaml)).isEqualTo(config);
        assertThat(ConfigLoader.parse(ConfigLoader.toYaml(EXAMPLE))).isEqualTo(EXAMPLE);
    }

    @Test
    void wrongTypesAndUnknownKeysAreNamed() {
        assertThatThrownBy(() -> ConfigLoader.parse("""
                admin:
                  users: [{name: ops}]
                  tokens: [{name: ci, sha: x}]
                cluster: {enabled: "yes", members: [10, "a:1"], port: "5701"}
                """)).isInstanceOf(InvalidConfigException.class)
                .extracting(e -> ((InvalidConfigException) e).problems()).asList().containsExactly(
                        "admin.users[0].password_hash: missing (expected: a string)",
                        "admin.tokens[0].sha: unknown key (expected: one of name, sha256)",
                        "admin.tokens[0].sha256: missing (expected: a string)",
                        "cluster.enabled: \"yes\" (expected: true or false)",
                        "cluster.port: \"5701\" (expected: an integer)",
                        "cluster.members[0]: 10 (expected: a string (quote it))");
    }

    @Test
    void adminUsersAndTokensAreValidated() {
        JunctionConfig config = EXAMPLE.withAdmin(new AdminConfig("127.0.0.1", 6080, true,
                List.of(new AdminUser("ops", HASH), new AdminUser("ops", HASH), new AdminUser("", HASH),
                        new AdminUser("dev", "*14E65567ABDB5135D0CFD9A70B3032C179A49EE7")),
                List.of(new AdminToken("ci", DIGEST), new AdminToken("ci2", "abc"))));

        assertThat(problems(config)).containsExactly(
                "admin.users[1].name: \"ops\" (expected: a name no other one has)",
                "admin.users[2].name: \"\" (expected: 1..80 characters)",
                "admin.users[3].password_hash: not a stored password"
                        + " (expected: pbkdf2-sha256:ITERATIONS:SALT:HASH, salt and hash in base64)",
                "admin.tokens[1].sha256: not a SHA-256 digest (expected: the token's SHA-256 as 64 hex digits)");
    }

    @Test
    void clusterSectionIsValidated() {
        JunctionConfig config = EXAMPLE.withCluster(new ClusterConfig(true, "", " ", 0,
                List.of("10.0.0.1:5701", "10.0.0.1", "10.0.0.2:70000", "10.0.0.1:5701", "[fd00::5]:5701"), " "));

        assertThat(problems(config)).containsExactly(
                "cluster.name: \"\" (expected: 1..80 characters)",
                "cluster.host: \" \" (expected: the IP address or host name of this node)",
                "cluster.port: 0 (expected: 1..65535)",
                "cluster.members[1]: \"10.0.0.1\" (expected: host:port with a port in 1..65535)",
                "cluster.members[2]: \"10.0.0.2:70000\" (expected: host:port with a port in 1..65535)",
                "cluster.members[3]: \"10.0.0.1:5701\" (expected: each member once)",
                "cluster.state_dir: \" \" (expected: a directory path, or no state_dir)");
    }

    @Test
    void adminVariablesAddAUserAndAToken() {
        JunctionConfig config = ConfigLoader.withEnvironment(EXAMPLE, Map.of(
                "JUNCTION_ADMIN_USER", "ops", "JUNCTION_ADMIN_PASSWORD_HASH", HASH,
                "JUNCTION_ADMIN_TOKEN_SHA256", DIGEST));

        assertThat(config.admin().users()).containsExactly(new AdminUser("ops", HASH));
        assertThat(config.admin().tokens()).containsExactly(new AdminToken("env", DIGEST));
        assertThat(config.admin().port()).isEqualTo(EXAMPLE.admin().port());
    }

    @Test
    void adminVariablesReplaceTheUserOfTheSameNameAndKeepTheOthers() {
        String otherHash = AdminPasswords.hash("other");
        JunctionConfig base = EXAMPLE.withAdmin(new AdminConfig("127.0.0.1", 6080, true,
                List.of(new AdminUser("ops", otherHash), new AdminUser("dev", otherHash)),
                List.of(new AdminToken("ci", DIGEST))));

        JunctionConfig config = ConfigLoader.withEnvironment(base, Map.of(
                "JUNCTION_ADMIN_USER", "ops", "JUNCTION_ADMIN_PASSWORD_HASH", HASH, "JUNCTION_ADMIN_PORT", "7080"));

        assertThat(config.admin().users()).containsExactly(new AdminUser("ops", HASH), new AdminUser("dev", otherHash));
        assertThat(config.admin().tokens()).containsExactly(new AdminToken("ci", DIGEST));
        assertThat(config.admin().port()).isEqualTo(7080);
    }

    @Test
    void adminUserAndHashComeTogetherAndAreValidated() {
        assertThat(envProblems(Map.of("JUNCTION_ADMIN_USER", "ops"))).containsExactly(
                "JUNCTION_ADMIN_PASSWORD_HASH: not set"
                        + " (expected: JUNCTION_ADMIN_USER and JUNCTION_ADMIN_PASSWORD_HASH set together)");
        assertThat(envProblems(Map.of("JUNCTION_ADMIN_TOKEN_SHA256", "not-hex"))).containsExactly(
                "admin.tokens[0].sha256: not a SHA-256 digest (expected: the token's SHA-256 as 64 hex digits)");
    }

    @Test
    void clusterVariablesAreTheKeysUpperCasedAndMembersAreCommaSeparated() {
        JunctionConfig config = ConfigLoader.withEnvironment(EXAMPLE, Map.of(
                "JUNCTION_CLUSTER_ENABLED", "true",
                "JUNCTION_CLUSTER_NAME", "prod",
                "JUNCTION_CLUSTER_HOST", "10.0.0.1",
                "JUNCTION_CLUSTER_PORT", "5701",
                "JUNCTION_CLUSTER_MEMBERS", " 10.0.0.1:5701, 10.0.0.2:5701,",
                "JUNCTION_CLUSTER_STATE_DIR", "/var/lib/junction"));

        assertThat(config.cluster()).isEqualTo(CLUSTER);
    }

    @Test
    void badClusterVariablesAreNamed() {
        assertThat(envProblems(Map.of("JUNCTION_CLUSTER_ENABLED", "on", "JUNCTION_CLUSTER_PORT", "x")))
                .containsExactlyInAnyOrder(
                        "JUNCTION_CLUSTER_ENABLED: \"on\" (expected: true or false)",
                        "JUNCTION_CLUSTER_PORT: \"x\" (expected: an integer)");
        assertThat(envProblems(Map.of("JUNCTION_CLUSTER_MEMBERS", "10.0.0.1")))
                .containsExactly("cluster.members[0]: \"10.0.0.1\" (expected: host:port with a port in 1..65535)");
    }

    @Test
    void sharedValidationIgnoresTheNodeSections() {
        JunctionConfig config = EXAMPLE
                .withListener(new ListenerConfig("", 70000, 0))
                .withCluster(new ClusterConfig(true, "", "h", 1, List.of(), null))
                .withUsers(List.of(TestConfigs.APP.withAuthentication(UserConfig.NATIVE_PASSWORD, true)));

        assertThat(problems(config)).hasSize(4);
        assertThat(ConfigValidator.validateShared(config)).isEmpty();
        assertThat(ConfigValidator.validateShared(config.withServers(List.of()))).containsExactly(
                "users[0].default_hostgroup: 0 (expected: a hostgroup with at least one server)");
    }

    private static final Pattern ADMIN_BLOCK_START = Pattern.compile("  # (users|tokens):.*");

    /**
     * Removes "# " from the commented admin users and tokens (a line "  # users:" and the "  #   " lines after it) and
     * from the commented cluster block ("# cluster:" and the "#   " lines after it).
     */
    private static String uncomment(String docs) {
        StringBuilder out = new StringBuilder();
        boolean inAdmin = false;
        boolean inCluster = false;
        for (String line : docs.split("\n", -1)) {
            inAdmin = ADMIN_BLOCK_START.matcher(line).matches() || inAdmin && line.startsWith("  #   ");
            inCluster = line.equals("# cluster:") || inCluster && line.startsWith("#   ");
            if (inAdmin) {
                line = line.replaceFirst("# ", "");
            } else if (inCluster) {
                line = line.substring(2);
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }
}
