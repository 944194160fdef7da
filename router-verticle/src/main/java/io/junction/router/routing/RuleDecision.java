package io.junction.router.routing;

/**
 * What the query rules decided for one statement.
 *
 * @param destinationHostgroup where to route it, or null for the user's default hostgroup
 * @param errorMessage refuse it with this message without touching a backend, or null
 * @param timeoutMs kill it on the backend after this long; 0 = no limit
 * @param multiplex false pins the session after it, true overrides the statement text's own pin, null = neither
 * @param ruleId the last rule that matched, 0 if none
 */
public record RuleDecision(Integer destinationHostgroup, String errorMessage, long timeoutMs, Boolean multiplex, int ruleId) {
    public static final RuleDecision NONE = new RuleDecision(null, null, 0, null, 0);
}
