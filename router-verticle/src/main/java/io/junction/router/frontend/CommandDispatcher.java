package io.junction.router.frontend;

import io.junction.router.backend.BackendConnection;
import io.junction.router.protocol.ComInitDb;
import io.junction.router.protocol.ComQuery;
import io.junction.router.protocol.ComSetOption;
import io.junction.router.protocol.Command;
import io.junction.router.protocol.EofPacket;
import io.junction.router.protocol.ErrPacket;
import io.junction.router.protocol.MysqlError;
import io.junction.router.protocol.OkPacket;
import io.junction.router.protocol.Packet;
import io.junction.router.protocol.ResponseScanner;
import io.junction.router.protocol.ResponseScanner.Shape;
import io.junction.router.protocol.StatementId;
import io.junction.router.routing.PinReason;
import io.junction.router.routing.QueryClassifier;
import io.junction.router.routing.QueryRules;
import io.junction.router.routing.QueryTraits;
import io.junction.router.routing.RuleDecision;
import io.junction.router.routing.SetTargets;
import io.junction.router.backend.StateSync;
import io.junction.router.stats.RouterMetrics;

/**
 * The command phase: one switch from command byte to a small handler. Statements go to a backend connection
 * through {@link BackendLease} and {@link StatementRelay}; session commands (ping, reset, change user, set option)
 * are answered by Junction; commands a router cannot honour get an ERR packet.
 */
final class CommandDispatcher {
    private final ClientSession client;
    private final Session session;
    private final RouterContext router;
    private final BackendLease lease;
    private final ChangeUser changeUser;
    private final PreparedStatements statements;

    CommandDispatcher(ClientSession client, Session session, RouterContext router) {
        this.client = client;
        this.session = session;
        this.router = router;
        this.lease = new BackendLease(router, session);
        this.changeUser = new ChangeUser(client, session, router);
        this.statements = new PreparedStatements(client, session, router, lease, this::relay);
    }

    void dispatch(Packet packet) {
        if (packet.payload().length == 0) {
            client.fail(1, ErrPacket.of(MysqlError.MALFORMED_PACKET, "Malformed packet: empty command"));
            return;
        }
        int command = packet.firstByte();
        switch (command) {
            case Command.QUIT -> client.close();
            case Command.QUERY -> query(packet);
            case Command.INIT_DB -> relay(plain(packet, Shape.SINGLE, "USE " + ComInitDb.decode(packet.payload()).schema()));
            case Command.PING -> reply(OkPacket.of(session.statusFlags()).encode(session.capabilities()));
            case Command.FIELD_LIST -> relay(plain(packet, Shape.FIELD_LIST, "COM_FIELD_LIST"));
            case Command.STATISTICS -> relay(plain(packet, Shape.TEXT, "COM_STATISTICS"));
            case Command.SET_OPTION -> setOption(packet);
            case Command.RESET_CONNECTION -> resetConnection();
            case Command.CHANGE_USER -> changeUser.run(packet, lease);
            case Command.STMT_PREPARE -> statements.prepare(packet);
            case Command.STMT_EXECUTE -> statements.execute(packet);
            case Command.STMT_FETCH -> statements.fetch(packet);
            case Command.STMT_RESET -> statements.reset(packet);
            case Command.STMT_SEND_LONG_DATA -> statements.sendLongData(packet);
            case Command.STMT_CLOSE -> statements.close(packet);
            default -> reply(ErrPacket.of(MysqlError.UNKNOWN_COM, "Junction does not support " + Command.name(command)).encode());
        }
    }

    /** The client went away: whatever it held is cleaned or closed. */
    void clientClosed() {
        lease.end();
    }

