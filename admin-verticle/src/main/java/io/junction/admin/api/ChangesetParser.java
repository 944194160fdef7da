package io.junction.admin.api;

import io.junction.config.store.ChangeOp;
import io.junction.config.store.Section;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads the body of {@code POST /config/changes}:
 * <pre>{"base_version": 12, "comment": "add a reader", "ops": [
 *   {"op": "put", "section": "servers", "item": {"host": "10.0.0.6", "hostgroup": 1}},
 *   {"op": "delete", "section": "users", "key": "app"},
 *   {"op": "set", "name": "limits.max_retries", "value": 2}]}</pre>
 * Every problem of the envelope is reported at once, each naming its field ({@code ops[1].section: ...}). What the
 * items hold is the store's to judge, with the config reader's own messages.
 */
final class ChangesetParser {
    private static final List<String> TOP = List.of("base_version", "comment", "ops");
    private static final List<String> PUT = List.of("op", "section", "item");
    private static final List<String> DELETE = List.of("op", "section", "key");
    private static final List<String> SET = List.of("op", "name", "value");

    /** A changeset as sent, before the store sees it. {@code baseVersion} is null when the body leaves it out. */
    record Changeset(Long baseVersion, String comment, List<ChangeOp> ops) {
    }

    private ChangesetParser() {
    }

    /** @throws ApiException 400 listing every problem of {@code body} */
    static Changeset parse(JsonObject body) {
        List<String> problems = new ArrayList<>();
        Bodies.allowOnly(body, "", TOP, problems);
        Long base = Fields.version(body, "", "base_version", problems);
        String comment = Fields.optionalText(body, "", "comment", problems);
        List<ChangeOp> ops = new ArrayList<>();
        Object rawOps = body.getValue("ops");
        if (!(rawOps instanceof JsonArray array) || array.isEmpty()) {
            problems.add("ops: " + (rawOps == null ? "missing" : Bodies.shown(rawOps)) + " (expected: a non-empty array of ops)");
        } else {
            for (int i = 0; i < array.size(); i++) {
                String path = "ops[" + i + "]";
                if (array.getValue(i) instanceof JsonObject op) {
                    op(op, path, problems).ifPresent(ops::add);
                } else {
                    problems.add(path + ": " + Bodies.shown(array.getValue(i)) + " (expected: an object)");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(problems);
        }
        return new Changeset(base, comment == null ? "" : comment, ops);
    }

    private static Optional<ChangeOp> op(JsonObject op, String path, List<String> problems) {
        Object kind = op.getValue("op");
        if ("put".equals(kind)) {
            Bodies.allowOnly(op, path, PUT, problems);
            Section section = section(op, path, problems);
            Object item = op.getValue("item");
            if (!(item instanceof JsonObject object)) {
                problems.add(path + ".item: " + (item == null ? "missing" : Bodies.shown(item)) + " (expected: an object)");
                return Optional.empty();
            }
            return section == null ? Optional.empty() : Optional.of(new ChangeOp.Put(section, object));
        }
        if ("delete".equals(kind)) {
            Bodies.allowOnly(op, path, DELETE, problems);
            Section section = section(op, path, problems);
            Object key = op.getValue("key");
            if (!(key instanceof String) && !(key instanceof Number)) {
                problems.add(path + ".key: " + (key == null ? "missing" : Bodies.shown(key)) + " (expected: the item's key, e.g. 3, \"app\" or \"10.0.0.5:3306\")");
                return Optional.empty();
            }
            return section == null ? Optional.empty() : Optional.of(new ChangeOp.Delete(section, String.valueOf(key)));
        }
        if ("set".equals(kind)) {
            Bodies.allowOnly(op, path, SET, problems);
            String name = Fields.requiredText(op, path, "name", "a variable such as limits.max_retries", problems);
            Object value = op.getValue("value");
            if (value == null || value instanceof JsonObject || value instanceof JsonArray) {
                problems.add(path + ".value: " + (value == null ? "missing" : Bodies.shown(value)) + " (expected: a number, string or boolean)");
                return Optional.empty();
            }
            return name == null ? Optional.empty() : Optional.of(new ChangeOp.SetVariable(name, value));
        }
        problems.add(path + ".op: " + (kind == null ? "missing" : Bodies.shown(kind)) + " (expected: one of put, delete, set)");
        return Optional.empty();
    }

    private static Section section(JsonObject op, String path, List<String> problems) {
        Object name = op.getValue("section");
        Optional<Section> section = name instanceof String s ? ConfigJson.section(s) : Optional.empty();
        if (section.isEmpty()) {
            problems.add(path + ".section: " + (name == null ? "missing" : Bodies.shown(name)) + " (expected: one of "
                    + String.join(", ", Arrays.stream(Section.values()).map(Section::key).toList()) + ")");
            return null;
        }
        return section.get();
    }
}
