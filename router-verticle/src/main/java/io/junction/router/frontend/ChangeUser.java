package io.junction.router.frontend;

import io.junction.config.UserConfig;
import io.junction.router.auth.CachingSha2Password;
import io.junction.router.auth.ClientAuthentication;
import io.junction.router.auth.Nonce;
import io.junction.router.protocol.AuthMoreData;
import io.junction.router.protocol.ComChangeUser;
import io.junction.router.protocol.ErrPacket;
import io.junction.router.protocol.MysqlError;
import io.junction.router.protocol.OkPacket;
import io.junction.router.protocol.Packet;


/**
 * COM_CHANGE_USER: the client logs in again, as the same or another user, and its session starts over. Junction
 * always answers with an auth switch to the user's plugin and a fresh nonce (32 bytes for client_ed25519), then
 * runs the same exchange as a login ({@link ClientAuthentication}). A wrong password, or a user that requires TLS on
 * a plain connection, closes the connection, as MySQL does.
 */
final class ChangeUser {
    private final ClientSession client;
    private final Session session;
    private final RouterContext router;

    ChangeUser(ClientSession client, Session session, RouterContext router) {
        this.client = client;
        this.session = session;
        this.router = router;
    }

    void run(Packet packet, BackendLease lease) {
        ComChangeUser request = ComChangeUser.decode(packet.payload(), session.capabilities());
        UserConfig user = router.config().user(request.username()).orElse(null);
        if (user == null) {
            denied(request.username(), 1, "");
            return;
        }
        byte[] nonce = Nonce.generate();
        ClientAuthentication authentication = new ClientAuthentication(user.authPlugin(),
                ClientHandshake.credentials(user), nonce, client.isTls(), client.security().rsa());
        client.write(1, ClientHandshake.switchRequest(authentication.begin()));
        client.readMidCommand(reply -> step(authentication.next(reply.payload()), user, request, lease, reply.nextSequenceId()));
    }

    private void step(ClientAuthentication.Step step, UserConfig user, ComChangeUser request, BackendLease lease, int sequenceId) {
        if (step instanceof ClientAuthentication.More more) {
            client.write(sequenceId, new AuthMoreData(more.data()).encode());
            return;
        }
        client.readMidCommand(null);
        if (step instanceof ClientAuthentication.Accept accepted) {
            int next = sequenceId;
            if (accepted.fastAuth()) {
                client.write(next++, new AuthMoreData(new byte[] {CachingSha2Password.FAST_AUTH_SUCCESS}).encode());
            }
            if (user.requireTls() && !client.isTls()) {
                denied(request.username(), next, ": TLS required for this user");
            } else {
                switchTo(user, accepted, request, lease, next);
            }
        } else {
            denied(request.username(), sequenceId, "");
        }
    }

    private void switchTo(UserConfig user, ClientAuthentication.Accept accepted, ComChangeUser request, BackendLease lease, int sequenceId) {
        String previous = session.user().name();
        if (!user.name().equals(previous) && !router.limits().tryOpenUserClient(user.name(), user.maxConnections())) {
            client.fail(sequenceId, ErrPacket.of(MysqlError.USER_LIMIT_REACHED,
                    "User '" + user.name() + "' has exceeded the 'max_connections' resource"));
            return;
        }
        if (!user.name().equals(previous)) {
            router.limits().closeUserClient(previous);
        }
        lease.end().onComplete(ended -> {
            session.changeUser(user, accepted.secret());
            int collation = request.characterSet() != 0 ? request.characterSet() : session.collation().id();
            session.begin(collation, request.database() != null ? request.database() : user.defaultSchema());
            BackendLease.enterSchema(router, session).onComplete(checked -> {
                if (checked.succeeded()) {
                    ok(sequenceId);
                } else {
                    client.sendError(sequenceId, Errors.toErrPacket(checked.cause()));
                    session.begin(session.collation().id(), null);
                    client.commandDone();
                }
            });
        });
    }

    private void ok(int sequenceId) {
        client.write(sequenceId, OkPacket.of(session.statusFlags()).encode(session.capabilities()));
        client.commandDone();
    }

    private void denied(String username, int sequenceId, String why) {
        client.fail(sequenceId, ErrPacket.of(MysqlError.ACCESS_DENIED, "Access denied for user '" + username + "'@'"
                + client.remoteHost() + "' (using password: YES)" + why));
    }
}
