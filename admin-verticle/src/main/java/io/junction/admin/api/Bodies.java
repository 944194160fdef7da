package io.junction.admin.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/** Reads request bodies: JSON objects only, with problems that name what is wrong and where. */
final class Bodies {

    private Bodies() {
    }

    /**
     * The body of {@code ctx} as a JSON object.
     *
     * @throws ApiException 415 unless the body is declared {@code application/json}; 400 when it is empty, not JSON,
     *         or JSON but not an object
     */
    static JsonObject object(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            throw new ApiException(415, "Content-Type: " + (type == null ? "(none)" : type) + " (expected: application/json)");
        }
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw ApiException.badRequest("body: empty (expected: a JSON object)");
        }
        Object value;
        try {
            value = Json.decodeValue(body);
        } catch (DecodeException e) {
            throw ApiException.badRequest("body: malformed JSON: " + firstLine(e.getMessage()));
        }
        if (!(value instanceof JsonObject object)) {
            throw ApiException.badRequest("body: " + kind(value) + " (expected: a JSON object)");
        }
        return object;
    }

    /** Adds a problem for each key of {@code object} not in {@code allowed}; {@code path} prefixes it ("" at the top). */
    static void allowOnly(JsonObject object, String path, List<String> allowed, List<String> problems) {
        for (String key : object.fieldNames()) {
            if (!allowed.contains(key)) {
                problems.add(at(path, key) + ": unknown key (expected: one of " + String.join(", ", allowed) + ")");
            }
        }
    }

    /** {@code path.key}, or {@code key} at the top. */
    static String at(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A value as a problem shows it: strings quoted, containers by their kind. */
    static String shown(Object value) {
        if (value instanceof JsonObject || value instanceof io.vertx.core.json.JsonArray) {
            return kind(value);
        }
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    private static String kind(Object value) {
        if (value instanceof JsonObject) {
            return "an object";
        }
        if (value instanceof io.vertx.core.json.JsonArray) {
            return "an array";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Number) {
            return "a number";
        }
        return value instanceof Boolean ? "a boolean" : "null";
    }

    private static String firstLine(String message) {
        String line = message == null ? "" : message.strip().split("\\R", 2)[0];
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
