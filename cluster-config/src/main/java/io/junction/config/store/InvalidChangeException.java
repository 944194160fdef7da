package io.junction.config.store;

import java.util.List;

/** A change that would leave the config invalid; each problem names its field, e.g. {@code servers[2].port: ...}. */
public final class InvalidChangeException extends RuntimeException {
    private final List<String> problems;

    public InvalidChangeException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