    private void query(Packet packet) {
        ComQuery query = ComQuery.decode(packet.payload());
        String sql = query.text();
        QueryTraits traits = QueryClassifier.classify(sql);
        if (traits.localInfile() && !router.config().limits().localInfile()) {
            reply(ErrPacket.of(MysqlError.NOT_ALLOWED_COMMAND,
                    "LOAD DATA LOCAL INFILE is disabled in Junction (set limits.local_infile: true to allow it)").encode());
            return;
        }
        DigestOnce digest = new DigestOnce(sql);
        RuleDecision decision = router.rules().evaluate(new QueryRules.Input(session.user().name(),
                session.state().schema(), client.remoteHost(), sql, digest));
        if (decision.errorMessage() != null) {
            reply(ErrPacket.of(MysqlError.NOT_ALLOWED_COMMAND, decision.errorMessage()).encode());
            return;
        }
        if (traits.pin() != null && !Boolean.TRUE.equals(decision.multiplex())) {
            session.pins().add(traits.pin(), sql);
        }
        if (Boolean.FALSE.equals(decision.multiplex())) {
            session.pins().add(PinReason.Kind.QUERY_RULE, "rule " + decision.ruleId() + ": " + sql);
        }
        relay(new StatementPlan(packet, Shape.RESULT, traits, sql, route(decision.destinationHostgroup(), traits),
                decision.timeoutMs(), digest));
    }

    private int route(Integer destination, QueryTraits traits) {
        return route(destination, traits, session, router);
    }

    /** The hostgroup a statement goes to: a rule's destination or the user's default; locking reads to its writer. */
    static int route(Integer destination, QueryTraits traits, Session session, RouterContext router) {
        int hostgroup = destination != null ? destination : session.user().defaultHostgroup();
        return traits.lockingRead() ? router.view().writerFor(hostgroup) : hostgroup;
    }

    private void setOption(Packet packet) {
        int option = ComSetOption.decode(packet.payload()).option();
        if (option != ComSetOption.MULTI_STATEMENTS_ON && option != ComSetOption.MULTI_STATEMENTS_OFF) {
            reply(ErrPacket.of(MysqlError.UNKNOWN_COM, "Unknown COM_SET_OPTION option " + option).encode());
            return;
        }
        boolean on = option == ComSetOption.MULTI_STATEMENTS_ON;
        BackendConnection held = lease.held();
        if (held == null) {
            session.setMultiStatements(on);
            reply(session.deprecateEof() ? OkPacket.of(session.statusFlags()).encode(session.capabilities())
                    : new EofPacket(0, session.statusFlags()).encode());
            return;
        }
        relay(plain(packet, Shape.SINGLE, "COM_SET_OPTION"), scanner -> {
            if (scanner.error() == null) {
                session.setMultiStatements(on);
                held.setMultiStatements(on);
            }
        });
    }

    private void resetConnection() {
        lease.end().onComplete(r -> {
            session.begin(session.collation().id(), session.state().schema());
            reply(OkPacket.of(session.statusFlags()).encode(session.capabilities()));
        });
    }

    private void reply(byte[] payload) {
        client.write(1, payload);
        client.commandDone();
    }

    /** A command without SQL text of its own, to the user's default hostgroup. */
    private StatementPlan plain(Packet packet, Shape shape, String name) {
        return new StatementPlan(packet, shape, QueryTraits.PLAIN, name, session.user().defaultHostgroup(), 0, new DigestOnce(name));
    }

    private void relay(StatementPlan plan) {
        relay(plan, scanner -> { });
    }

