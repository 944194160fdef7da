package io.junction.router.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The system variables a plain {@code SET} statement assigns, e.g. {@code sql_mode} and {@code time_zone} in
 * {@code SET sql_mode = CONCAT(@@sql_mode, ',X'), SESSION time_zone = '+01:00', NAMES utf8mb4}. Used when a
 * statement also changed the session-tracking variables, so the server did not report what it changed.
 */
public final class SetTargets {
    private SetTargets() {
    }

    /** The assigned system variable names (lower case), or null if {@code sql} is not one plain SET statement. */
    public static List<String> of(String sql) {
        String text = sql.strip();
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.length() < 4 || !text.substring(0, 4).equalsIgnoreCase("SET ")) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (String assignment : splitTopLevel(text.substring(4))) {
            if (assignment == null) {
                return null;
            }
            String name = target(assignment);
            if (name == null) {
                return null;
            }
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /** The variable an assignment sets; "" for NAMES/CHARACTER SET (reported by the server anyway); null if unsure. */
    private static String target(String assignment) {
        String a = assignment.strip();
        String upper = a.toUpperCase(Locale.ROOT);
        if (upper.startsWith("NAMES ") || upper.startsWith("CHARACTER SET ") || upper.startsWith("CHARSET ")) {
            return "";
        }
        int equals = a.indexOf('=');
        if (equals < 0) {
            return null;
        }
        String name = a.substring(0, equals).strip();
        if (name.endsWith(":")) {
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {"@@session.", "@@local.", "@@", "session ", "local "}) {
            if (lower.startsWith(prefix)) {
                lower = lower.substring(prefix.length()).strip();
                break;
            }
        }
        return lower.matches("[a-z0-9_]+") ? lower : null;
    }

    /** Splits on commas outside parentheses and quotes; a null element marks text it cannot split safely. */
    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            } else if (c == ';') {
                parts.add(null);
                return parts;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
