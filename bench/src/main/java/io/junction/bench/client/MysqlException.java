package io.junction.bench.client;

import io.junction.router.protocol.ErrPacket;

/** The server answered with an ERR packet, refused a login, or broke the protocol. */
public final class MysqlException extends RuntimeException {

    public MysqlException(String message) {
        super(message);
    }

    public static MysqlException of(ErrPacket error) {
        return new MysqlException("ERR " + error.code() + " (" + error.sqlState() + "): " + error.message());
    }
}
