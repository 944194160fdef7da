package io.junction.router.frontend;

import io.junction.router.backend.BackendErrorException;
import io.junction.router.backend.BackendLostException;
import io.junction.router.backend.BackendUnavailableException;
import io.junction.router.backend.PoolTimeoutException;
import io.junction.router.protocol.ErrPacket;
import io.junction.router.protocol.MysqlError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns what went wrong into the ERR packet a client sees: the one place exceptions become protocol data. */
final class Errors {
    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

    private Errors() {
    }

    static ErrPacket toErrPacket(Throwable cause) {
        if (cause instanceof BackendErrorException e) {
            return e.error();
        }
        if (cause instanceof BackendUnavailableException e) {
            LOG.warn("{}", e.getMessage());
            return ErrPacket.of(MysqlError.BACKEND_UNAVAILABLE, "Junction: " + e.getMessage());
        }
        if (cause instanceof PoolTimeoutException e) {
            LOG.warn("{}", e.getMessage());
            return ErrPacket.of(MysqlError.POOL_TIMEOUT, "Junction: " + e.getMessage());
        }
        if (cause instanceof BackendLostException e) {
            LOG.warn("{}", e.getMessage());
            return ErrPacket.of(MysqlError.BACKEND_LOST, "Junction: lost connection to backend during query: " + e.getMessage());
        }
        LOG.error("unexpected failure", cause);
        return ErrPacket.of(MysqlError.BACKEND_LOST, "Junction: internal error: " + cause);
    }
}
