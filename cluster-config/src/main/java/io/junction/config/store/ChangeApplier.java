package io.junction.config.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.junction.config.ConfigReader;
import io.junction.config.ConfigValidator;
import io.junction.config.InvalidConfigException;
import io.junction.config.JunctionConfig;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies the edits of a changeset to a copy of the shared config's tree, then reads and validates the result as a
 * whole, as if it were a file: wrong types, unknown keys, bad ranges, hostgroups that do not exist, duplicate servers
 * and regular expressions that do not compile are the config reader's and validator's problems, named by their path
 * in the result ({@code servers[2].port: ...}). On top, a change may not take the last server from a hostgroup that
 * something routes to ({@link RouteCoverage}). Every problem is collected; the current config is never touched.
 *
 * <p>Servers are identified by {@code host:port} ({@link Section#keyOf}): a put replaces every server of that address,
 * whatever its hostgroup (so a put moves a server to another hostgroup), and a delete removes them all.
 */
public final class ChangeApplier {
    /** Sections whose keys {@link ChangeOp.SetVariable} may set. */
    static final List<String> VARIABLE_SECTIONS = List.of("limits", "timeouts", "monitor");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode tree;
    private final List<String> problems = new ArrayList<>();

    private ChangeApplier(ObjectNode tree) {
        this.tree = tree;
    }

    /**
     * The config {@code ops} make of {@code current}, with the next version number.
     *
     * @throws InvalidChangeException listing every problem; then nothing was applied
     */
    public static JunctionConfig apply(JunctionConfig current, List<ChangeOp> ops) {
        ChangeApplier applier = new ChangeApplier(SharedSections.tree(current));
        if (ops.isEmpty()) {
            applier.problems.add("ops: none (expected: at least one change)");
        }
        ops.forEach(applier::apply);
        if (!applier.problems.isEmpty()) {
            throw new InvalidChangeException(applier.problems);
        }
        applier.tree.put("version", current.version() + 1);
        JunctionConfig next;
        try {
            next = ConfigReader.read(applier.tree);
        } catch (InvalidConfigException e) {
            throw new InvalidChangeException(e.problems());
        }
        List<String> problems = new ArrayList<>(ConfigValidator.validateShared(next));
        problems.addAll(RouteCoverage.lost(current, next));
        if (!problems.isEmpty()) {
            throw new InvalidChangeException(problems);
        }
        return next;
    }

    private void apply(ChangeOp op) {
        if (op instanceof ChangeOp.Put put) {
            put(put.section(), put.item());
        } else if (op instanceof ChangeOp.Delete delete) {
            delete(delete.section(), delete.key());
        } else if (op instanceof ChangeOp.SetVariable set) {
            set(set.name(), set.value());
        } else {
            throw new IllegalArgumentException("unknown change " + op);
        }
    }

    private void put(Section section, JsonObject item) {
        String key = item == null ? null : section.keyOf(item);
        if (key == null) {
            problems.add(section.key() + ": an item without " + keyFields(section)
                    + " (expected: an item with its key fields)");
            return;
        }
        ArrayNode items = items(section);
        JsonNode node = jackson(item);
        int at = -1;
        for (int i = items.size() - 1; i >= 0; i--) {
            if (key.equals(keyOf(section, items.get(i)))) {
                items.remove(i);
                at = i;
            }
        }
        if (at < 0) {
            items.add(node);
        } else {
            items.insert(at, node);
        }
    }

    private void delete(Section section, String key) {
        ArrayNode items = items(section);
        boolean found = false;
        for (int i = items.size() - 1; i >= 0; i--) {
            if (key != null && key.equals(keyOf(section, items.get(i)))) {
                items.remove(i);
                found = true;
            }
        }
        if (!found) {
            problems.add(section.key() + ": no item " + key);
        }
    }

    private void set(String name, Object value) {
        int dot = name == null ? -1 : name.indexOf('.');
        String sectionKey = dot < 0 ? null : name.substring(0, dot);
        if (sectionKey == null || !VARIABLE_SECTIONS.contains(sectionKey)) {
            problems.add(name + ": not a shared variable (expected: section.key with a section of "
                    + String.join(", ", VARIABLE_SECTIONS) + ", e.g. limits.max_client_connections)");
            return;
        }
        ObjectNode section = (ObjectNode) tree.get(sectionKey);
        String key = name.substring(dot + 1);
        if (!section.has(key)) {
            List<String> names = new ArrayList<>();
            section.fieldNames().forEachRemaining(k -> names.add(sectionKey + "." + k));
            problems.add(name + ": unknown variable (expected: one of " + String.join(", ", names) + ")");
            return;
        }
        if (!(value instanceof Number || value instanceof String || value instanceof Boolean)) {
            problems.add(name + ": " + (value == null ? "null" : "a " + value.getClass().getSimpleName())
                    + " (expected: a number, string or boolean)");
            return;
        }
        section.set(key, JSON.valueToTree(value));
    }

    private ArrayNode items(Section section) {
        return (ArrayNode) tree.get(section.key());
    }

    private static String keyOf(Section section, JsonNode item) {
        return section.keyOf(new JsonObject(item.toString()));
    }

    private static JsonNode jackson(JsonObject item) {
        try {
            return JSON.readTree(item.encode());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JsonObject always encodes to JSON", e);
        }
    }

    private static String keyFields(Section section) {
        return switch (section) {
            case HOSTGROUPS, QUERY_RULES -> "id";
            case SERVERS -> "host";
            case USERS -> "name";
            case REPLICATION_HOSTGROUPS -> "writer_hostgroup";
        };
    }
}
