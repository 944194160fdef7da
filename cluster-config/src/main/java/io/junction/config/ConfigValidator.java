package io.junction.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks a {@link JunctionConfig} against the ranges Junction supports and for references that lead nowhere. Every
 * problem names the field path and what is allowed, in one shape: {@code listener.port: 70000 (expected: 0..65535)}.
 * Query rules and replication hostgroups are checked by {@link RoutingValidator}, the monitor by
 * {@link MonitorValidator}, TLS and authentication settings by {@link SecurityValidator}, admin credentials and the
 * cluster section by {@link NodeValidator}.
 */
public final class ConfigValidator {
    /** The mysql_native_password form, {@code *} and SHA1(SHA1(password)) in hex. */
    private static final Pattern PASSWORD_HASH = Pattern.compile("\\*[0-9A-Fa-f]{40}");
    static final int MAX_USER_NAME = 80;
    static final int MAX_SCHEMA_NAME = 64;
    static final long MAX_TIMEOUT_MS = 86_400_000;
    private static final int MAX_REPLICATION_LAG_SECONDS = 86_400;
    private static final int MAX_LATENCY_MS = 600_000;

    private final Checks checks = new Checks();
    private final boolean sharedOnly;

    private ConfigValidator(boolean sharedOnly) {
        this.sharedOnly = sharedOnly;
    }

    /** Every problem of {@code config}; empty when it can be used. */
    public static List<String> validate(JunctionConfig config) {
        ConfigValidator validator = new ConfigValidator(false);
        validator.check(config);
        return validator.checks.problems();
    }

    /**
     * Every problem of the sections a cluster shares (see {@code config.store.SharedSections}), ignoring the
     * node-local ones (listener, admin, tls, cluster) and the checks that need them: whether a user's
     * {@code require_tls} can be met depends on the TLS section of each node, so a node checks that when it merges
     * the shared config with its own sections, with {@link #validate}.
     */
    public static List<String> validateShared(JunctionConfig config) {
        ConfigValidator validator = new ConfigValidator(true);
        validator.check(config);
        return validator.checks.problems();
    }

    /** Returns {@code config} if it is valid, else throws {@link InvalidConfigException} with every problem. */
    public static JunctionConfig requireValid(JunctionConfig config) {
        List<String> problems = validate(config);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return config;
    }

    private void check(JunctionConfig config) {
        if (config.version() < 1) {
            checks.add(Problems.of("version", config.version(), ">= 1"));
        }
        if (!sharedOnly && checks.present("listener", config.listener())) {
            host("listener.host", config.listener().host());
            checks.range("listener.port", config.listener().port(), 0, 65535);
            checks.range("listener.event_loops", config.listener().eventLoops(), 0, 256);
            checks.range("listener.event_loop_priority", config.listener().eventLoopPriority(), -20, 19);
            if (config.listener().transport() == null) {
                checks.add(Problems.of("listener.transport", null, "one of " + NetTransport.names()));
            }
        }
        if (!sharedOnly && checks.present("admin", config.admin())) {
            host("admin.host", config.admin().host());
            checks.range("admin.port", config.admin().port(), 0, 65535);
            NodeValidator.admin(config.admin(), checks);
        }
        SortedSet<Integer> hostgroupIds = hostgroups(config.hostgroups());
        servers(config.servers(), hostgroupIds);
        if (!sharedOnly && config.listener() != null && config.listener().transport() == NetTransport.IO_URING) {
            unixSocketsUnreachable(config.servers());
        }
        users(config, hostgroupIds);
        if (checks.present("limits", config.limits())) {
            LimitsConfig limits = config.limits();
            checks.range("limits.max_client_connections", limits.maxClientConnections(), 1, 1_000_000);
            checks.range("limits.max_packet_size", limits.maxPacketSize(), 1024, 64 * 1024 * 1024);
            checks.range("limits.max_retries", limits.maxRetries(), 0, 10);
        }
        if (checks.present("timeouts", config.timeouts())) {
            TimeoutsConfig timeouts = config.timeouts();
            checks.range("timeouts.handshake_ms", timeouts.handshakeMs(), 1, MAX_TIMEOUT_MS);
            checks.range("timeouts.connect_ms", timeouts.connectMs(), 1, MAX_TIMEOUT_MS);
            checks.range("timeouts.pool_wait_ms", timeouts.poolWaitMs(), 1, MAX_TIMEOUT_MS);
            checks.range("timeouts.idle_ping_ms", timeouts.idlePingMs(), 1, MAX_TIMEOUT_MS);
            checks.range("timeouts.max_age_ms", timeouts.maxAgeMs(), 1, MAX_TIMEOUT_MS);
            checks.range("timeouts.client_idle_ms", timeouts.clientIdleMs(), 0, MAX_TIMEOUT_MS);
        }
        RoutingValidator routing = new RoutingValidator(checks, hostgroupIds);
        routing.queryRules(config.queryRules());
        routing.replicationHostgroups(config.replicationHostgroups());
        if (checks.present("monitor", config.monitor())) {
            MonitorValidator.check(config.monitor(), checks);
        }
        if (!sharedOnly && checks.present("tls", config.tls())) {
            SecurityValidator.tls(config.tls(), checks);
        }
        if (!sharedOnly && checks.present("cluster", config.cluster())) {
            NodeValidator.cluster(config.cluster(), checks);
        }
    }

