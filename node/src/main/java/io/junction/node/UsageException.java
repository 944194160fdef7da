package io.junction.node;

/** The command line does not match the usage text; {@link Main} prints the message and the usage, and exits 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
