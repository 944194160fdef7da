package io.junction.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a parsed YAML tree into a {@link JunctionConfig}: the schema of the config file. Keys are snake_case; a
 * missing key (or a null value) takes its default, and a missing top-level key takes the value of
 * {@link ConfigLoader#defaults()}. Hostgroup {@code id} and {@code name}, server {@code host} and {@code hostgroup},
 * user {@code name}, query rule {@code id} and both hostgroups of a replication pair are required. Ranges and
 * cross-references are {@link ConfigValidator}'s job. Public because the cluster store reads changed trees with it.
 */
public final class ConfigReader {
    private static final List<String> TOP = List.of(
            "version", "listener", "admin", "hostgroups", "servers", "users", "limits", "timeouts", "query_rules",
            "replication_hostgroups", "monitor", "tls", "cluster");
    private static final List<String> LISTENER = List.of("host", "port", "event_loops", "event_loop_priority", "transport");
    private static final List<String> ADMIN = List.of("host", "port", "enabled", "users", "tokens");
    private static final List<String> ADMIN_USER = List.of("name", "password_hash");
    private static final List<String> ADMIN_TOKEN = List.of("name", "sha256");
    private static final List<String> CLUSTER = List.of("enabled", "name", "host", "port", "members", "state_dir");
    private static final List<String> HOSTGROUP = List.of("id", "name");
    private static final List<String> SERVER = List.of(
            "host", "port", "hostgroup", "weight", "max_connections", "status", "max_replication_lag",
            "max_latency_ms", "tls", "tls_ca");
    private static final List<String> USER = List.of("name", "password", "password_hash", "password_ed25519",
            "default_hostgroup", "default_schema", "max_connections", "max_backend_connections", "transaction_persistent",
            "auth_plugin", "require_tls");
    private static final List<String> LIMITS = List.of("max_client_connections", "max_packet_size", "local_infile",
            "max_retries");
    private static final List<String> TIMEOUTS = List.of("handshake_ms", "connect_ms", "pool_wait_ms", "idle_ping_ms",
            "max_age_ms", "client_idle_ms");
    private static final List<String> QUERY_RULE = List.of("id", "active", "user", "schema", "client_address",
            "match_pattern", "match_digest", "digest", "destination_hostgroup", "error_message", "timeout_ms",
            "multiplex", "apply");
    private static final List<String> REPLICATION_HOSTGROUP = List.of("writer_hostgroup", "reader_hostgroup",
            "writer_is_also_reader");
    private static final List<String> TLS = List.of("enabled", "certificate", "key", "reload_interval_ms", "rsa_key");
    private static final List<String> MONITOR = List.of("enabled", "user", "password", "ping_interval_ms",
            "read_only_interval_ms", "replication_lag_interval_ms", "check_timeout_ms", "shun_after_failures",
            "recover_after_successes");

    private ConfigReader() {
    }

    /**
     * @param root the parsed document; null or a missing node (an empty document) means all defaults
     * @throws InvalidConfigException listing every unknown key, wrongly typed value and missing required key
     */
    public static JunctionConfig read(JsonNode root) {
        boolean empty = root == null || root.isMissingNode() || root.isNull();
        JsonNode top = empty ? JsonNodeFactory.instance.objectNode() : root;
        if (!top.isObject()) {
            String problem = Problems.described("(top level)", YamlMapping.shown(top), "a mapping");
            throw new InvalidConfigException(List.of(problem));
        }
        List<String> problems = new ArrayList<>();
        JunctionConfig config = config(new YamlMapping("", top, TOP, problems));
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return config;
    }

    private static JunctionConfig config(YamlMapping top) {
        JunctionConfig d = ConfigLoader.defaults();
        return new JunctionConfig(
                top.longInteger("version", d.version()),
                top.section("listener", LISTENER, ConfigReader::listener, d.listener()),
                top.section("admin", ADMIN, ConfigReader::admin, d.admin()),
                top.list("hostgroups", HOSTGROUP, ConfigReader::hostgroup, d.hostgroups()),
                top.list("servers", SERVER, ConfigReader::server, d.servers()),
                top.list("users", USER, ConfigReader::user, d.users()),
                top.section("limits", LIMITS, ConfigReader::limits, d.limits()),
                top.section("timeouts", TIMEOUTS, ConfigReader::timeouts, d.timeouts()),
                top.list("query_rules", QUERY_RULE, ConfigReader::queryRule, d.queryRules()),
                top.list("replication_hostgroups", REPLICATION_HOSTGROUP, ConfigReader::replicationHostgroup,
                        d.replicationHostgroups()),
                top.section("monitor", MONITOR, ConfigReader::monitor, d.monitor()),
                top.section("tls", TLS, ConfigReader::tls, d.tls()),
                top.section("cluster", CLUSTER, ConfigReader::cluster, d.cluster()));
    }

    private static ListenerConfig listener(YamlMapping m) {
        ListenerConfig d = ListenerConfig.DEFAULT;
        return new ListenerConfig(m.text("host", d.host()), m.integer("port", d.port()),
                m.integer("event_loops", d.eventLoops()), m.integer("event_loop_priority", d.eventLoopPriority()),
                m.transport("transport", d.transport()));
    }

    private static AdminConfig admin(YamlMapping m) {
        AdminConfig d = AdminConfig.DEFAULT;
        return new AdminConfig(m.text("host", d.host()), m.integer("port", d.port()), m.bool("enabled", d.enabled()),
                m.list("users", ADMIN_USER, ConfigReader::adminUser, d.users()),
                m.list("tokens", ADMIN_TOKEN, ConfigReader::adminToken, d.tokens()));
    }

    private static AdminConfig.AdminUser adminUser(YamlMapping m) {
        return new AdminConfig.AdminUser(m.requiredText("name"), m.requiredText("password_hash"));
    }

    private static AdminConfig.AdminToken adminToken(YamlMapping m) {
        return new AdminConfig.AdminToken(m.requiredText("name"), m.requiredText("sha256"));
    }

    private static ClusterConfig cluster(YamlMapping m) {
        ClusterConfig d = ClusterConfig.DEFAULT;
        return new ClusterConfig(
                m.bool("enabled", d.enabled()),
                m.text("name", d.name()),
                m.text("host", d.host()),
                m.integer("port", d.port()),
                m.texts("members", d.members()),
                m.text("state_dir", d.stateDir()));
    }

    private static HostgroupConfig hostgroup(YamlMapping m) {
        return new HostgroupConfig(m.requiredInteger("id"), m.requiredText("name"));
    }

    private static ServerConfig server(YamlMapping m) {
        return new ServerConfig(
                m.requiredText("host"),
                m.integer("port", ServerConfig.DEFAULT_PORT),
                m.requiredInteger("hostgroup"),
                m.integer("weight", ServerConfig.DEFAULT_WEIGHT),
                m.integer("max_connections", ServerConfig.DEFAULT_MAX_CONNECTIONS),
                m.status("status", ServerConfig.DEFAULT_STATUS),
                m.integer("max_replication_lag", 0),
                m.integer("max_latency_ms", 0),
                m.serverTls("tls", ServerConfig.DEFAULT_TLS),
                m.text("tls_ca", null));
    }

    private static UserConfig user(YamlMapping m) {
        return new UserConfig(
                m.requiredText("name"),
                m.secret("password"),
                m.text("password_hash", null),
                m.secret("password_ed25519"),
                m.integer("default_hostgroup", UserConfig.DEFAULT_HOSTGROUP),
                m.text("default_schema", null),
                m.integer("max_connections", UserConfig.DEFAULT_MAX_CONNECTIONS),
                m.integer("max_backend_connections", UserConfig.NO_BACKEND_LIMIT),
                m.bool("transaction_persistent", UserConfig.DEFAULT_TRANSACTION_PERSISTENT),
                m.text("auth_plugin", UserConfig.DEFAULT_AUTH_PLUGIN),
                m.bool("require_tls", false));
    }

    private static TlsConfig tls(YamlMapping m) {
        TlsConfig d = TlsConfig.DEFAULT;
        return new TlsConfig(
                m.bool("enabled", d.enabled()),
                m.text("certificate", d.certificate()),
                m.text("key", d.key()),
                m.longInteger("reload_interval_ms", d.reloadIntervalMs()),
                m.text("rsa_key", d.rsaKey()));
    }

    private static LimitsConfig limits(YamlMapping m) {
        LimitsConfig d = LimitsConfig.DEFAULT;
        return new LimitsConfig(
                m.integer("max_client_connections", d.maxClientConnections()),
                m.integer("max_packet_size", d.maxPacketSize()),
                m.bool("local_infile", d.localInfile()),
                m.integer("max_retries", d.maxRetries()));
    }

    private static TimeoutsConfig timeouts(YamlMapping m) {
        TimeoutsConfig d = TimeoutsConfig.DEFAULT;
        return new TimeoutsConfig(
                m.longInteger("handshake_ms", d.handshakeMs()),
                m.longInteger("connect_ms", d.connectMs()),
                m.longInteger("pool_wait_ms", d.poolWaitMs()),
                m.longInteger("idle_ping_ms", d.idlePingMs()),
                m.longInteger("max_age_ms", d.maxAgeMs()),
                m.longInteger("client_idle_ms", d.clientIdleMs()));
    }

    private static QueryRuleConfig queryRule(YamlMapping m) {
        return new QueryRuleConfig(
                m.requiredInteger("id"),
                m.bool("active", true),
                m.text("user", null),
                m.text("schema", null),
                m.text("client_address", null),
                m.text("match_pattern", null),
                m.text("match_digest", null),
                m.text("digest", null),
                m.optionalInteger("destination_hostgroup"),
                m.text("error_message", null),
                m.longInteger("timeout_ms", 0),
                m.optionalBool("multiplex"),
                m.bool("apply", false));
    }

    private static ReplicationHostgroupConfig replicationHostgroup(YamlMapping m) {
        return new ReplicationHostgroupConfig(
                m.requiredInteger("writer_hostgroup"),
                m.requiredInteger("reader_hostgroup"),
                m.bool("writer_is_also_reader", false));
    }

    private static MonitorConfig monitor(YamlMapping m) {
        MonitorConfig d = MonitorConfig.DEFAULT;
        return new MonitorConfig(
                m.bool("enabled", d.enabled()),
                m.text("user", d.user()),
                Objects.requireNonNullElse(m.secret("password"), d.password()),
                m.longInteger("ping_interval_ms", d.pingIntervalMs()),
                m.longInteger("read_only_interval_ms", d.readOnlyIntervalMs()),
                m.longInteger("replication_lag_interval_ms", d.replicationLagIntervalMs()),
                m.longInteger("check_timeout_ms", d.checkTimeoutMs()),
                m.integer("shun_after_failures", d.shunAfterFailures()),
                m.integer("recover_after_successes", d.recoverAfterSuccesses()));
    }
}
