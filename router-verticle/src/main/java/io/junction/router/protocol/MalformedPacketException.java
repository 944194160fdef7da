package io.junction.router.protocol;

/** A packet that does not follow the protocol; the peer that sent it gets error 1835 and is closed. */
public final class MalformedPacketException extends RuntimeException {
    public MalformedPacketException(String message) {
        super(message);
    }
}
