package io.junction.config;

import java.util.List;

/**
 * A config that cannot be used. The message lists every problem, one per line, each in the shape
 * {@code path: value (expected: what is allowed)}.
 */
public final class InvalidConfigException extends RuntimeException {
    private final List<String> problems;

    public InvalidConfigException(List<String> problems) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Each names a field path and what is allowed there, e.g. {@code listener.port: 70000 (expected: 0..65535)}. */
    public List<String> problems() {
        return problems;
    }
}
