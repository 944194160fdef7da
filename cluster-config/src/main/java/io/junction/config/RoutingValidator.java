package io.junction.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks the {@code query_rules} and {@code replication_hostgroups} sections for {@link ConfigValidator}: unique rule
 * ids, regular expressions that compile, digests and client addresses in their one accepted form, and hostgroup
 * references that lead somewhere.
 */
final class RoutingValidator {
    private static final Pattern DIGEST = Pattern.compile("[0-9A-Fa-f]{16}");
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    /** Dotted-quad only: no leading zeros (often read as octal), no shortened forms such as {@code 10.1}. */
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    /**
     * The characters of an IPv6 literal, starting with a hex digit or a colon. {@link InetAddress#getByName} parses
     * such a string (it contains a colon) as a literal and never asks DNS; anything else is not handed to it.
     */
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");
    private static final int MAX_ERROR_MESSAGE = 512;

    private final Checks checks;
    private final SortedSet<Integer> hostgroupIds;

    /** @param hostgroupIds the ids of the configured hostgroups, which rules and pairs may name */
    RoutingValidator(Checks checks, SortedSet<Integer> hostgroupIds) {
        this.checks = checks;
        this.hostgroupIds = hostgroupIds;
    }

    void queryRules(List<QueryRuleConfig> rules) {
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            QueryRuleConfig rule = rules.get(i);
            String path = "query_rules[" + i + "]";
            if (checks.range(path + ".id", rule.id(), 1, Integer.MAX_VALUE) && !ids.add(rule.id())) {
                checks.add(Problems.of(path + ".id", rule.id(), "an id no other query rule has"));
            }
            optionalName(path, "user", rule.user(), ConfigValidator.MAX_USER_NAME);
            optionalName(path, "schema", rule.schema(), ConfigValidator.MAX_SCHEMA_NAME);
            if (rule.clientAddress() != null && !isIpLiteral(rule.clientAddress())) {
                checks.add(Problems.of(path + ".client_address", rule.clientAddress(),
                        "an IPv4 or IPv6 address, not a host name"));
            }
            regex(path, "match_pattern", rule.matchPattern());
            regex(path, "match_digest", rule.matchDigest());
            if (rule.digest() != null && !DIGEST.matcher(rule.digest()).matches()) {
                checks.add(Problems.of(path + ".digest", rule.digest(), "16 hex digits"));
            }
            if (rule.destinationHostgroup() != null) {
                checks.hostgroupReference(path + ".destination_hostgroup", rule.destinationHostgroup(), hostgroupIds);
            }
            if (rule.errorMessage() != null && !Checks.within(rule.errorMessage(), MAX_ERROR_MESSAGE)) {
                checks.add(Problems.of(path + ".error_message", rule.errorMessage(),
                        "1.." + MAX_ERROR_MESSAGE + " characters, or no error_message"));
            }
            checks.range(path + ".timeout_ms", rule.timeoutMs(), 0, ConfigValidator.MAX_TIMEOUT_MS);
        }
    }

    void replicationHostgroups(List<ReplicationHostgroupConfig> pairs) {
        Map<Integer, Integer> pairOfHostgroup = new HashMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            ReplicationHostgroupConfig pair = pairs.get(i);
            String path = "replication_hostgroups[" + i + "]";
            boolean writerExists = checks.hostgroupReference(path + ".writer_hostgroup", pair.writerHostgroup(),
                    hostgroupIds);
            boolean readerExists = checks.hostgroupReference(path + ".reader_hostgroup", pair.readerHostgroup(),
                    hostgroupIds);
            if (pair.writerHostgroup() == pair.readerHostgroup()) {
                checks.add(Problems.of(path + ".reader_hostgroup", pair.readerHostgroup(),
                        "a hostgroup other than writer_hostgroup " + pair.writerHostgroup()));
                continue;
            }
            if (writerExists) {
                inOnePair(path + ".writer_hostgroup", pair.writerHostgroup(), i, pairOfHostgroup);
            }
            if (readerExists) {
                inOnePair(path + ".reader_hostgroup", pair.readerHostgroup(), i, pairOfHostgroup);
            }
        }
    }

    private void inOnePair(String path, int hostgroup, int pair, Map<Integer, Integer> pairOfHostgroup) {
        Integer earlier = pairOfHostgroup.putIfAbsent(hostgroup, pair);
        if (earlier != null) {
            checks.add(Problems.of(path, hostgroup,
                    "a hostgroup no other replication pair has, like replication_hostgroups[" + earlier + "]"));
        }
    }

    /** A user or schema to match: unset, or 1 to {@code max} characters ("" would never match anything). */
    private void optionalName(String rulePath, String key, String name, int max) {
        if (name != null && !Checks.within(name, max)) {
            checks.add(Problems.of(rulePath + "." + key, name, "1.." + max + " characters, or no " + key));
        }
    }

    /** Compiled case-insensitive, as {@link QueryRuleConfig} says; "" is refused: leave the key out to match all. */
    private void regex(String rulePath, String key, String regex) {
        if (regex == null) {
            return;
        }
        if (regex.isEmpty()) {
            checks.add(Problems.of(rulePath + "." + key, regex, "a non-empty regular expression, or no " + key));
            return;
        }
        try {
            Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            checks.add(Problems.of(rulePath + "." + key, regex, "a valid regular expression: " + e.getDescription()));
        }
    }

    /** True for a dotted-quad IPv4 address or an IPv6 address; never resolves a name. */
    static boolean isIpLiteral(String address) {
        if (IPV4.matcher(address).matches()) {
            return true;
        }
        if (!address.contains(":") || !IPV6_CHARACTERS.matcher(address).matches()) {
            return false;
        }
        try {
            InetAddress.getByName(address);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
