package io.junction.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where a node's {@link JunctionConfig} comes from: a YAML file (see {@code docs/junction.example.yaml}), the built-in
 * default, and {@code JUNCTION_*} environment variables on top of either. Every config returned has been validated.
 */
public final class ConfigLoader {
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            // No MINIMIZE_QUOTES: it writes strings such as "123456" or "0x1F" bare, and they read back as numbers.
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    private ConfigLoader() {
    }

    /**
     * Reads and validates a YAML config file (UTF-8). Blocking: call off the event loop.
     *
     * @throws InvalidConfigException listing every problem of the file
     * @throws UncheckedIOException if the file cannot be read
     */
    public static JunctionConfig load(Path yamlFile) {
        try {
            return parse(Files.readString(yamlFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config file " + yamlFile, e);
        }
    }

    /**
     * Parses and validates a YAML config. Missing keys take their defaults; an empty document is {@link #defaults()}.
     *
     * @throws InvalidConfigException listing every problem: bad YAML, unknown keys, wrong types, then invalid values
     */
    public static JunctionConfig parse(String yaml) {
        return ConfigValidator.requireValid(ConfigReader.read(tree(yaml)));
    }

    /**
     * The built-in config: listener on 0.0.0.0:6033, admin on 127.0.0.1:6080, hostgroup 0 "writer" holding one server
     * at 127.0.0.1:3306, default limits and timeouts, version 1, no query rules, no replication hostgroups, the
     * monitor off ({@link MonitorConfig#DEFAULT}), no TLS toward clients, and <b>no users</b>: a node started with it listens, but nobody
     * can log in until users come from the environment ({@code JUNCTION_USER_NAME}, ...) or the cluster.
     */
    public static JunctionConfig defaults() {
        return new JunctionConfig(1, ListenerConfig.DEFAULT, AdminConfig.DEFAULT,
                List.of(new HostgroupConfig(0, "writer")),
                List.of(ServerConfig.of("127.0.0.1", ServerConfig.DEFAULT_PORT, 0)),
                List.of(), LimitsConfig.DEFAULT, TimeoutsConfig.DEFAULT,
                List.of(), List.of(), MonitorConfig.DEFAULT);
    }

    /** The config as YAML that {@link #parse} reads back equal, version included. Every section must be non-null. */
    public static String toYaml(JunctionConfig config) {
        try {
            return YAML.writeValueAsString(ConfigWriter.tree(config));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a config tree as YAML", e);
        }
    }

    /**
     * {@code config} with the {@code JUNCTION_*} variables of {@code env} applied, then validated. See
     * {@code docs/junction.example.yaml} for the variable of each key; variables it does not name are ignored.
     *
     * @throws InvalidConfigException naming each variable with a value of the wrong type, or listing the problems
     *         of the resulting config
     */
    public static JunctionConfig withEnvironment(JunctionConfig config, Map<String, String> env) {
        return ConfigValidator.requireValid(EnvironmentOverrides.apply(config, env));
    }

    private static JsonNode tree(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new InvalidConfigException(List.of(syntaxProblem(e)));
        }
    }

    /** One line: where the YAML breaks and why, e.g. {@code line 3, column 2: expected <block end>, but found ...}. */
    private static String syntaxProblem(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            Mark at = yaml.getProblemMark();
            return Problems.described("line " + (at.getLine() + 1) + ", column " + (at.getColumn() + 1),
                    oneLine(yaml.getProblem()), "valid YAML");
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "yaml" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
        return Problems.described(where, oneLine(e.getOriginalMessage()), "valid YAML");
    }

    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
