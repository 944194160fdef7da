package io.junction.config;

import static io.junction.config.TestConfigs.rule;
import static io.junction.config.TestConfigs.withQueryRules;
import static io.junction.config.TestConfigs.withReplicationHostgroups;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Query rules and replication hostgroups, checked through {@link ConfigValidator#validate}. */
class RoutingValidatorTest {

    private static List<String> problems(JunctionConfig config) {
        return ConfigValidator.validate(config);
    }

    private static List<String> problemsOf(RuleBuilder... rules) {
        return problems(withQueryRules(Arrays.stream(rules).map(RuleBuilder::build).toArray(QueryRuleConfig[]::new)));
    }

    @Test
    void aRuleWithEveryKeySetIsValid() {
        assertThat(problemsOf(rule(1).active(false).user("app").schema("shop").clientAddress("10.0.0.5")
                .matchPattern("^SELECT").matchDigest("^SELECT \\?").digest("3A5B0C9D1E2F4A6B")
                .destinationHostgroup(1).errorMessage("no").timeoutMs(86_400_000).multiplex(false).apply(true)))
                .isEmpty();
    }

    @Test
    void aRuleWithoutMatchKeysMatchesEverythingAndIsValid() {
        assertThat(problemsOf(rule(1).destinationHostgroup(0))).isEmpty();
    }

    @Test
    void ruleIdIsAtLeastOne() {
        assertThat(problemsOf(rule(0), rule(-5))).containsExactly(
                "query_rules[0].id: 0 (expected: 1..2147483647)",
                "query_rules[1].id: -5 (expected: 1..2147483647)");
        assertThat(problemsOf(rule(1), rule(Integer.MAX_VALUE))).isEmpty();
    }

    @Test
    void ruleIdIsUnique() {
        assertThat(problemsOf(rule(10), rule(20), rule(10)))
                .containsExactly("query_rules[2].id: 10 (expected: an id no other query rule has)");
    }

    @Test
    void matchPatternMustCompile() {
        assertThat(problemsOf(rule(1).matchPattern("(")))
                .containsExactly("query_rules[0].match_pattern: \"(\" (expected: a valid regular expression:"
                        + " Unclosed group)");
    }

    @Test
    void matchDigestMustCompile() {
        assertThat(problemsOf(rule(1).matchDigest("* FROM orders WHERE id = ?")))
                .containsExactly("query_rules[0].match_digest: \"* FROM orders WHERE id = ?\" (expected: a valid"
                        + " regular expression: Dangling meta character '*')");
    }

    @Test
    void anEmptyRegularExpressionIsRefused() {
        assertThat(problemsOf(rule(1).matchPattern(""), rule(2).matchDigest(""))).containsExactly(
                "query_rules[0].match_pattern: \"\" (expected: a non-empty regular expression, or no match_pattern)",
                "query_rules[1].match_digest: \"\" (expected: a non-empty regular expression, or no match_digest)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3A5B0C9D1E2F4A6", "3A5B0C9D1E2F4A6B0", "0x3A5B0C9D1E2F4A", "3A5B0C9D1E2F4A6G", ""})
    void digestIsSixteenHexDigits(String digest) {
        assertThat(problemsOf(rule(1).digest(digest)))
                .containsExactly("query_rules[0].digest: \"" + digest + "\" (expected: 16 hex digits)");
    }

    @Test
    void digestMayBeUpperOrLowerCase() {
        assertThat(problemsOf(rule(1).digest("3a5b0c9d1e2f4a6b"), rule(2).digest("3A5B0C9D1E2F4A6B"))).isEmpty();
    }

    @Test
    void destinationHostgroupMustExist() {
        assertThat(problemsOf(rule(1).destinationHostgroup(7)))
                .containsExactly("query_rules[0].destination_hostgroup: 7 (expected: one of the hostgroup ids [0, 1])");
    }

    @Test
    void destinationHostgroupNeedsNoServer() {
        assertThat(TestConfigs.EXAMPLE.serversIn(1)).isEmpty();
        assertThat(problemsOf(rule(1).destinationHostgroup(1))).isEmpty();
    }

    @Test
    void timeoutIsZeroToOneDay() {
        assertThat(problemsOf(rule(1).timeoutMs(-1), rule(2).timeoutMs(86_400_001))).containsExactly(
                "query_rules[0].timeout_ms: -1 (expected: 0..86400000)",
                "query_rules[1].timeout_ms: 86400001 (expected: 0..86400000)");
    }

    @Test
    void errorMessageIs1To512Characters() {
        String tooLong = "x".repeat(513);
        assertThat(problemsOf(rule(1).errorMessage(""), rule(2).errorMessage(tooLong))).containsExactly(
                "query_rules[0].error_message: \"\" (expected: 1..512 characters, or no error_message)",
                "query_rules[1].error_message: \"" + tooLong + "\" (expected: 1..512 characters, or no error_message)");
        assertThat(problemsOf(rule(1).errorMessage("x".repeat(512)))).isEmpty();
    }

    @Test
    void userAndSchemaAreNotEmptyWhenSet() {
        assertThat(problemsOf(rule(1).user(""), rule(2).schema(""), rule(3).schema("s".repeat(65)))).containsExactly(
                "query_rules[0].user: \"\" (expected: 1..80 characters, or no user)",
                "query_rules[1].schema: \"\" (expected: 1..64 characters, or no schema)",
                "query_rules[2].schema: \"" + "s".repeat(65) + "\" (expected: 1..64 characters, or no schema)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.5", "0.0.0.0", "255.255.255.255", "::1", "fd00::5", "2001:DB8:0:0:8:800:200C:417A",
            "::ffff:10.0.0.1"})
    void clientAddressMayBeIpv4OrIpv6(String address) {
        assertThat(problemsOf(rule(1).clientAddress(address))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "db.example.com", "abc", "cafe", "10.0.0", "10.0.0.5.", "10.0.0.256",
            "010.0.0.5", "10.0.0.5/24", "1::2::3", "fe80::1%eth0", ":::", ".:", "2001:db8::g", ""})
    void clientAddressIsAnIpLiteralNotAName(String address) {
        assertThat(problemsOf(rule(1).clientAddress(address))).containsExactly("query_rules[0].client_address: \""
                + address + "\" (expected: an IPv4 or IPv6 address, not a host name)");
    }

    @Test
    void everyProblemOfARuleIsReported() {
        assertThat(problemsOf(rule(0).matchPattern("[").digest("x").destinationHostgroup(9).timeoutMs(-1)))
                .containsExactly(
                        "query_rules[0].id: 0 (expected: 1..2147483647)",
                        "query_rules[0].match_pattern: \"[\" (expected: a valid regular expression:"
                                + " Unclosed character class)",
                        "query_rules[0].digest: \"x\" (expected: 16 hex digits)",
                        "query_rules[0].destination_hostgroup: 9 (expected: one of the hostgroup ids [0, 1])",
                        "query_rules[0].timeout_ms: -1 (expected: 0..86400000)");
    }

    @Test
    void aReplicationPairOfExistingHostgroupsIsValid() {
        assertThat(problems(withReplicationHostgroups(new ReplicationHostgroupConfig(0, 1, true)))).isEmpty();
    }

    @Test
    void replicationHostgroupsMustExist() {
        assertThat(problems(withReplicationHostgroups(new ReplicationHostgroupConfig(5, 6, false)))).containsExactly(
                "replication_hostgroups[0].writer_hostgroup: 5 (expected: one of the hostgroup ids [0, 1])",
                "replication_hostgroups[0].reader_hostgroup: 6 (expected: one of the hostgroup ids [0, 1])");
    }

    @Test
    void writerAndReaderDiffer() {
        assertThat(problems(withReplicationHostgroups(new ReplicationHostgroupConfig(1, 1, false))))
                .containsExactly("replication_hostgroups[0].reader_hostgroup: 1"
                        + " (expected: a hostgroup other than writer_hostgroup 1)");
    }

    @Test
    void aHostgroupBelongsToOnePair() {
        JunctionConfig config = TestConfigs.withHostgroups(TestConfigs.WRITER, TestConfigs.READERS,
                new HostgroupConfig(2, "writer2"), new HostgroupConfig(3, "readers2"));
        JunctionConfig twoPairs = new JunctionConfig(config.version(), config.listener(), config.admin(),
                config.hostgroups(), config.servers(), config.users(), config.limits(), config.timeouts(), List.of(),
                List.of(new ReplicationHostgroupConfig(0, 1, false), new ReplicationHostgroupConfig(2, 3, false),
                        new ReplicationHostgroupConfig(1, 2, false)),
                config.monitor());
        assertThat(problems(twoPairs)).containsExactly(
                "replication_hostgroups[2].writer_hostgroup: 1"
                        + " (expected: a hostgroup no other replication pair has, like replication_hostgroups[0])",
                "replication_hostgroups[2].reader_hostgroup: 2"
                        + " (expected: a hostgroup no other replication pair has, like replication_hostgroups[1])");
    }

    @Test
    void aReversedPairIsInTheSameHostgroupsAgain() {
        ReplicationHostgroupConfig pair = new ReplicationHostgroupConfig(0, 1, false);
        String expected = " (expected: a hostgroup no other replication pair has, like replication_hostgroups[0])";
        assertThat(problems(withReplicationHostgroups(pair, new ReplicationHostgroupConfig(1, 0, true))))
                .containsExactly(
                        "replication_hostgroups[1].writer_hostgroup: 1" + expected,
                        "replication_hostgroups[1].reader_hostgroup: 0" + expected);
    }
}
