package io.junction.router.protocol;

/** A packet longer than the configured maximum; the sender gets error 1153 and is closed. */
public final class PacketTooLargeException extends RuntimeException {
    public PacketTooLargeException(long length, long max) {
        super("packet of " + length + " bytes is larger than max_packet_size " + max);
    }
}
