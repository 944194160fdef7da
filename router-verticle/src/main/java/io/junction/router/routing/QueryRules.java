package io.junction.router.routing;

import io.junction.config.QueryRuleConfig;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The query rules of one config version, compiled once (patterns included) and shared by every event loop of a
 * node. Evaluation walks the active rules in id order; each match counts a hit and lays its actions over the
 * earlier ones; a match with {@code apply} stops the walk. The digest is computed only if a rule needs it.
 */
public final class QueryRules {
    private final List<Rule> rules;
    private final boolean needsDigest;

    private record Rule(QueryRuleConfig config, String clientAddress, Pattern text, Pattern digestText, Long digestHash,
                        LongAdder hits) {
    }

    /** The statement and session a decision is made for; {@code clientAddress} as {@link #canonicalAddress} writes it. */
    public record Input(String user, String schema, String clientAddress, String sql, Supplier<QueryDigest> digest) {
    }

    public QueryRules(List<QueryRuleConfig> configs) {
        List<Rule> compiled = new ArrayList<>();
        for (QueryRuleConfig rule : configs.stream().sorted(Comparator.comparingInt(QueryRuleConfig::id)).toList()) {
            if (rule.active()) {
                compiled.add(new Rule(rule, canonicalAddress(rule.clientAddress()), compile(rule.matchPattern()), compile(rule.matchDigest()),
                        rule.digest() == null ? null : Long.parseUnsignedLong(rule.digest(), 16), new LongAdder()));
            }
        }
        this.rules = List.copyOf(compiled);
        this.needsDigest = rules.stream().anyMatch(r -> r.digestText() != null || r.digestHash() != null);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** True if some rule matches on the digest, so every statement's digest is needed. */
    public boolean needsDigest() {
        return needsDigest;
    }

    public RuleDecision evaluate(Input input) {
        if (rules.isEmpty()) {
            return RuleDecision.NONE;
        }
        Integer destination = null;
        String error = null;
        long timeout = 0;
        Boolean multiplex = null;
        int matched = 0;
        for (Rule rule : rules) {
            if (!matches(rule, input)) {
                continue;
            }
            rule.hits().increment();
            QueryRuleConfig c = rule.config();
            matched = c.id();
            destination = c.destinationHostgroup() != null ? c.destinationHostgroup() : destination;
            error = c.errorMessage() != null ? c.errorMessage() : error;
            timeout = c.timeoutMs() > 0 ? c.timeoutMs() : timeout;
            multiplex = c.multiplex() != null ? c.multiplex() : multiplex;
            if (c.apply()) {
                break;
            }
        }
        return matched == 0 ? RuleDecision.NONE : new RuleDecision(destination, error, timeout, multiplex, matched);
    }

    /** Hits per rule id, in evaluation order. */
    public Map<Integer, Long> hits() {
        Map<Integer, Long> hits = new LinkedHashMap<>();
        rules.forEach(r -> hits.put(r.config().id(), r.hits().sum()));
        return hits;
    }

    private static boolean matches(Rule rule, Input in) {
        QueryRuleConfig c = rule.config();
        return (c.user() == null || c.user().equals(in.user()))
                && (c.schema() == null || c.schema().equals(in.schema()))
                && (rule.clientAddress() == null || rule.clientAddress().equals(in.clientAddress()))
                && (rule.text() == null || rule.text().matcher(in.sql()).find())
                && (rule.digestHash() == null || rule.digestHash() == in.digest().get().hash())
                && (rule.digestText() == null || rule.digestText().matcher(in.digest().get().text()).find());
    }

    /**
     * An IP literal in one spelling ({@code ::1} and {@code 0:0:0:0:0:0:0:1} alike), as
     * {@link java.net.InetAddress#getHostAddress()} writes it; literals only, so no name lookup happens.
     */
    public static String canonicalAddress(String literal) {
        if (literal == null) {
            return null;
        }
        try {
            return java.net.InetAddress.getByName(literal).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + literal, e);
        }
    }

    private static Pattern compile(String regex) {
        return regex == null ? null : Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }
}
