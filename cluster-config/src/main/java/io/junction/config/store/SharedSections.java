package io.junction.config.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.config.ConfigLoader;
import io.junction.config.ConfigReader;
import io.junction.config.ConfigValidator;
import io.junction.config.ConfigWriter;
import io.junction.config.InvalidConfigException;
import io.junction.config.JunctionConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Which sections of a config the cluster shares and which each node keeps for itself. The shared part (hostgroups,
 * servers, users, limits, timeouts, query rules, replication hostgroups, the monitor, and the version) is what the
 * {@link ConfigStore} holds and what changes edit; the node-local part (listener, admin, tls, cluster) says where this
 * node listens, who may administer it, its certificates and how it joins: it never travels.
 *
 * <p>The shared part's JSON is the config file's own shape ({@link ConfigWriter}'s tree) with only the shared keys.
 */
public final class SharedSections {
    /** Keys of the sections every node of a cluster shares, in file order. */
    public static final List<String> SHARED = List.of("hostgroups", "servers", "users", "limits", "timeouts",
            "query_rules", "replication_hostgroups", "monitor");
    /** Keys of the sections each node keeps for itself. */
    public static final List<String> NODE_LOCAL = List.of("listener", "admin", "tls", "cluster");

    private static final ObjectMapper JSON = new ObjectMapper();

    private SharedSections() {
    }

    /** The node's config to run: {@code local}'s node sections with {@code shared}'s shared sections and version. */
    public static JunctionConfig merge(JunctionConfig local, JunctionConfig shared) {
        return new JunctionConfig(shared.version(), local.listener(), local.admin(), shared.hostgroups(),
                shared.servers(), shared.users(), shared.limits(), shared.timeouts(), shared.queryRules(),
                shared.replicationHostgroups(), shared.monitor(), local.tls(), local.cluster());
    }

    /** {@code config} with its node sections set to the defaults: what the store holds of it. */
    public static JunctionConfig sharedPart(JunctionConfig config) {
        return merge(ConfigLoader.defaults(), config);
    }

    /** The version and the shared sections as a tree, in the config file's shape. */
    public static ObjectNode tree(JunctionConfig config) {
        ObjectNode all = ConfigWriter.tree(config);
        ObjectNode shared = JSON.createObjectNode();
        shared.set("version", all.get("version"));
        SHARED.forEach(key -> shared.set(key, all.get(key)));
        return shared;
    }

    /** {@link #tree} as compact JSON. */
    public static String json(JunctionConfig config) {
        return tree(config).toString();
    }

    /**
     * Reads a shared tree and validates it ({@link ConfigValidator#validateShared}); missing sections take the
     * built-in defaults, node sections are defaults.
     *
     * @throws InvalidConfigException listing every problem, including node-local sections that have no place here
     */
    public static JunctionConfig read(JsonNode tree) {
        List<String> problems = new ArrayList<>();
        if (tree != null && tree.isObject()) {
            NODE_LOCAL.stream().filter(tree::has).forEach(key -> problems.add(key
                    + ": a node-local section (expected: only version and " + String.join(", ", SHARED) + ")"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        JunctionConfig config = ConfigReader.read(tree);
        List<String> invalid = ConfigValidator.validateShared(config);
        if (!invalid.isEmpty()) {
            throw new InvalidConfigException(invalid);
        }
        return config;
    }

    /** {@link #read} of a JSON text. */
    public static JunctionConfig parse(String json) {
        try {
            return read(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new InvalidConfigException(List.of("(json): " + e.getOriginalMessage() + " (expected: valid JSON)"));
        }
    }
}
