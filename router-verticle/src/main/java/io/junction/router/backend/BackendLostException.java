package io.junction.router.backend;

/** A backend connection closed or failed while a command was in flight. */
public final class BackendLostException extends RuntimeException {
    public BackendLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