    void relay(StatementPlan plan, java.util.function.Consumer<ResponseScanner> also) {
        long began = System.nanoTime();
        lease.acquire(plan.traits(), plan.hostgroup()).onComplete(acquired -> {
            if (client.isClosed()) {
                lease.end();
                return;
            }
            if (acquired.failed()) {
                ErrPacket error = Errors.toErrPacket(acquired.cause());
                measure(plan, began, plan.hostgroup(), error.code());
                client.sendError(1, error);
                if (lease.held() == null) {
                    session.pins().clear(); // the statement never ran: a session without a connection holds no pinned state
                }
                client.commandDone();
                return;
            }
            BackendConnection backend = acquired.result();
            QueryTraits traits = plan.traits();
            String statement = plan.text();
            java.util.List<String> assigned = traits.touchesTracking() ? SetTargets.of(statement) : null;
            if (traits.touchesTracking() && assigned == null) {
                session.pins().add(PinReason.Kind.UNTRACKED_STATE_CHANGE, statement);
            }
            long[] timer = {-1};
            long started = System.nanoTime();
            StatementRelay relay = new StatementRelay(client, session, backend, statement, traits.pin() != null || assigned != null,
                    plan.prepareOk(),
                    scanner -> {
                        cancel(timer[0]);
                        record(plan, scanner, System.nanoTime() - started);
                        measure(plan, began, lease.heldHostgroup(), scanner.error() == null ? 0 : scanner.error().code());
                        completed(backend, scanner, statement, assigned, also);
                    },
                    (cause, sequenceId) -> {
                        cancel(timer[0]);
                        measure(plan, began, lease.heldHostgroup(), MysqlError.BACKEND_LOST.code());
                        backendLost(cause, sequenceId);
                    });
            if (plan.timeoutMs() > 0) {
                timer[0] = router.vertx().setTimer(plan.timeoutMs(), id -> {
                    relay.timedOut(plan.timeoutMs());
                    QueryKiller.kill(router, session, backend, plan.timeoutMs());
                });
            }
            plan.payload().apply(backend).onComplete(payload -> {
                if (payload.failed()) {
                    cancel(timer[0]);
                    ErrPacket error = Errors.toErrPacket(payload.cause());
                    measure(plan, began, lease.heldHostgroup(), error.code());
                    client.sendError(1, error);
                    if (backend.isIdle()) {
                        lease.finish(backend, false);
                    } else {
                        lease.lost();
                    }
                    client.commandDone();
                    return;
                }
                backend.execute(payload.result(), plan.shape(), relay, System.nanoTime());
            });
        });
    }

    /** Tells the node's metrics that a statement finished (see {@link RouterMetrics#statementFinished}). */
    private void measure(StatementPlan plan, long began, int hostgroup, int errorCode) {
        router.metrics().statementFinished(RouterMetrics.commandType(plan.packet().firstByte()), hostgroup,
                System.nanoTime() - began, errorCode);
    }

    /** Counts the statement in this loop's digest statistics, under the hostgroup it really ran in. */
    private void record(StatementPlan plan, ResponseScanner scanner, long nanos) {
        long affected = scanner.lastOk() == null ? 0 : scanner.lastOk().affectedRows();
        router.pools().digestStats().record(lease.heldHostgroup(), session.user().name(), session.state().schema(),
                plan.digest().get(), nanos, scanner.rows(), affected, System.currentTimeMillis());
    }

    private void cancel(long timer) {
        if (timer >= 0) {
            router.vertx().cancelTimer(timer);
        }
    }

    private void completed(BackendConnection backend, ResponseScanner scanner, String statement,
                           java.util.List<String> assigned, java.util.function.Consumer<ResponseScanner> also) {
        also.accept(scanner);
        long insertId = scanner.lastOk() == null ? 0 : scanner.lastOk().lastInsertId();
        session.afterStatement(scanner.statusFlags(), insertId, statement);
        boolean wrote = scanner.lastOk() != null && (scanner.lastOk().affectedRows() > 0 || insertId != 0);
        if (assigned == null) {
            finished(backend, wrote);
            return;
        }
        StateSync.retrack(backend, assigned).onComplete(repaired -> {
            if (repaired.failed()) {
                session.pins().add(PinReason.Kind.UNTRACKED_STATE_CHANGE, statement);
            }
            finished(backend, wrote);
        });
    }

    private void finished(BackendConnection backend, boolean wrote) {
        if (client.isClosed()) {
            lease.end();
            return;
        }
        lease.finish(backend, wrote);
        client.commandDone();
    }

    /** The backend broke mid-response: the client gets an error now; a session whose state died with it is closed. */
    private void backendLost(Throwable cause, int sequenceId) {
        boolean stateLost = session.pins().any();
        lease.lost();
        if (client.isClosed()) {
            return;
        }
        ErrPacket error = Errors.toErrPacket(cause);
        if (stateLost) {
            client.fail(sequenceId, error);
        } else {
            client.sendError(sequenceId, error);
            client.commandDone();
        }
    }
}
