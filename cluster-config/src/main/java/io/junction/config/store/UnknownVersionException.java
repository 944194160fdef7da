package io.junction.config.store;

/** No version with this number is kept in the history. */
public final class UnknownVersionException extends RuntimeException {
    public UnknownVersionException(long version) {
        super("config version " + version + " is not in the history");
    }
}
