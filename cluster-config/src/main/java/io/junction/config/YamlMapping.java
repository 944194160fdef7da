package io.junction.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * One mapping of a parsed YAML tree at a known path ({@code servers[1]}), with the keys it allows. Typed getters
 * treat a missing key or a null value as absent; on an unknown key or a wrongly typed value they add a problem naming
 * the path to a shared list and return the default, so one pass reports every problem.
 */
final class YamlMapping {
    private final String path;
    private final JsonNode node;
    private final List<String> problems;

    /** {@code node} must be a mapping; {@code path} is empty for the top level. */
    YamlMapping(String path, JsonNode node, List<String> keys, List<String> problems) {
        this.path = path;
        this.node = node;
        this.problems = problems;
        node.fieldNames().forEachRemaining(key -> {
            if (!keys.contains(key)) {
                problems.add(Problems.described(pathOf(key), "unknown key", "one of " + String.join(", ", keys)));
            }
        });
    }

    /** A nested mapping read by {@code reader}, or {@code fallback} when the key is absent or not a mapping. */
    <T> T section(String key, List<String> keys, Function<YamlMapping, T> reader, T fallback) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isObject()) {
            wrongValue(key, v, "a mapping");
            return fallback;
        }
        return reader.apply(new YamlMapping(pathOf(key), v, keys, problems));
    }

    /** A list of mappings, each read by {@code reader}; elements that are not mappings are reported and left out. */
    <T> List<T> list(String key, List<String> keys, Function<YamlMapping, T> reader, List<T> fallback) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isArray()) {
            wrongValue(key, v, "a list");
            return fallback;
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            String itemPath = pathOf(key) + "[" + i + "]";
            if (v.get(i).isObject()) {
                result.add(reader.apply(new YamlMapping(itemPath, v.get(i), keys, problems)));
            } else {
                problems.add(Problems.described(itemPath, shown(v.get(i)), "a mapping"));
            }
        }
        return result;
    }

    /** A list of strings; elements that are not strings are reported and left out. */
    List<String> texts(String key, List<String> fallback) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isArray()) {
            wrongValue(key, v, "a list of strings");
            return fallback;
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (v.get(i).isTextual()) {
                result.add(v.get(i).textValue());
            } else {
                problems.add(Problems.described(pathOf(key) + "[" + i + "]", shown(v.get(i)), "a string (quote it)"));
            }
        }
        return result;
    }

    int integer(String key, int fallback) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            wrongValue(key, v, v.isIntegralNumber() ? "a 32-bit integer" : "an integer");
            return fallback;
        }
        return v.intValue();
    }

    /** An integer, or null when the key is absent (or its value wrongly typed, which is reported). */
    Integer optionalInteger(String key) {
        return value(key) == null ? null : Integer.valueOf(integer(key, 0));
    }

    int requiredInteger(String key) {
        return present(key, "an integer") ? integer(key, 0) : 0;
    }

    long longInteger(String key, long fallback) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            wrongValue(key, v, v.isIntegralNumber() ? "a 64-bit integer" : "an integer");
            return fallback;
        }
        return v.longValue();
    }

    boolean bool(String key, boolean fallback) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isBoolean()) {
            wrongValue(key, v, "true or false");
            return fallback;
        }
        return v.booleanValue();
    }

    /** true or false, or null when the key is absent (or its value wrongly typed, which is reported). */
    Boolean optionalBool(String key) {
        return value(key) == null ? null : Boolean.valueOf(bool(key, false));
    }

    /** A string; a number or boolean is refused rather than converted, so {@code 0123} cannot quietly become "83". */
    String text(String key, String fallback) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        if (!v.isTextual()) {
            wrongValue(key, v, "a string (quote it)");
            return fallback;
        }
        return v.textValue();
    }

    String requiredText(String key) {
        return present(key, "a string") ? text(key, null) : null;
    }

    /** Like {@link #text} with a null default, but a wrongly typed value is not repeated in the problem. */
    String secret(String key) {
        JsonNode v = value(key);
        if (v != null && !v.isTextual()) {
            problems.add(Problems.described(pathOf(key), "a value that is not a string", "a string (quote it)"));
            return null;
        }
        return v == null ? null : v.textValue();
    }

    ServerStatus status(String key, ServerStatus fallback) {
        String name = text(key, fallback.name());
        try {
            return ServerStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            wrongValue(key, node.get(key), "one of " + Arrays.toString(ServerStatus.values()));
            return fallback;
        }
    }

    /**
     * A backend TLS mode by its lower-case name. A bare {@code off} is read by YAML as the boolean false, so false is
     * taken as {@code off} too.
     */
    ServerTls serverTls(String key, ServerTls fallback) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        ServerTls mode = v.isBoolean() && !v.booleanValue() ? ServerTls.OFF : v.isTextual() ? ServerTls.parse(v.textValue()) : null;
        if (mode == null) {
            wrongValue(key, v, "one of " + ConfigNames.list(ServerTls.values()));
            return fallback;
        }
        return mode;
    }

    /** A network transport by its lower-case name. */
    NetTransport transport(String key, NetTransport fallback) {
        JsonNode v = value(key);
        if (v == null) {
            return fallback;
        }
        NetTransport transport = v.isTextual() ? NetTransport.parse(v.textValue()) : null;
        if (transport == null) {
            wrongValue(key, v, "one of " + NetTransport.names());
            return fallback;
        }
        return transport;
    }

    /** A scalar as written (strings quoted); a mapping or a list by its kind. */
    static String shown(JsonNode value) {
        if (value.isContainerNode()) {
            return value.isObject() ? "a mapping" : "a list";
        }
        return value.toString();
    }

    private boolean present(String key, String expected) {
        if (value(key) == null) {
            problems.add(Problems.described(pathOf(key), "missing", expected));
            return false;
        }
        return true;
    }

    private JsonNode value(String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v;
    }

    private void wrongValue(String key, JsonNode value, String expected) {
        problems.add(Problems.described(pathOf(key), shown(value), expected));
    }

    private String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
