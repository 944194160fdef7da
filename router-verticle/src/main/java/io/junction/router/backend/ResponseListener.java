package io.junction.router.backend;

import io.junction.router.protocol.Packet;
import io.junction.router.protocol.ResponseScanner;

/** Receives one command's response from a {@link BackendConnection}. */
public interface ResponseListener {

    /** A packet of the response, already classified. */
    void onPacket(Packet packet, ResponseScanner.Kind kind);

    /** The packets handed over since the last call came from one read: a good moment to write them on. */
    default void flush() {
    }

    /** The response is complete; the connection is ready for the next command. */
    void onEnd(ResponseScanner scanner);

    /** The connection broke before the response was complete; it is closed. */
    void onFailure(Throwable cause);
}