    /** Checks the hostgroups and returns their ids. */
    private SortedSet<Integer> hostgroups(List<HostgroupConfig> hostgroups) {
        SortedSet<Integer> ids = new TreeSet<>();
        for (int i = 0; i < hostgroups.size(); i++) {
            HostgroupConfig hostgroup = hostgroups.get(i);
            String path = "hostgroups[" + i + "]";
            checks.range(path + ".id", hostgroup.id(), 0, Integer.MAX_VALUE);
            if (!ids.add(hostgroup.id())) {
                checks.add(Problems.of(path + ".id", hostgroup.id(), "an id no other hostgroup has"));
            }
            if (hostgroup.name() == null || hostgroup.name().isEmpty()) {
                checks.add(Problems.of(path + ".name", hostgroup.name(), "a non-empty name"));
            }
        }
        return ids;
    }

    /** Vert.x 5.0's io_uring transport cannot connect to a Unix socket. */
    private void unixSocketsUnreachable(List<ServerConfig> servers) {
        for (int i = 0; i < servers.size(); i++) {
            if (servers.get(i).unixSocket()) {
                checks.add(Problems.of("servers[" + i + "].host", servers.get(i).host(),
                        "a host name or IP address (listener.transport io_uring has no Unix sockets)"));
            }
        }
    }

    private void servers(List<ServerConfig> servers, SortedSet<Integer> hostgroupIds) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < servers.size(); i++) {
            ServerConfig server = servers.get(i);
            String path = "servers[" + i + "]";
            host(path + ".host", server.host(), "a host name, IP address or Unix socket path");
            if (!server.unixSocket()) {
                checks.range(path + ".port", server.port(), 1, 65535);
            } else if (server.port() != 0) {
                checks.add(Problems.of(path + ".port", server.port(), "0 with a Unix socket path as host"));
            }
            checks.hostgroupReference(path + ".hostgroup", server.hostgroup(), hostgroupIds);
            checks.range(path + ".weight", server.weight(), 1, 1_000_000);
            checks.range(path + ".max_connections", server.maxConnections(), 1, 100_000);
            checks.range(path + ".max_replication_lag", server.maxReplicationLagSeconds(), 0,
                    MAX_REPLICATION_LAG_SECONDS);
            checks.range(path + ".max_latency_ms", server.maxLatencyMs(), 0, MAX_LATENCY_MS);
            if (server.status() == null) {
                checks.add(Problems.of(path + ".status", null, "one of " + List.of(ServerStatus.values())));
            }
            SecurityValidator.server(path, server, checks);
            String identity = server.address() + " in hostgroup " + server.hostgroup();
            Integer first = seen.putIfAbsent(identity, i);
            if (first != null) {
                checks.add(Problems.described(path, identity + ", like servers[" + first + "]",
                        "each host:port at most once per hostgroup"));
            }
        }
    }

    private void users(JunctionConfig config, SortedSet<Integer> hostgroupIds) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < config.users().size(); i++) {
            UserConfig user = config.users().get(i);
            String path = "users[" + i + "]";
            if (user.name() == null || !Checks.within(user.name(), MAX_USER_NAME)) {
                checks.add(Problems.of(path + ".name", user.name(), "1.." + MAX_USER_NAME + " characters"));
            } else if (!names.add(user.name())) {
                checks.add(Problems.of(path + ".name", user.name(), "a name no other user has"));
            }
            password(path, user);
            if (checks.hostgroupReference(path + ".default_hostgroup", user.defaultHostgroup(), hostgroupIds)
                    && config.serversIn(user.defaultHostgroup()).isEmpty()) {
                checks.add(Problems.of(path + ".default_hostgroup", user.defaultHostgroup(),
                        "a hostgroup with at least one server"));
            }
            if (user.defaultSchema() != null && !Checks.within(user.defaultSchema(), MAX_SCHEMA_NAME)) {
                checks.add(Problems.of(path + ".default_schema", user.defaultSchema(),
                        "1.." + MAX_SCHEMA_NAME + " characters, or no default_schema"));
            }
            checks.range(path + ".max_connections", user.maxConnections(), 1, 1_000_000);
            checks.range(path + ".max_backend_connections", user.maxBackendConnections(), 0, 1_000_000);
            if (!user.transactionPersistent()) {
                checks.add(Problems.of(path + ".transaction_persistent", false,
                        "true; transactions always stay on the connection they started on"));
            }
            SecurityValidator.user(path, user, sharedOnly ? null : config.tls(), checks);
        }
    }

    private void password(String path, UserConfig user) {
        String hash = user.passwordHash();
        if (user.password() == null && hash == null && !UserConfig.CLIENT_ED25519.equals(user.authPlugin())) {
            checks.add(Problems.described(path, "neither password nor password_hash is set", "one of them"));
        } else if (hash != null && !PASSWORD_HASH.matcher(hash).matches()) {
            checks.add(Problems.of(path + ".password_hash", hash, "\"*\" followed by 40 hex digits"));
        } else if (hash != null && user.password() != null
                && !hash.equalsIgnoreCase(nativePasswordHash(user.password()))) {
            checks.add(Problems.of(path + ".password_hash", hash, "the hash of password, or no password_hash"));
        }
    }

    private void host(String path, String host) {
        host(path, host, "a host name or IP address");
    }

    private void host(String path, String host, String expected) {
        if (host == null || host.isEmpty()) {
            checks.add(Problems.of(path, host, expected));
        }
    }

    /** {@code *} and SHA1(SHA1(password)) in upper-case hex, as MySQL's mysql_native_password stores it. */
    private static String nativePasswordHash(String password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] once = sha1.digest(password.getBytes(StandardCharsets.UTF_8));
            return "*" + HexFormat.of().withUpperCase().formatHex(sha1.digest(once));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
