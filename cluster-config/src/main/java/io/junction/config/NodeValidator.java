package io.junction.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks the node-local sections that only a node uses, for {@link ConfigValidator}: the admin endpoint's users and
 * tokens, and the {@code cluster} section. Stored credentials are never quoted in a problem.
 */
final class NodeValidator {
    private static final int MAX_NAME = 80;
    /** A host name or address, then a port: {@code 10.0.0.5:5701}, {@code node-2:5701}, {@code [fd00::5]:5701}. */
    private static final Pattern MEMBER = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[^\\s:\\[\\]]+):([0-9]{1,5})");

    private NodeValidator() {
    }

    static void admin(AdminConfig admin, Checks checks) {
        List<AdminConfig.AdminUser> users = admin.users();
        names("admin.users", users, AdminConfig.AdminUser::name, checks);
        for (int i = 0; i < users.size(); i++) {
            if (!AdminPasswords.isWellFormed(users.get(i).passwordHash())) {
                checks.add(Problems.described("admin.users[" + i + "].password_hash",
                        users.get(i).passwordHash() == null ? "missing" : "not a stored password",
                        "pbkdf2-sha256:ITERATIONS:SALT:HASH, salt and hash in base64"));
            }
        }
        List<AdminConfig.AdminToken> tokens = admin.tokens();
        names("admin.tokens", tokens, AdminConfig.AdminToken::name, checks);
        for (int i = 0; i < tokens.size(); i++) {
            if (!AdminPasswords.isTokenDigest(tokens.get(i).sha256())) {
                checks.add(Problems.described("admin.tokens[" + i + "].sha256",
                        tokens.get(i).sha256() == null ? "missing" : "not a SHA-256 digest",
                        "the token's SHA-256 as 64 hex digits"));
            }
        }
    }

    static void cluster(ClusterConfig cluster, Checks checks) {
        if (cluster.name() == null || !Checks.within(cluster.name(), MAX_NAME)) {
            checks.add(Problems.of("cluster.name", cluster.name(), "1.." + MAX_NAME + " characters"));
        }
        if (cluster.host() == null || cluster.host().isBlank()) {
            checks.add(Problems.of("cluster.host", cluster.host(), "the IP address or host name of this node"));
        }
        checks.range("cluster.port", cluster.port(), 1, 65535);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < cluster.members().size(); i++) {
            String member = cluster.members().get(i);
            String path = "cluster.members[" + i + "]";
            var m = MEMBER.matcher(member);
            if (!m.matches() || Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > 65535) {
                checks.add(Problems.of(path, member, "host:port with a port in 1..65535"));
            } else if (!seen.add(member)) {
                checks.add(Problems.of(path, member, "each member once"));
            }
        }
        if (cluster.stateDir() != null && cluster.stateDir().isBlank()) {
            checks.add(Problems.of("cluster.state_dir", cluster.stateDir(), "a directory path, or no state_dir"));
        }
    }

    private static <T> void names(String path, List<T> items, Function<T, String> name, Checks checks) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String n = name.apply(items.get(i));
            if (n == null || !Checks.within(n, MAX_NAME)) {
                checks.add(Problems.of(path + "[" + i + "].name", n, "1.." + MAX_NAME + " characters"));
            } else if (!seen.add(n)) {
                checks.add(Problems.of(path + "[" + i + "].name", n, "a name no other one has"));
            }
        }
    }
}
