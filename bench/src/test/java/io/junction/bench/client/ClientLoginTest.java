package io.junction.bench.client;

import io.junction.router.auth.NativePassword;
import io.junction.router.protocol.AuthSwitchRequest;
import io.junction.router.protocol.Capabilities;
import io.junction.router.protocol.ErrPacket;
import io.junction.router.protocol.HandshakeResponse41;
import io.junction.router.protocol.HandshakeV10;
import io.junction.router.protocol.MysqlError;
import io.junction.router.protocol.OkPacket;
import io.junction.router.protocol.StatusFlags;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ClientLoginTest {
    private static final byte[] NONCE = "abcdefghij0123456789".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_NONCE = "ZYXWVUTSRQ9876543210".getBytes(StandardCharsets.US_ASCII);

    private static byte[] greeting() {
        return new HandshakeV10("10.11.0-MariaDB", 7, NONCE, Capabilities.SUPPORTED, 45, StatusFlags.AUTOCOMMIT,
                NativePassword.NAME).encode();
    }

    @Test
    void answersTheGreetingWithAReplyTheServerCanVerify() {
        ClientLogin login = new ClientLogin("bench", "bench-pw", "bench");
        ClientLogin.Send send = (ClientLogin.Send) login.accept(greeting());
        HandshakeResponse41 response = HandshakeResponse41.decode(send.payload());
        assertThat(response.username()).isEqualTo("bench");
        assertThat(response.database()).isEqualTo("bench");
        assertThat(response.authPluginName()).isEqualTo(NativePassword.NAME);
        assertThat(Capabilities.has(response.capabilities(), Capabilities.CLIENT_DEPRECATE_EOF)).isFalse();
        assertThat(NativePassword.verify(response.authResponse(), NONCE, NativePassword.doubleSha1("bench-pw")))
                .isEqualTo(NativePassword.sha1("bench-pw"));

        ClientLogin.Step done = login.accept(OkPacket.of(StatusFlags.AUTOCOMMIT).encode(response.capabilities()));
        assertThat(done).isEqualTo(new ClientLogin.Done(response.capabilities()));
    }

    @Test
    void followsAnAuthSwitchToNativePassword() {
        ClientLogin login = new ClientLogin("bench", "bench-pw", null);
        login.accept(greeting());
        ClientLogin.Send send = (ClientLogin.Send) login.accept(new AuthSwitchRequest(NativePassword.NAME, OTHER_NONCE).encode());
        assertThat(NativePassword.verify(send.payload(), OTHER_NONCE, NativePassword.doubleSha1("bench-pw"))).isNotNull();
    }

    @Test
    void reportsARefusal() {
        ClientLogin login = new ClientLogin("bench", "wrong", null);
        login.accept(greeting());
        ClientLogin.Step step = login.accept(ErrPacket.of(MysqlError.ACCESS_DENIED, "Access denied for user 'bench'").encode());
        assertThat(step).isInstanceOf(ClientLogin.Failed.class);
        assertThat(((ClientLogin.Failed) step).reason()).contains("Access denied");
    }
}
