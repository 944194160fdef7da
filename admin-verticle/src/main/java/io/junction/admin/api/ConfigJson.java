package io.junction.admin.api;

import io.junction.config.JunctionConfig;
import io.junction.config.store.Section;
import io.junction.config.store.SharedSections;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shared config as the API reads it: the config file's own tree (snake_case keys, every field written, see
 * {@code docs/junction.example.yaml}) cut to the sections a cluster shares ({@link SharedSections}). Items read here and items written
 * through the API have the same shape. The trees here still hold secrets: {@link Secrets} masks them before any
 * leaves the node.
 */
public final class ConfigJson {
    /** Sections whose keys are set one by one as variables named {@code section.key}. */
    public static final List<String> VARIABLE_SECTIONS = List.of("limits", "timeouts", "monitor");

    private ConfigJson() {
    }

    /** The version and the shared sections of {@code config} ({@link SharedSections#tree}), secrets included. */
    public static JsonObject shared(JunctionConfig config) {
        return new JsonObject(SharedSections.json(config));
    }

    /** The items of one list section, in config order. */
    public static List<JsonObject> items(JsonObject shared, Section section) {
        JsonArray array = shared.getJsonArray(section.key(), new JsonArray());
        return array.stream().map(JsonObject.class::cast).toList();
    }

    /** The item of {@code section} whose key ({@link Section#keyOf}) is {@code key}. */
    public static Optional<JsonObject> item(JsonObject shared, Section section, String key) {
        return items(shared, section).stream().filter(i -> key.equals(section.keyOf(i))).findFirst();
    }

    /** Every variable, named {@code section.key}, with its value in force, in config order. */
    public static Map<String, Object> variables(JsonObject shared) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (String section : VARIABLE_SECTIONS) {
            shared.getJsonObject(section, new JsonObject())
                    .forEach(e -> variables.put(section + "." + e.getKey(), e.getValue()));
        }
        return variables;
    }

    /** The section a path segment names: its config key, or the same with '-' for '_' ({@code query-rules}). */
    public static Optional<Section> section(String name) {
        for (Section s : Section.values()) {
            if (s.key().equals(name) || s.key().replace('_', '-').equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The API path of a section under {@code /api/v1}: its key with '-' for '_'. */
    public static String path(Section section) {
        return "/" + section.key().replace('_', '-');
    }
}
