package io.junction.config.store;

import io.vertx.core.json.JsonObject;

/**
 * One edit of a {@link ConfigChange}. Items are given in the config file's own shape (snake_case keys, as in
 * {@code docs/junction.example.yaml}), so unknown keys and wrong types are refused by the same reader as a file.
 */
public sealed interface ChangeOp {

    /** Adds {@code item} to {@code section}, or replaces the item with the same key. */
    record Put(Section section, JsonObject item) implements ChangeOp {
    }

    /** Removes the item of {@code section} whose key is {@code key} (as {@link Section#keyOf} gives it). */
    record Delete(Section section, String key) implements ChangeOp {
    }

    /**
     * Sets one variable: a key of the limits, timeouts or monitor sections, named {@code section.key}
     * (e.g. {@code limits.max_client_connections}), to a JSON value (number, string or boolean).
     */
    record SetVariable(String name, Object value) implements ChangeOp {
    }
}
