package io.junction.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Applies {@code JUNCTION_*} environment variables on top of a config, so a container needs no config file for
 * simple cases. {@code JUNCTION_<SECTION>_<KEY>} sets a key of the listener, admin, limits, timeouts, monitor or tls
 * section ({@code JUNCTION_LIMITS_MAX_PACKET_SIZE}, {@code JUNCTION_MONITOR_PASSWORD}); {@code JUNCTION_SERVER_HOST}
 * and {@code JUNCTION_SERVER_PORT} set the first server; {@code JUNCTION_USER_NAME} and {@code JUNCTION_USER_PASSWORD} (and optionally
 * {@code JUNCTION_USER_SCHEMA}) add a user with defaults for everything else, replacing one of the same name.
 * {@code JUNCTION_ADMIN_USER} and {@code JUNCTION_ADMIN_PASSWORD_HASH} add an admin user (or replace the one of that
 * name), {@code JUNCTION_ADMIN_TOKEN_SHA256} an admin token named {@value #ENV_TOKEN}. {@code JUNCTION_CLUSTER_<KEY>}
 * sets a key of the cluster section, {@code JUNCTION_CLUSTER_MEMBERS} as a comma-separated list. Other variables are
 * ignored.
 */
final class EnvironmentOverrides {
    private static final String USER_NAME = "JUNCTION_USER_NAME";
    private static final String USER_PASSWORD = "JUNCTION_USER_PASSWORD";
    private static final String USER_SCHEMA = "JUNCTION_USER_SCHEMA";
    private static final String ADMIN_USER = "JUNCTION_ADMIN_USER";
    private static final String ADMIN_PASSWORD_HASH = "JUNCTION_ADMIN_PASSWORD_HASH";
    private static final String ADMIN_TOKEN = "JUNCTION_ADMIN_TOKEN_SHA256";
    /** The name of the admin token given by {@code JUNCTION_ADMIN_TOKEN_SHA256}, recorded as the author of its changes. */
    static final String ENV_TOKEN = "env";

    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    private EnvironmentOverrides(Map<String, String> env) {
        this.env = env;
    }

    /**
     * The config with the variables applied; not validated.
     *
     * @throws InvalidConfigException naming each variable whose value is not of its key's type
     */
    static JunctionConfig apply(JunctionConfig config, Map<String, String> env) {
        EnvironmentOverrides overrides = new EnvironmentOverrides(env);
        JunctionConfig result = new JunctionConfig(
                config.version(),
                overrides.listener(config.listener()),
                overrides.admin(config.admin()),
                config.hostgroups(),
                overrides.servers(config.servers()),
                overrides.users(config.users()),
                overrides.limits(config.limits()),
                overrides.timeouts(config.timeouts()),
                config.queryRules(),
                config.replicationHostgroups(),
                overrides.monitor(config.monitor()),
                overrides.tls(config.tls()),
                overrides.cluster(config.cluster()));
        if (!overrides.problems.isEmpty()) {
            throw new InvalidConfigException(overrides.problems);
        }
        return result;
    }

    private ListenerConfig listener(ListenerConfig l) {
        return new ListenerConfig(
                text("JUNCTION_LISTENER_HOST", l.host()),
                integer("JUNCTION_LISTENER_PORT", l.port()),
                integer("JUNCTION_LISTENER_EVENT_LOOPS", l.eventLoops()),
                integer("JUNCTION_LISTENER_EVENT_LOOP_PRIORITY", l.eventLoopPriority()),
                transport("JUNCTION_LISTENER_TRANSPORT", l.transport()));
    }

    private AdminConfig admin(AdminConfig a) {
        return new AdminConfig(
                text("JUNCTION_ADMIN_HOST", a.host()),
                integer("JUNCTION_ADMIN_PORT", a.port()),
                bool("JUNCTION_ADMIN_ENABLED", a.enabled()),
                adminUsers(a.users()),
                adminTokens(a.tokens()));
    }

    /** Adds the admin user, or replaces the one of the same name in place. */
    private List<AdminConfig.AdminUser> adminUsers(List<AdminConfig.AdminUser> users) {
        String name = env.get(ADMIN_USER);
        String hash = env.get(ADMIN_PASSWORD_HASH);
        if (name == null && hash == null) {
            return users;
        }
        if (name == null || hash == null) {
            problems.add(Problems.described(name == null ? ADMIN_USER : ADMIN_PASSWORD_HASH, "not set",
                    ADMIN_USER + " and " + ADMIN_PASSWORD_HASH + " set together"));
            return users;
        }
        return replacedOrAdded(users, new AdminConfig.AdminUser(name, hash.strip()), AdminConfig.AdminUser::name);
    }

    /** Adds the token named {@value #ENV_TOKEN}, or replaces the one of that name. */
    private List<AdminConfig.AdminToken> adminTokens(List<AdminConfig.AdminToken> tokens) {
        String digest = env.get(ADMIN_TOKEN);
        if (digest == null) {
            return tokens;
        }
        return replacedOrAdded(tokens, new AdminConfig.AdminToken(ENV_TOKEN, digest.strip()), AdminConfig.AdminToken::name);
    }

    private ClusterConfig cluster(ClusterConfig c) {
        String members = env.get("JUNCTION_CLUSTER_MEMBERS");
        return new ClusterConfig(
                bool("JUNCTION_CLUSTER_ENABLED", c.enabled()),
                text("JUNCTION_CLUSTER_NAME", c.name()),
                text("JUNCTION_CLUSTER_HOST", c.host()),
                integer("JUNCTION_CLUSTER_PORT", c.port()),
                members == null ? c.members() : Arrays.stream(members.split(",")).map(String::strip)
                        .filter(m -> !m.isEmpty()).toList(),
                text("JUNCTION_CLUSTER_STATE_DIR", c.stateDir()));
    }

    private static <T> List<T> replacedOrAdded(List<T> items, T item, Function<T, String> name) {
        List<T> result = new ArrayList<>(items);
        int existing = result.stream().map(name).toList().indexOf(name.apply(item));
        if (existing >= 0) {
            result.set(existing, item);
        } else {
            result.add(item);
        }
        return result;
    }

    private LimitsConfig limits(LimitsConfig l) {
        return new LimitsConfig(
                integer("JUNCTION_LIMITS_MAX_CLIENT_CONNECTIONS", l.maxClientConnections()),
                integer("JUNCTION_LIMITS_MAX_PACKET_SIZE", l.maxPacketSize()),
                bool("JUNCTION_LIMITS_LOCAL_INFILE", l.localInfile()),
                integer("JUNCTION_LIMITS_MAX_RETRIES", l.maxRetries()));
    }

    private TimeoutsConfig timeouts(TimeoutsConfig t) {
        return new TimeoutsConfig(
                longInteger("JUNCTION_TIMEOUTS_HANDSHAKE_MS", t.handshakeMs()),
                longInteger("JUNCTION_TIMEOUTS_CONNECT_MS", t.connectMs()),
                longInteger("JUNCTION_TIMEOUTS_POOL_WAIT_MS", t.poolWaitMs()),
                longInteger("JUNCTION_TIMEOUTS_IDLE_PING_MS", t.idlePingMs()),
                longInteger("JUNCTION_TIMEOUTS_MAX_AGE_MS", t.maxAgeMs()),
                longInteger("JUNCTION_TIMEOUTS_CLIENT_IDLE_MS", t.clientIdleMs()));
    }

    private MonitorConfig monitor(MonitorConfig m) {
        return new MonitorConfig(
                bool("JUNCTION_MONITOR_ENABLED", m.enabled()),
                text("JUNCTION_MONITOR_USER", m.user()),
                text("JUNCTION_MONITOR_PASSWORD", m.password()),
                longInteger("JUNCTION_MONITOR_PING_INTERVAL_MS", m.pingIntervalMs()),
                longInteger("JUNCTION_MONITOR_READ_ONLY_INTERVAL_MS", m.readOnlyIntervalMs()),
                longInteger("JUNCTION_MONITOR_REPLICATION_LAG_INTERVAL_MS", m.replicationLagIntervalMs()),
                longInteger("JUNCTION_MONITOR_CHECK_TIMEOUT_MS", m.checkTimeoutMs()),
                integer("JUNCTION_MONITOR_SHUN_AFTER_FAILURES", m.shunAfterFailures()),
                integer("JUNCTION_MONITOR_RECOVER_AFTER_SUCCESSES", m.recoverAfterSuccesses()));
    }

    private TlsConfig tls(TlsConfig t) {
        return new TlsConfig(
                bool("JUNCTION_TLS_ENABLED", t.enabled()),
                text("JUNCTION_TLS_CERTIFICATE", t.certificate()),
                text("JUNCTION_TLS_KEY", t.key()),
                longInteger("JUNCTION_TLS_RELOAD_INTERVAL_MS", t.reloadIntervalMs()),
                text("JUNCTION_TLS_RSA_KEY", t.rsaKey()));
    }

    /** Replaces host and port of the first server. */
    private List<ServerConfig> servers(List<ServerConfig> servers) {
        String hostVar = "JUNCTION_SERVER_HOST";
        String portVar = "JUNCTION_SERVER_PORT";
        if (!env.containsKey(hostVar) && !env.containsKey(portVar)) {
            return servers;
        }
        if (servers.isEmpty()) {
            problems.add(Problems.described(env.containsKey(hostVar) ? hostVar : portVar,
                    "set, but the config has no server", "a config with at least one server"));
            return servers;
        }
        ServerConfig s = servers.get(0);
        List<ServerConfig> result = new ArrayList<>(servers);
        result.set(0, new ServerConfig(text(hostVar, s.host()), integer(portVar, s.port()), s.hostgroup(), s.weight(),
                s.maxConnections(), s.status(), s.maxReplicationLagSeconds(), s.maxLatencyMs(), s.tls(), s.tlsCa()));
        return result;
    }

    /** Adds the user, or replaces the user of the same name in place. */
    private List<UserConfig> users(List<UserConfig> users) {
        String name = env.get(USER_NAME);
        String password = env.get(USER_PASSWORD);
        if (name == null && password == null && !env.containsKey(USER_SCHEMA)) {
            return users;
        }
        if (name == null || password == null) {
            String missing = name == null ? USER_NAME : USER_PASSWORD;
            problems.add(Problems.described(missing, "not set",
                    USER_NAME + " and " + USER_PASSWORD + " set together"));
            return users;
        }
        return replacedOrAdded(users, UserConfig.withPassword(name, password, env.get(USER_SCHEMA)), UserConfig::name);
    }

    private String text(String variable, String fallback) {
        return env.getOrDefault(variable, fallback);
    }

    private int integer(String variable, int fallback) {
        String value = env.get(variable);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            problems.add(Problems.of(variable, value, "an integer"));
            return fallback;
        }
    }

    private long longInteger(String variable, long fallback) {
        String value = env.get(variable);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            problems.add(Problems.of(variable, value, "an integer"));
            return fallback;
        }
    }

    private NetTransport transport(String variable, NetTransport fallback) {
        String value = env.get(variable);
        if (value == null) {
            return fallback;
        }
        NetTransport transport = NetTransport.parse(value.strip());
        if (transport == null) {
            problems.add(Problems.of(variable, value, "one of " + NetTransport.names()));
            return fallback;
        }
        return transport;
    }

    private boolean bool(String variable, boolean fallback) {
        String value = env.get(variable);
        if (value == null) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                problems.add(Problems.of(variable, value, "true or false"));
                yield fallback;
            }
        };
    }
}
