package io.junction.router.frontend;

import io.junction.router.backend.BackendConnection;
import io.junction.router.backend.ResponseListener;
import io.junction.router.backend.SessionState;
import io.junction.router.protocol.Capabilities;
import io.junction.router.protocol.ErrPacket;
import io.junction.router.protocol.MysqlError;
import io.junction.router.protocol.OkPacket;
import io.junction.router.protocol.Packet;
import io.junction.router.protocol.PacketFramer;
import io.junction.router.protocol.ResponseScanner;
import io.junction.router.protocol.SessionStateChanges;
import io.junction.router.routing.PinReason;
import io.vertx.core.buffer.Buffer;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Relays one command's response from a backend connection to the client, packet by packet, rows untouched.
 * Packets from one read are written to the client as one buffer; when the client's write queue is full the
 * backend socket is paused until it drains. OK packets are re-encoded only for clients that did not ask for
 * session tracking; a COM_STMT_PREPARE_OK gets the client's statement id. It notes, from the server's own
 * reports, state that pins the session.
 */
final class StatementRelay implements ResponseListener {
    private final ClientSession client;
    private final Session session;
    private final BackendConnection backend;
    private final String statement;
    private final Consumer<ResponseScanner> done;
    private final BiConsumer<Throwable, Integer> failed;
    private final boolean rewriteOk;
    private final boolean stateChangeExplained;
    private final java.util.function.BiFunction<byte[], BackendConnection, byte[]> prepareOk;
    private Buffer out = Buffer.buffer();
    private int nextSequenceId = 1;
    private long timedOutAfterMs;

    /**
     * @param stateChangeExplained the statement already pinned for what it is, or changes session tracking (which
     *        Junction repairs, reading the state back): a state change the server reports needs no other reason
     */
    StatementRelay(ClientSession client, Session session, BackendConnection backend, String statement, boolean stateChangeExplained,
                   java.util.function.BiFunction<byte[], BackendConnection, byte[]> prepareOk,
                   Consumer<ResponseScanner> done, BiConsumer<Throwable, Integer> failed) {
        this.client = client;
        this.session = session;
        this.backend = backend;
        this.statement = statement;
        this.stateChangeExplained = stateChangeExplained;
        this.prepareOk = prepareOk;
        this.done = done;
        this.failed = failed;
        this.rewriteOk = !Capabilities.has(session.capabilities(), Capabilities.CLIENT_SESSION_TRACK);
    }

    /**
     * The statement ran past its rule's timeout and is being killed: the rest of its response is dropped and the
     * client gets error 1969 instead (an interrupted SLEEP() alone would otherwise just return 1).
     */
    void timedOut(long afterMs) {
        timedOutAfterMs = afterMs;
    }

    @Override
    public void onPacket(Packet packet, ResponseScanner.Kind kind) {
        if (timedOutAfterMs > 0) {
            return;
        }
        byte[] payload = packet.payload();
        switch (kind) {
            case OK -> payload = ok(payload);
            case PREPARE_OK -> payload = prepareOk == null ? payload : prepareOk.apply(payload, backend);
            case LOCAL_INFILE_REQUEST -> client.readMidCommand(this::fileContents);
            default -> {
            }
        }
        out.appendBytes(PacketFramer.encode(packet.sequenceId(), payload));
        nextSequenceId = packet.nextSequenceId();
        if (kind == ResponseScanner.Kind.LOCAL_INFILE_REQUEST) {
            flush();
        }
    }

    @Override
    public void flush() {
        if (out.length() == 0 || client.isClosed()) {
            return;
        }
        client.writeFramed(out);
        out = Buffer.buffer();
        if (client.writeQueueFull()) {
            backend.pause();
            client.whenWritable(backend::resume);
        }
    }

    @Override
    public void onEnd(ResponseScanner scanner) {
        flush();
        if (timedOutAfterMs > 0 && !client.isClosed()) {
            client.write(nextSequenceId, ErrPacket.of(MysqlError.STATEMENT_TIMEOUT, "Query execution was interrupted by Junction: "
                    + "it ran longer than its query rule's timeout of " + timedOutAfterMs + " ms").encode());
        }
        done.accept(scanner);
    }

    @Override
    public void onFailure(Throwable cause) {
        flush();
        client.readMidCommand(null);
        failed.accept(cause, nextSequenceId);
    }

    private byte[] ok(byte[] payload) {
        OkPacket ok = OkPacket.decode(payload, backend.capabilities());
        if (ok.sessionStateChanges().length > 0) {
            notePins(SessionStateChanges.decode(ok.sessionStateChanges()));
        }
        return rewriteOk ? ok.encode(session.capabilities()) : payload;
    }

    private void notePins(SessionStateChanges changes) {
        String unreplayable = SessionState.unreplayable(changes);
        if (unreplayable != null) {
            session.pins().add(PinReason.Kind.UNREPLAYABLE_VARIABLE, statement);
        } else if (!stateChangeExplained && changes.stateChanged() && changes.variables().isEmpty() && changes.schema() == null) {
            session.pins().add(PinReason.Kind.UNTRACKED_STATE_CHANGE, statement);
        }
    }

    private void fileContents(Packet packet) {
        backend.forward(packet);
        if (packet.payload().length == 0) {
            client.readMidCommand(null);
        }
    }
}
