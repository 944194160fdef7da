package io.junction.config;

import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The one shape of a config problem: {@code path: value (expected: what is allowed)}, for example
 * {@code listener.port: 70000 (expected: 0..65535)}. Strings are shown quoted and escaped, so every problem is one
 * line.
 */
final class Problems {

    private Problems() {
    }

    /** A problem with a value; a String value is quoted. */
    static String of(String path, Object value, String expected) {
        return described(path, value instanceof String s ? quote(s) : String.valueOf(value), expected);
    }

    /** A problem whose value is described in words, e.g. {@code unknown key}. */
    static String described(String path, String description, String expected) {
        return path + ": " + description + " (expected: " + expected + ")";
    }

    static String quote(String s) {
        return TextNode.valueOf(s).toString();
    }
}
