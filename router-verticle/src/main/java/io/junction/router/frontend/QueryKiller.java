package io.junction.router.frontend;

import io.junction.router.backend.BackendConnection;
import io.junction.router.backend.BackendPool;
import io.junction.router.backend.BorrowRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a statement that ran past its rule's timeout: {@code KILL QUERY} on another connection of the same user to
 * the same server (a user may kill its own statements, so no extra privilege is needed). The client then gets the
 * server's own error for the interrupted statement.
 */
final class QueryKiller {
    private static final Logger LOG = LoggerFactory.getLogger(QueryKiller.class);

    private QueryKiller() {
    }

    static void kill(RouterContext router, Session session, BackendConnection running, long timeoutMs) {
        LOG.info("killing statement on {} after its {} ms timeout", running, timeoutMs);
        BackendPool pool = router.pools().pool(running.server(), session.user().name(), running.key().wireFormat());
        pool.borrow(new BorrowRequest(session.state(), session.secret(), session.collation().id(), null))
                .onFailure(e -> LOG.warn("could not kill statement on {}: {}", running, e.getMessage()))
                .onSuccess(killer -> killer.runChecked("KILL QUERY " + running.threadId(), System.nanoTime()).onComplete(done -> {
                    if (done.failed()) {
                        LOG.warn("KILL QUERY on {} failed: {}", running, done.cause().getMessage());
                        pool.discard(killer);
                    } else {
                        pool.release(killer);
                    }
                }));
    }
}
