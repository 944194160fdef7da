package io.junction.node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command's arguments split into {@code --name value} (or {@code --name=value}) flags and positional arguments.
 * Only the flags a command names are accepted; anything else starting with {@code --} is a {@link UsageException}.
 */
final class Flags {
    private final Map<String, String> values;
    private final List<String> positional;

    private Flags(Map<String, String> values, List<String> positional) {
        this.values = values;
        this.positional = positional;
    }

    static Flags parse(List<String> args, Set<String> accepted) {
        Map<String, String> values = new HashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (!accepted.contains(name)) {
                throw new UsageException("unknown option: " + name);
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageException(name + " needs a value");
            }
            values.put(name, value);
        }
        return new Flags(values, List.copyOf(positional));
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** A port flag: 0..65535, or {@code fallback} when absent. */
    int port(String name, int fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // falls through to the usage error
        }
        throw new UsageException(name + ": " + value + " (expected: 0..65535)");
    }

    /** Fails unless there are exactly {@code count} positional arguments, named {@code what} in the message. */
    List<String> positional(int count, String what) {
        if (positional.size() != count) {
            throw new UsageException(count == 0
                    ? "unexpected argument: " + positional.get(0)
                    : "expected " + what + ", got " + (positional.isEmpty() ? "nothing" : String.join(" ", positional)));
        }
        return positional;
    }
}
