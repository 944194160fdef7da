package io.junction.router.backend;

import io.junction.router.protocol.ErrPacket;

/** A backend answered one of Junction's own commands with an error. */
public final class BackendErrorException extends RuntimeException {
    private final ErrPacket error;

    public BackendErrorException(ErrPacket error) {
        super(error.toString());
        this.error = error;
    }

    public ErrPacket error() {
        return error;
    }
}
