package io.junction.admin.api;

import java.util.List;

/**
 * A request the API refuses, with the HTTP status that says why. Handlers throw it (or fail a future with it) and
 * {@link ApiErrors} turns it into the one error shape of the API, so no handler writes an error response itself.
 *
 * @param problems one line per wrong field, each naming it ({@code ops[1].section: "server" (expected: ...)});
 *        empty when the message says it all
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final List<String> problems;

    public ApiException(int status, String message, List<String> problems) {
        super(message, null, false, false);
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    public ApiException(int status, String message) {
        this(status, message, List.of());
    }

    /** 400 listing the problems of the input. */
    public static ApiException badRequest(List<String> problems) {
        return new ApiException(400, "invalid request", problems);
    }

    /** 400 for one problem of the input. */
    public static ApiException badRequest(String problem) {
        return badRequest(List.of(problem));
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public int status() {
        return status;
    }

    public List<String> problems() {
        return problems;
    }
}
