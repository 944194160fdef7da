package io.junction.config.store;

import io.junction.config.JunctionConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changed between two versions of the shared config, for {@code GET /api/v1/config/diff?from=&to=}: per list
 * section the items added, removed and changed (matched by {@link Section#keyOf}), and the variables of limits,
 * timeouts and monitor whose value changed. Items are in the config file's shape. {@link #toJson} hides secrets.
 *
 * @param sections only the sections with a change, in file order
 */
public record ConfigDiff(long fromVersion, long toVersion, List<SectionChanges> sections,
                         List<VariableChange> variables) {
    /** What {@link #toJson} shows instead of a password, password hash or Ed25519 key. */
    public static final String HIDDEN = "(hidden)";
    private static final List<String> SECRET_FIELDS = List.of("password", "password_hash", "password_ed25519");
    private static final Set<String> SECRET_VARIABLES = Set.of("monitor.password");

    public ConfigDiff {
        sections = List.copyOf(sections);
        variables = List.copyOf(variables);
    }

    /** The items of one section that were added, removed, or kept their key but changed. */
    public record SectionChanges(Section section, List<JsonObject> added, List<JsonObject> removed,
                                 List<ItemChange> changed) {
        public SectionChanges {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            changed = List.copyOf(changed);
        }
    }

    /** One item under the same key before and after, and the names of its fields that differ. */
    public record ItemChange(String key, List<String> fields, JsonObject from, JsonObject to) {
        public ItemChange {
            fields = List.copyOf(fields);
        }
    }

    /** A variable ({@code limits.max_retries}) and its JSON values before and after. */
    public record VariableChange(String name, Object from, Object to) {
    }

    public static ConfigDiff between(VersionedConfig from, VersionedConfig to) {
        return between(from.config(), to.config());
    }

    public static ConfigDiff between(JunctionConfig from, JunctionConfig to) {
        JsonObject before = new JsonObject(SharedSections.json(from));
        JsonObject after = new JsonObject(SharedSections.json(to));
        List<SectionChanges> sections = new ArrayList<>();
        for (Section section : Section.values()) {
            SectionChanges changes = section(section, before.getJsonArray(section.key()),
                    after.getJsonArray(section.key()));
            if (!changes.added().isEmpty() || !changes.removed().isEmpty() || !changes.changed().isEmpty()) {
                sections.add(changes);
            }
        }
        List<VariableChange> variables = new ArrayList<>();
        for (String name : ChangeApplier.VARIABLE_SECTIONS) {
            variables(name, before.getJsonObject(name), after.getJsonObject(name), variables);
        }
        return new ConfigDiff(from.version(), to.version(), sections, variables);
    }

    public boolean isEmpty() {
        return sections.isEmpty() && variables.isEmpty();
    }

    /**
     * {@code {"from": 3, "to": 5, "sections": {"servers": {"added": [...], "removed": [...], "changed": [{"key",
     * "fields", "from", "to"}]}}, "variables": [{"name", "from", "to"}]}}, with every password, password hash and
     * Ed25519 key shown as {@value #HIDDEN} (a changed one is still listed in {@code fields}).
     */
    public JsonObject toJson() {
        JsonObject sectionsJson = new JsonObject();
        for (SectionChanges s : sections) {
            JsonArray changed = new JsonArray();
            s.changed().forEach(c -> changed.add(new JsonObject().put("key", c.key())
                    .put("fields", new JsonArray(c.fields())).put("from", hidden(c.from())).put("to", hidden(c.to()))));
            sectionsJson.put(s.section().key(), new JsonObject()
                    .put("added", new JsonArray(s.added().stream().map(ConfigDiff::hidden).toList()))
                    .put("removed", new JsonArray(s.removed().stream().map(ConfigDiff::hidden).toList()))
                    .put("changed", changed));
        }
        JsonArray variablesJson = new JsonArray();
        variables.forEach(v -> {
            boolean secret = SECRET_VARIABLES.contains(v.name());
            variablesJson.add(new JsonObject().put("name", v.name())
                    .put("from", secret ? HIDDEN : v.from()).put("to", secret ? HIDDEN : v.to()));
        });
        return new JsonObject().put("from", fromVersion).put("to", toVersion).put("sections", sectionsJson)
                .put("variables", variablesJson);
    }

    private static SectionChanges section(Section section, JsonArray before, JsonArray after) {
        Map<String, List<JsonObject>> from = byKey(section, before);
        Map<String, List<JsonObject>> to = byKey(section, after);
        List<JsonObject> added = new ArrayList<>();
        List<JsonObject> removed = new ArrayList<>();
        List<ItemChange> changed = new ArrayList<>();
        from.forEach((key, items) -> {
            if (!to.containsKey(key)) {
                removed.addAll(items);
            }
        });
        to.forEach((key, items) -> {
            List<JsonObject> old = from.get(key);
            if (old == null) {
                added.addAll(items);
            } else if (old.size() == 1 && items.size() == 1 && !old.equals(items)) {
                changed.add(new ItemChange(key, fields(old.get(0), items.get(0)), old.get(0), items.get(0)));
            } else if (!old.equals(items)) {
                removed.addAll(old);
                added.addAll(items);
            }
        });
        return new SectionChanges(section, added, removed, changed);
    }

    /** Items by key, in list order; a server listed in several hostgroups has several items under one key. */
    private static Map<String, List<JsonObject>> byKey(Section section, JsonArray items) {
        Map<String, List<JsonObject>> result = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            JsonObject item = items.getJsonObject(i);
            result.computeIfAbsent(section.keyOf(item), k -> new ArrayList<>()).add(item);
        }
        return result;
    }

    private static List<String> fields(JsonObject from, JsonObject to) {
        Set<String> names = new LinkedHashSet<>(to.fieldNames());
        names.addAll(from.fieldNames());
        return names.stream().filter(n -> !Objects.equals(from.getValue(n), to.getValue(n))).toList();
    }

    private static void variables(String section, JsonObject before, JsonObject after, List<VariableChange> out) {
        Set<String> names = new LinkedHashSet<>(after.fieldNames());
        names.addAll(before.fieldNames());
        for (String name : names) {
            if (!Objects.equals(before.getValue(name), after.getValue(name))) {
                out.add(new VariableChange(section + "." + name, before.getValue(name), after.getValue(name)));
            }
        }
    }

    private static JsonObject hidden(JsonObject item) {
        JsonObject copy = item.copy();
        SECRET_FIELDS.stream().filter(copy::containsKey).forEach(f -> copy.put(f, HIDDEN));
        return copy;
    }
}
