package io.junction.config;

/**
 * One query rule: rules are evaluated in ascending {@code id} order; every match criterion that is set must hold
 * (an unset one matches anything). The actions of every matching rule apply, later ones overriding earlier ones,
 * until a matching rule has {@code apply} set.
 *
 * @param id order of evaluation, unique
 * @param active inactive rules are skipped
 * @param user match: the session's user, or null
 * @param schema match: the session's current schema, or null
 * @param clientAddress match: the client's IP address, or null
 * @param matchPattern match: a regular expression (Java syntax, case-insensitive) found in the statement text, or null
 * @param matchDigest match: a regular expression found in the statement's digest text (literals replaced by ?), or null
 * @param digest match: the digest hash as 16 hex digits, or null
 * @param destinationHostgroup action: route to this hostgroup, or null to keep the user's default
 * @param errorMessage action: refuse the statement with this message (error 1148, SQLSTATE 42000) without touching
 *        a backend, or null
 * @param timeoutMs action: kill the statement on the backend after this long, 0 = no limit
 * @param multiplex action: false keeps the session on its connection after the statement (a pin), null = no change
 * @param apply stop evaluating later rules after this one matches
 */
public record QueryRuleConfig(
        int id,
        boolean active,
        String user,
        String schema,
        String clientAddress,
        String matchPattern,
        String matchDigest,
        String digest,
        Integer destinationHostgroup,
        String errorMessage,
        long timeoutMs,
        Boolean multiplex,
        boolean apply) {
}
