package io.junction.router.frontend;

import io.junction.config.UserConfig;
import io.junction.router.auth.ClientAuthenticator;
import io.junction.router.auth.Credentials;
import io.junction.router.auth.Nonce;
import io.junction.router.auth.NativePassword;
import io.junction.router.protocol.AuthSwitchRequest;
import io.junction.router.protocol.ComChangeUser;
import io.junction.router.protocol.ErrPacket;
import io.junction.router.protocol.MysqlError;
import io.junction.router.protocol.OkPacket;
import io.junction.router.protocol.Packet;


/**
 * COM_CHANGE_USER: the client logs in again, as the same or another user, and its session starts over. Junction
 * always answers with an auth switch and a fresh nonce, then checks the reply like a login. A wrong password
 * closes the connection, as MySQL does.
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
            denied(request.username(), 1);
            return;
        }
        byte[] nonce = Nonce.generate();
        client.write(1, new AuthSwitchRequest(NativePassword.NAME, nonce).encode());
        client.readMidCommand(reply -> {
            client.readMidCommand(null);
            Credentials credentials = Credentials.of(user.password(), user.passwordHash());
            ClientAuthenticator.Verdict verdict = ClientAuthenticator.check(NativePassword.NAME, reply.payload(), nonce, credentials);
            if (verdict instanceof ClientAuthenticator.Accepted accepted) {
                switchTo(user, accepted, request, lease, reply.nextSequenceId());
            } else {
                denied(request.username(), reply.nextSequenceId());
            }
        });
    }

    private void switchTo(UserConfig user, ClientAuthenticator.Accepted accepted, ComChangeUser request, BackendLease lease, int sequenceId) {
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

    private void denied(String username, int sequenceId) {
        client.fail(sequenceId, ErrPacket.of(MysqlError.ACCESS_DENIED, "Access denied for user '" + username + "'@'"
                + client.remoteHost() + "' (using password: YES)"));
    }
}
