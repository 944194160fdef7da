package io.junction.admin.api;

import io.vertx.core.json.JsonObject;

import java.util.List;

/** Typed fields of request envelopes; a wrong value adds a problem naming the field and what was expected. */
final class Fields {

    private Fields() {
    }

    /** A config version (an integer >= 1), or null when absent; a wrong value is reported and gives null. */
    static Long version(JsonObject object, String path, String key, List<String> problems) {
        Object value = object.getValue(key);
        if (value == null) {
            return null;
        }
        if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= 1) {
            return ((Number) value).longValue();
        }
        problems.add(Bodies.at(path, key) + ": " + Bodies.shown(value) + " (expected: a config version, an integer >= 1)");
        return null;
    }

    /** A string, or null when absent; a value of another type is reported and gives null. */
    static String optionalText(JsonObject object, String path, String key, List<String> problems) {
        Object value = object.getValue(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        problems.add(Bodies.at(path, key) + ": " + Bodies.shown(value) + " (expected: a string)");
        return null;
    }

    /** A string that must be there; missing or of another type is reported and gives null. */
    static String requiredText(JsonObject object, String path, String key, String expected, List<String> problems) {
        Object value = object.getValue(key);
        if (value instanceof String text) {
            return text;
        }
        problems.add(Bodies.at(path, key) + ": " + (value == null ? "missing" : Bodies.shown(value)) + " (expected: " + expected + ")");
        return null;
    }
}
