package io.junction.config;

/** Builds a {@link QueryRuleConfig} by key name, so a test shows only the keys it is about. */
final class RuleBuilder {
    private final int id;
    private boolean active = true;
    private String user;
    private String schema;
    private String clientAddress;
    private String matchPattern;
    private String matchDigest;
    private String digest;
    private Integer destinationHostgroup;
    private String errorMessage;
    private long timeoutMs;
    private Boolean multiplex;
    private boolean apply;

    RuleBuilder(int id) {
        this.id = id;
    }

    RuleBuilder active(boolean value) {
        active = value;
        return this;
    }

    RuleBuilder user(String value) {
        user = value;
        return this;
    }

    RuleBuilder schema(String value) {
        schema = value;
        return this;
    }

    RuleBuilder clientAddress(String value) {
        clientAddress = value;
        return this;
    }

    RuleBuilder matchPattern(String value) {
        matchPattern = value;
        return this;
    }

    RuleBuilder matchDigest(String value) {
        matchDigest = value;
        return this;
    }

    RuleBuilder digest(String value) {
        digest = value;
        return this;
    }

    RuleBuilder destinationHostgroup(Integer value) {
        destinationHostgroup = value;
        return this;
    }

    RuleBuilder errorMessage(String value) {
        errorMessage = value;
        return this;
    }

    RuleBuilder timeoutMs(long value) {
        timeoutMs = value;
        return this;
    }

    RuleBuilder multiplex(Boolean value) {
        multiplex = value;
        return this;
    }

    RuleBuilder apply(boolean value) {
        apply = value;
        return this;
    }

    QueryRuleConfig build() {
        return new QueryRuleConfig(id, active, user, schema, clientAddress, matchPattern, matchDigest, digest,
                destinationHostgroup, errorMessage, timeoutMs, multiplex, apply);
    }
}
