package io.junction.router.frontend;

import io.junction.config.UserConfig;
import io.junction.router.auth.CachingSha2Password;
import io.junction.router.auth.ClientAuthentication;
import io.junction.router.auth.ClientAuthenticator;
import io.junction.router.auth.Credentials;
import io.junction.router.auth.Ed25519Password;
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
import io.junction.router.protocol.SslRequest;
import io.junction.router.protocol.StatusFlags;


/**
 * The connection phase toward a client: greeting, the TLS upgrade if the client asks for it (SSLRequest), handshake
 * response, the authentication exchange ({@link ClientAuthentication}: auth switch, caching_sha2_password's fast
 * path or full authentication, client_ed25519's signature), the user's TLS requirement and connection limit, and the schema it asked for. Ends
 * in {@link ClientSession#loggedIn} or an error and a closed connection, within the handshake timeout.
 */
final class ClientHandshake {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ClientHandshake.class);

    private enum State { GREETED, AUTHENTICATING, CHECKING_SCHEMA, DONE }

    private final ClientSession client;
    private final RouterContext router;
    private final byte[] nonce = Nonce.generate();
    private State state = State.GREETED;
    private HandshakeResponse41 response;
    private UserConfig user;
    private ClientAuthentication authentication;
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
            case AUTHENTICATING -> step(packet, authentication.next(packet.payload()));
            default -> client.fail(packet.nextSequenceId(), ErrPacket.of(MysqlError.HANDSHAKE_ERROR, "Bad handshake: unexpected packet"));
        }
    }

    private void handshakeResponse(Packet packet) {
        if (SslRequest.is(packet.payload())) {
            sslRequest(packet);
            return;
        }
        response = HandshakeResponse41.decode(packet.payload());
        if ((response.capabilities() & Capabilities.REQUIRED) != Capabilities.REQUIRED) {
            client.fail(packet.nextSequenceId(), ErrPacket.of(MysqlError.HANDSHAKE_ERROR, "Bad handshake: protocol 4.1 with secure authentication required"));
            return;
        }
        user = router.config().user(response.username()).orElse(null);
        if (user == null) {
            denied(packet.nextSequenceId(), response.authResponse().length > 0, "");
            return;
        }
        authentication = new ClientAuthentication(user.authPlugin(), credentials(user), nonce, client.isTls(),
                client.security().rsa());
        step(packet, authentication.first(response.authPluginName(), response.authResponse()));
    }

    /** The client asks for TLS: the socket is upgraded, and the real handshake response follows encrypted. */
    private void sslRequest(Packet packet) {
        if (!client.security().offersTls() || client.isTls()) {
            client.fail(packet.nextSequenceId(), ErrPacket.of(MysqlError.HANDSHAKE_ERROR,
                    client.isTls() ? "Bad handshake: TLS is on already" : "Bad handshake: TLS is not enabled on this Junction listener"));
            return;
        }
        if (!SslRequest.decode(packet.payload()).wantsTls()) {
            client.fail(packet.nextSequenceId(), ErrPacket.of(MysqlError.HANDSHAKE_ERROR, "Bad handshake: short handshake response without CLIENT_SSL"));
            return;
        }
        client.startTls();
    }

    private void step(Packet packet, ClientAuthentication.Step step) {
        LOG.debug("client {} user {}: {}", client.connectionId(), response.username(), step.getClass().getSimpleName());
        int next = packet.nextSequenceId();
        if (step instanceof ClientAuthentication.Switch to) {
            state = State.AUTHENTICATING;
            client.write(next, switchRequest(to));
        } else if (step instanceof ClientAuthentication.More more) {
            state = State.AUTHENTICATING;
            client.write(next, new AuthMoreData(more.data()).encode());
        } else if (step instanceof ClientAuthentication.Accept accepted) {
            if (accepted.fastAuth()) {
                client.write(next++, new AuthMoreData(new byte[] {CachingSha2Password.FAST_AUTH_SUCCESS}).encode());
            }
            if (user.requireTls() && !client.isTls()) {
                denied(next, true, ": TLS required for this user");
                return;
            }
            admit(next, accepted);
        } else {
            denied(next, response.authResponse().length > 0 || state == State.AUTHENTICATING, "");
        }
    }

    private void admit(int sequenceId, ClientAuthentication.Accept accepted) {
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

    private void denied(int sequenceId, boolean usingPassword, String why) {
        client.fail(sequenceId, ErrPacket.of(MysqlError.ACCESS_DENIED, "Access denied for user '"
                + response.username() + "'@'" + client.remoteHost() + "' (using password: " + (usingPassword ? "YES" : "NO") + ")" + why));
    }

    static Credentials credentials(UserConfig user) {
        return Credentials.of(user.password(), user.passwordHash(), user.passwordEd25519());
    }

    /**
     * The AuthSwitchRequest for {@code to}: MySQL's plugins get the nonce as a scramble (with the NUL MySQL servers
     * send); client_ed25519 gets exactly its 32 bytes, as MariaDB sends them (MariaDB's client refuses any other length).
     */
    static byte[] switchRequest(ClientAuthentication.Switch to) {
        return (Ed25519Password.NAME.equals(to.plugin()) ? new AuthSwitchRequest(to.plugin(), to.nonce())
                : AuthSwitchRequest.forScramble(to.plugin(), to.nonce())).encode();
    }

    private int offered() {
        return Capabilities.offered(router.config().limits().localInfile(), client.security().offersTls());
    }

}
