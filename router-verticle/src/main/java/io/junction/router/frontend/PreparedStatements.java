package io.junction.router.frontend;

import io.junction.router.backend.BackendConnection;
import io.junction.router.backend.PreparedCache;
import io.junction.router.backend.StatementKey;
import io.junction.router.protocol.Command;
import io.junction.router.protocol.ComQuery;
import io.junction.router.protocol.ComStmtExecute;
import io.junction.router.protocol.ComStmtPrepareOk;
import io.junction.router.protocol.ErrPacket;
import io.junction.router.protocol.MysqlError;
import io.junction.router.protocol.OkPacket;
import io.junction.router.protocol.Packet;
import io.junction.router.protocol.ResponseScanner;
import io.junction.router.protocol.ResponseScanner.Shape;
import io.junction.router.protocol.StatementId;
import io.junction.router.protocol.StatusFlags;
import io.junction.router.routing.PinReason;
import io.junction.router.routing.QueryClassifier;
import io.junction.router.routing.QueryRules;
import io.junction.router.routing.QueryTraits;
import io.junction.router.routing.RuleDecision;
import io.vertx.core.Future;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Server-side prepared statements that survive multiplexing. Clients get Junction's statement ids; a statement is
 * prepared on whichever backend connection runs it, if that connection does not have it yet (each keeps an LRU of
 * its statements), and the execute is rewritten for the backend's id, with the parameter types added when the
 * backend statement last ran with others. Long data pins the session until the execute that consumes it; an open
 * cursor pins until it is exhausted or closed.
 */
final class PreparedStatements {

    /** Runs a plan through the dispatcher's relay; {@code after} sees the response's end. */
    interface Relay {
        void run(StatementPlan plan, Consumer<ResponseScanner> after);
    }

    private final ClientSession client;
    private final Session session;
    private final RouterContext router;
    private final BackendLease lease;
    private final Relay relay;

    PreparedStatements(ClientSession client, Session session, RouterContext router, BackendLease lease, Relay relay) {
        this.client = client;
        this.session = session;
        this.router = router;
        this.lease = lease;
        this.relay = relay;
    }

    void prepare(Packet packet) {
        if (session.statements().full()) {
            reply(ErrPacket.of(MysqlError.TOO_MANY_PREPARED, "Can't create more than max_prepared_stmt_count statements (current value: "
                    + ClientStatements.MAX + ")").encode());
            return;
        }
        byte[] sql = Arrays.copyOfRange(packet.payload(), 1, packet.payload().length);
        String text = new ComQuery(sql).text();
        QueryTraits traits = QueryClassifier.classify(text);
        DigestOnce digest = new DigestOnce(text);
        RuleDecision decision = router.rules().evaluate(new QueryRules.Input(session.user().name(),
                session.state().schema(), client.remoteHost(), text, digest));
        if (decision.errorMessage() != null) {
            reply(ErrPacket.of(MysqlError.NOT_ALLOWED_COMMAND, decision.errorMessage()).encode());
            return;
        }
        int hostgroup = CommandDispatcher.route(decision.destinationHostgroup(), traits, session, router);
        StatementKey key = new StatementKey(session.user().name(), session.state().schema(), text);
        relay.run(new StatementPlan(packet, Shape.PREPARE, traits, text, hostgroup, 0, digest, null,
                (payload, backend) -> {
                    ComStmtPrepareOk ok = ComStmtPrepareOk.decode(payload);
                    ClientStatement statement = session.statements().add(key, sql, ok.parameters(), hostgroup, decision.timeoutMs());
                    remember(backend, key, ok.statementId());
                    router.limits().prepared().prepared();
                    return new ComStmtPrepareOk(statement.id, ok.columns(), ok.parameters(), ok.warnings()).encode();
                }), scanner -> { });
    }

    void execute(Packet packet) {
        ClientStatement statement = known(packet);
        if (statement == null) {
            return;
        }
        if (statement.longDataFailure != null) {
            Throwable failure = statement.longDataFailure;
            statement.longDataFailure = null;
            statement.longData = false;
            updatePins();
            reply(Errors.toErrPacket(failure).encode());
            return;
        }
        byte[] payload = packet.payload();
        byte[] sent = ComStmtExecute.boundTypes(payload, statement.parameters);
        if (sent != null) {
            statement.lastTypes = sent;
        }
        boolean cursor = (ComStmtExecute.flags(payload) & ComStmtExecute.CURSOR_TYPE_READ_ONLY) != 0;
        if (cursor) {
            session.pins().add(PinReason.Kind.CURSOR, text(statement));
        }
        relay.run(plan(packet, Shape.RESULT, statement, backend -> onBackend(backend, statement).map(prepared -> {
            byte[] types = sent == null && !Arrays.equals(prepared.lastTypes(), statement.lastTypes) ? statement.lastTypes : null;
            prepared.executedWith(sent != null ? sent : types);
            return ComStmtExecute.rewrite(payload, prepared.backendId(), statement.parameters, types);
        })), scanner -> {
            statement.longData = false;
            statement.cursorOpen = cursor && StatusFlags.has(scanner.statusFlags(), StatusFlags.CURSOR_EXISTS);
            updatePins();
        });
    }

