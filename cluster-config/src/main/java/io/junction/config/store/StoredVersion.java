package io.junction.config.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.config.ConfigReader;
import io.junction.config.InvalidConfigException;
import io.junction.config.JunctionConfig;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A committed version as one JSON string, the form the store keeps in the cluster map and the state file:
 * {@code {"version": n, "committed_at": "...", "author": "...", "comment": "...", "config": {shared sections}}}.
 * Strings compare equal exactly when the versions do, which the store's compare-and-set relies on.
 */
final class StoredVersion {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredVersion() {
    }

    static String encode(VersionedConfig version) {
        return tree(version).toString();
    }

    /**
     * Reads what {@link #encode} wrote. The config is read but not validated again: a version once committed stays
     * readable even if a later Junction validates more strictly.
     *
     * @throws IllegalStateException if the text is not a stored version (a damaged map entry or file)
     */
    static VersionedConfig decode(String json) {
        return decode(parse(json));
    }

    /** The JSON tree of {@code json}, for a reader of a larger document holding stored versions. */
    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not a stored config version: " + e.getMessage(), e);
        }
    }

    /** {@link #decode(String)} of a tree; fields other than a stored version's are ignored. */
    static VersionedConfig decode(JsonNode root) {
        try {
            JsonNode config = root.get("config");
            if (config == null || !config.isObject() || !root.path("version").canConvertToLong()) {
                throw new IllegalStateException("not a stored config version: no version or config");
            }
            long version = root.get("version").longValue();
            VersionSummary summary = new VersionSummary(version, Instant.parse(root.path("committed_at").asText()),
                    root.path("author").asText(""), root.path("comment").asText(""));
            JunctionConfig read = ConfigReader.read(config);
            if (read.version() != version) {
                throw new IllegalStateException("stored config version " + version + " holds a config of version "
                        + read.version());
            }
            return new VersionedConfig(summary, read);
        } catch (DateTimeParseException | InvalidConfigException e) {
            throw new IllegalStateException("not a stored config version: " + e.getMessage(), e);
        }
    }

    /** The JSON tree {@link #encode} writes, for a writer of a larger document holding stored versions. */
    static ObjectNode tree(VersionedConfig version) {
        if (version.config().version() != version.version()) {
            throw new IllegalArgumentException("version " + version.version() + " holds a config of version "
                    + version.config().version());
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("version", version.version());
        root.put("committed_at", version.summary().committedAt().toString());
        root.put("author", version.summary().author());
        root.put("comment", version.summary().comment());
        root.set("config", SharedSections.tree(version.config()));
        return root;
    }
}
