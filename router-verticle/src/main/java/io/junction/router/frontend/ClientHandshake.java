package io.junction.router.frontend;

import io.junction.config.UserConfig;
import io.junction.router.auth.CachingSha2Password;
import io.junction.router.auth.ClientAuthenticator;
import io.junction.router.auth.Credentials;
import io.junction.router.auth.Nonce;
import io.junction.router.protocol.AuthMoreData;
import io.junction.router.protocol.AuthSwitchRequest;
import io.junction.router.protocol.Capabilities;
import io.junction.router.protocol.Collations;
import io.junction.router.protocol.ErrPacket;
import io.junction.router.protocol.HandshakeResponse41;
import io.junction.router.protocol.HandshakeV10;
import io.junction.router.protocol.MysqlError;
import io.junction.router.protocol.OkPacket;
import io.junction.router.protocol.Packet;
import io.junction.router.protocol.StatusFlags;


/**
 * The connection phase toward a client: greeting, handshake response, an auth switch if the client used a plugin
 * Junction cannot check for its user, the user's connection limit and the schema it asked for. Ends in
 * {@link ClientSession#loggedIn} or an error and a closed connection, within the handshake timeout.
 */
final class ClientHandshake {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ClientHandshake.class);

    private enum State { GREETED, SWITCHED, CHECKING_SCHEMA, DONE }

    private final ClientSession client;
    private final RouterContext router;
    private final byte[] nonce = Nonce.generate();
    private State state = State.GREETED;
    private HandshakeResponse41 response;
    private UserConfig user;
    private Credentials credentials;
    private String switchedTo;
    private long timer = -1;

    ClientHandshake(ClientSession client, RouterContext router) {
        this.client = client;
        this.router = router;
    }

    void start() {
        long timeout = router.config().timeouts().handshakeMs();
        timer = router.vertx().setTimer(timeout, id -> client.fail(state == State.GREETED ? 1 : 3,
                ErrPacket.of(MysqlError.HANDSHAKE_ERROR, "Bad handshake: not logged in within " + timeout + " ms")));
        HandshakeV10 greeting = new HandshakeV10(router.serverVersion(), client.connectionId(), nonce,
                offered(), Collations.DEFAULT.id(), StatusFlags.AUTOCOMMIT, ClientAuthenticator.GREETING_PLUGIN);
        client.write(0, greeting.encode());
    }

    void cancel() {
        if (timer >= 0) {
            router.vertx().cancelTimer(timer);
            timer = -1;
        }
    }

    void accept(Packet packet) {
        switch (state) {
            case GREETED -> handshakeResponse(packet);
            case SWITCHED -> switchResponse(packet);
            default -> client.fail(packet.nextSequenceId(), ErrPacket.of(MysqlError.HANDSHAKE_ERROR, "Bad handshake: unexpected packet"));
        }
    }

    private void handshakeResponse(Packet packet) {
        if (packet.payload().length == HandshakeResponse41.SSL_REQUEST_LENGTH) {
            client.fail(packet.nextSequenceId(), ErrPacket.of(MysqlError.HANDSHAKE_ERROR, "Junction does not offer TLS yet"));
            return;
        }
        response = HandshakeResponse41.decode(packet.payload());
        if ((response.capabilities() & Capabilities.REQUIRED) != Capabilities.REQUIRED) {
            client.fail(packet.nextSequenceId(), ErrPacket.of(MysqlError.HANDSHAKE_ERROR, "Bad handshake: protocol 4.1 with secure authentication required"));
            return;
        }
        user = router.config().user(response.username()).orElse(null);
        if (user == null) {
            denied(packet, response.authResponse().length > 0);
            return;
        }
        credentials = Credentials.of(user.password(), user.passwordHash());
        String plugin = response.authPluginName() == null ? ClientAuthenticator.GREETING_PLUGIN : response.authPluginName();
        verdict(packet, ClientAuthenticator.check(plugin, response.authResponse(), nonce, credentials), plugin);
    }

    private void switchResponse(Packet packet) {
        verdict(packet, ClientAuthenticator.check(switchedTo, packet.payload(), nonce, credentials), switchedTo);
    }

    private void verdict(Packet packet, ClientAuthenticator.Verdict verdict, String plugin) {
        LOG.debug("client {} user {}: {} with {}", client.connectionId(), response.username(), verdict.getClass().getSimpleName(), plugin);
        int next = packet.nextSequenceId();
        if (verdict instanceof ClientAuthenticator.SwitchTo switchTo && state == State.GREETED) {
            state = State.SWITCHED;
            switchedTo = switchTo.plugin();
            client.write(next, new AuthSwitchRequest(switchTo.plugin(), nonce).encode());
        } else if (verdict instanceof ClientAuthenticator.Accepted accepted) {
            if (CachingSha2Password.NAME.equals(plugin)) {
                client.write(next++, new AuthMoreData(new byte[] {CachingSha2Password.FAST_AUTH_SUCCESS}).encode());
            }
            admit(next, accepted);
        } else {
            denied(packet, packet.payload().length > 0);
        }
    }

    private void admit(int sequenceId, ClientAuthenticator.Accepted accepted) {
        if (!router.limits().tryOpenUserClient(user.name(), user.maxConnections())) {
            client.fail(sequenceId, ErrPacket.of(MysqlError.USER_LIMIT_REACHED,
                    "User '" + user.name() + "' has exceeded the 'max_connections' resource (current value: " + user.maxConnections() + ")"));
            return;
        }
        String schema = response.database() != null ? response.database() : user.defaultSchema();
        Session session = new Session(user, accepted.secret(), Capabilities.negotiate(response.capabilities(), offered()),
                response.characterSet(), schema, router.limits().pins());
        state = State.CHECKING_SCHEMA;
        BackendLease.enterSchema(router, session).onComplete(result -> {
            if (client.isClosed()) {
                router.limits().closeUserClient(user.name());
                return;
            }
            if (result.succeeded()) {
                finish(sequenceId, session);
            } else {
                router.limits().closeUserClient(user.name());
                client.fail(sequenceId, Errors.toErrPacket(result.cause()));
            }
        });
    }

    private void finish(int sequenceId, Session session) {
        state = State.DONE;
        cancel();
        client.write(sequenceId, OkPacket.of(session.statusFlags()).encode(session.capabilities()));
        client.loggedIn(session);
    }

    private void denied(Packet packet, boolean usingPassword) {
        client.fail(packet.nextSequenceId(), ErrPacket.of(MysqlError.ACCESS_DENIED, "Access denied for user '"
                + response.username() + "'@'" + client.remoteHost() + "' (using password: " + (usingPassword ? "YES" : "NO") + ")"));
    }

    private int offered() {
        return Capabilities.offered(router.config().limits().localInfile());
    }

}
