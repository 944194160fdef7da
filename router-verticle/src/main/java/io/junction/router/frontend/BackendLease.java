package io.junction.router.frontend;

import io.junction.config.ServerConfig;
import io.junction.router.backend.BackendConnection;
import io.junction.router.backend.BackendPool;
import io.junction.router.backend.BackendUnavailableException;
import io.junction.router.backend.BorrowRequest;
import io.junction.router.backend.StateSync;
import io.junction.router.protocol.Capabilities;
import io.junction.router.routing.QueryTraits;
import io.junction.router.routing.ServerChooser;
import io.vertx.core.Future;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A session's use of backend connections: borrows one for a statement and brings it to the session's state, keeps
 * it while the session is pinned, and gives it back (cleaned with COM_RESET_CONNECTION if it was pinned). It also
 * remembers the connection of the previous statement, so ROW_COUNT() and FOUND_ROWS() go back to it while nobody
 * else has used it, and replays LAST_INSERT_ID() on any connection whose value differs from the session's.
 */
final class BackendLease {
    private final RouterContext router;
    private final Session session;
    private BackendConnection held;
    private BackendPool heldPool;
    private int heldHostgroup;
    private BackendConnection previous;
    private long previousUses;

    BackendLease(RouterContext router, Session session) {
        this.router = router;
        this.session = session;
    }

    /**
     * Checks that a new session's schema can be entered (it exists and the user may use it): unless this loop has
     * seen the user enter it before, borrows a connection, brings it there and gives it back.
     */
    static Future<Void> enterSchema(RouterContext router, Session session) {
        String user = session.user().name();
        String schema = session.state().schema();
        if (schema == null || router.knowsSchema(user, schema)) {
            return Future.succeededFuture();
        }
        BackendLease lease = new BackendLease(router, session);
        return lease.acquire(QueryTraits.PLAIN, session.user().defaultHostgroup()).map(connection -> {
            lease.finish(connection, false);
            router.learnSchema(user, schema);
            return null;
        });
    }

    /** The hostgroup the held connection was borrowed for: where a pinned session's statements really run. */
    int heldHostgroup() {
        return heldHostgroup;
    }

    /** The connection the session holds (pinned or with a command in flight), or null. */
    BackendConnection held() {
        return held;
    }

    /** A connection in the session's state for the next statement. */
    Future<BackendConnection> acquire(QueryTraits traits, int hostgroup) {
        if (held != null) {
            return Future.succeededFuture(held);
        }
        return acquire(traits, hostgroup, Set.of(), router.config().limits().maxRetries());
    }

    /** Borrows from a server not yet tried; a server that cannot be connected to is skipped up to {@code retries} times. */
    private Future<BackendConnection> acquire(QueryTraits traits, int hostgroup, Set<String> failed, int retries) {
        List<ServerConfig> servers = router.view().servers(hostgroup);
        List<ServerConfig> candidates = failed.isEmpty() ? servers
                : servers.stream().filter(s -> !failed.contains(s.address())).toList();
        ServerConfig server = ServerChooser.choose(candidates, router.roomy());
        if (server == null) {
            return Future.failedFuture(new BackendUnavailableException("hostgroup " + hostgroup, "no server takes work"));
        }
        return borrow(server, traits).onSuccess(connection -> heldHostgroup = hostgroup).recover(e -> {
            if (e instanceof BackendUnavailableException && retries > 0 && candidates.size() > 1) {
                Set<String> tried = new HashSet<>(failed);
                tried.add(server.address());
                return acquire(traits, hostgroup, tried, retries - 1);
            }
            return Future.failedFuture(e);
        });
    }

    private Future<BackendConnection> borrow(ServerConfig server, QueryTraits traits) {
        BackendPool pool = router.pools().pool(server, session.user().name(), session.wireFormat());
        boolean wantsPrevious = traits.readsLastInsertId() || traits.readsPreviousResult();
        BackendConnection preferred = wantsPrevious && previous != null && previous.uses() == previousUses ? previous : null;
        BorrowRequest request = new BorrowRequest(session.state(), session.secret(), session.collation().id(), preferred);
        return pool.borrow(request).compose(connection -> {
            held = connection;
            heldPool = pool;
            router.sawBackendVersion(connection.serverVersion());
            Future<Void> ready = StateSync.bring(connection, session.state());
            if (traits.readsLastInsertId()) {
                ready = ready.compose(v -> StateSync.bringLastInsertId(connection, session.lastInsertId()));
            }
            return ready.map(connection).recover(e -> {
                lost();
                return Future.failedFuture(e);
            });
        });
    }

    /**
     * After a complete response: the session takes the connection's state; unless pinned, the connection goes back.
     *
     * @param wrote the statement changed rows or generated an id: keep the connection for a ROW_COUNT() next
     */
    void finish(BackendConnection connection, boolean wrote) {
        session.setState(connection.state());
        if (session.pins().any()) {
            return;
        }
        held = null;
        previous = connection;
        previousUses = connection.uses();
        if (Capabilities.wireFormat(connection.capabilities()) != connection.key().wireFormat()) {
            heldPool.discard(connection);
        } else {
            heldPool.release(connection, wrote);
        }
    }

    /** The held connection broke or its state is unknown: it is closed, never reused. */
    void lost() {
        if (held != null) {
            BackendConnection connection = held;
            held = null;
            heldPool.discard(connection);
        }
    }

    /** Ends the use of the held connection: cleaned and given back if it is between commands, else closed. */
    Future<Void> end() {
        if (held == null) {
            return Future.succeededFuture();
        }
        BackendConnection connection = held;
        BackendPool pool = heldPool;
        held = null;
        previous = null;
        if (!connection.isIdle() || Capabilities.wireFormat(connection.capabilities()) != connection.key().wireFormat()) {
            pool.discard(connection);
            return Future.succeededFuture();
        }
        return StateSync.reset(connection, session.collation())
                .onSuccess(v -> pool.release(connection))
                .onFailure(e -> pool.discard(connection));
    }
}