    void fetch(Packet packet) {
        ClientStatement statement = known(packet);
        if (statement == null) {
            return;
        }
        if (!statement.cursorOpen || lease.held() == null) {
            reply(ErrPacket.of(MysqlError.UNKNOWN_STMT_HANDLER, "Statement " + statement.id + " has no open cursor").encode());
            return;
        }
        relay.run(plan(packet, Shape.ROWS, statement, backend -> onBackend(backend, statement)
                .map(prepared -> StatementId.replaced(packet.payload(), prepared.backendId()))), scanner -> {
            if (scanner.error() != null || StatusFlags.has(scanner.statusFlags(), StatusFlags.LAST_ROW_SENT)) {
                statement.cursorOpen = false;
                updatePins();
            }
        });
    }

    void reset(Packet packet) {
        ClientStatement statement = known(packet);
        if (statement == null) {
            return;
        }
        BackendConnection held = lease.held();
        boolean pending = statement.longData || statement.cursorOpen;
        statement.longData = false;
        statement.longDataFailure = null;
        statement.cursorOpen = false;
        if (!pending || held == null || held.prepared().get(statement.key) == null) {
            updatePins();
            reply(OkPacket.of(session.statusFlags()).encode(session.capabilities()));
            return;
        }
        relay.run(plan(packet, Shape.SINGLE, statement, backend -> onBackend(backend, statement)
                .map(prepared -> StatementId.replaced(packet.payload(), prepared.backendId()))), scanner -> updatePins());
    }

    /** Long data goes to the connection that will run the execute: the session is pinned to it until then. */
    void sendLongData(Packet packet) {
        ClientStatement statement = session.statements().get(StatementId.of(packet.payload()));
        if (statement == null) {
            client.commandDone(); // like a server: no response; the execute will report the unknown statement
            return;
        }
        statement.longData = true;
        session.pins().add(PinReason.Kind.LONG_DATA, text(statement));
        lease.acquire(QueryTraits.PLAIN, statement.hostgroup)
                .compose(backend -> onBackend(backend, statement).map(prepared -> {
                    backend.send(StatementId.replaced(packet.payload(), prepared.backendId()), System.nanoTime());
                    return null;
                }))
                .onComplete(sent -> {
                    if (sent.failed()) {
                        statement.longDataFailure = sent.cause();
                    }
                    client.commandDone();
                });
    }

    void close(Packet packet) {
        long id = StatementId.of(packet.payload());
        session.statements().remove(id);
        updatePins();
        BackendConnection held = lease.held();
        if (held != null && held.isIdle() && !session.pins().any()) {
            lease.finish(held, false);
        }
        client.commandDone();
    }

    /** The statement prepared on this backend connection, preparing it first if the connection lacks it. */
    private Future<PreparedCache.Prepared> onBackend(BackendConnection backend, ClientStatement statement) {
        PreparedCache.Prepared prepared = backend.prepared().get(statement.key);
        if (prepared != null) {
            return Future.succeededFuture(prepared);
        }
        router.limits().prepared().reprepared();
        return backend.prepareStatement(statement.sql, System.nanoTime()).map(id -> {
            remember(backend, statement.key, id);
            return backend.prepared().get(statement.key);
        });
    }

    /**
     * Records a statement the connection just prepared. If it had the same statement already (another client
     * prepared the same text), the new copy is closed at once, so a connection never holds a statement twice.
     */
    private void remember(BackendConnection backend, StatementKey key, long backendId) {
        if (backend.prepared().get(key) != null) {
            closeOn(backend, backendId);
            return;
        }
        PreparedCache.Prepared evicted = backend.prepared().add(key, backendId);
        if (evicted != null) {
            closeOn(backend, evicted.backendId());
            router.limits().prepared().evicted();
        }
    }

    private static void closeOn(BackendConnection backend, long backendId) {
        byte[] close = new byte[5];
        close[0] = (byte) Command.STMT_CLOSE;
        StatementId.write(close, backendId);
        backend.send(close, System.nanoTime());
    }

    private StatementPlan plan(Packet packet, Shape shape, ClientStatement statement,
                               java.util.function.Function<BackendConnection, Future<byte[]>> payload) {
        String text = text(statement);
        return new StatementPlan(packet, shape, QueryTraits.PLAIN, text, statement.hostgroup, statement.timeoutMs,
                new DigestOnce(text), payload, null);
    }

    private ClientStatement known(Packet packet) {
        long id = StatementId.of(packet.payload());
        ClientStatement statement = session.statements().get(id);
        if (statement == null) {
            reply(ErrPacket.of(MysqlError.UNKNOWN_STMT_HANDLER, "Unknown prepared statement handler (" + id + ") given to "
                    + Command.name(packet.firstByte())).encode());
        }
        return statement;
    }

    private void updatePins() {
        if (!session.statements().anyLongData()) {
            session.pins().remove(PinReason.Kind.LONG_DATA);
        }
        if (!session.statements().anyCursorOpen()) {
            session.pins().remove(PinReason.Kind.CURSOR);
        }
    }

    private static String text(ClientStatement statement) {
        return statement.key.sql();
    }

    private void reply(byte[] payload) {
        client.write(1, payload);
        client.commandDone();
    }
}
