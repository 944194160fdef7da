package io.junction.router.backend;

/** A backend connection could not be opened: refused, timed out, or the login failed. */
public final class BackendUnavailableException extends RuntimeException {
    private final String server;

    public BackendUnavailableException(String server, String reason) {
        super("cannot connect to backend " + server + ": " + reason);
        this.server = server;
    }

    public String server() {
        return server;
    }
}
