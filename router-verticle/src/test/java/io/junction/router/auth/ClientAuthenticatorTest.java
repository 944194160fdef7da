package io.junction.router.auth;

import io.junction.router.auth.ClientAuthenticator.Accepted;
import io.junction.router.auth.ClientAuthenticator.Rejected;
import io.junction.router.auth.ClientAuthenticator.SwitchTo;
import io.junction.router.auth.ClientAuthenticator.Verdict;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAuthenticatorTest {
    private static final byte[] NONCE = HexFormat.of().parseHex("1112131415161718191a1b1c1d1e1f2021222324");
    private static final String PASSWORD = "123456";
    private static final String HASH = "*6BB4837EB74329105EE4568DDA7DC67ED2CA2AD9";
    private static final byte[] SHA1_PASSWORD = NativePasswordTest.sha1(PASSWORD.getBytes(StandardCharsets.UTF_8));

    @Test
    void nativeReplyWithClearPasswordConfiguredIsAcceptedWithBothSecrets() {
        Verdict verdict = ClientAuthenticator.check("mysql_native_password", nativeReply(PASSWORD), NONCE,
                Credentials.ofPassword(PASSWORD));

        assertThat(verdict).isInstanceOfSatisfying(Accepted.class, accepted -> {
            assertThat(accepted.secret().sha1Password()).isEqualTo(SHA1_PASSWORD);
            assertThat(accepted.secret().clearPassword()).isEqualTo(PASSWORD);
        });
    }

    @Test
    void nativeReplyWithOnlyTheHashConfiguredIsAcceptedWithTheRecoveredSha1() {
        Verdict verdict = ClientAuthenticator.check("mysql_native_password", nativeReply(PASSWORD), NONCE,
                Credentials.ofHash(HASH));

        assertThat(verdict).isInstanceOfSatisfying(Accepted.class, accepted -> {
            assertThat(accepted.secret().sha1Password()).isEqualTo(SHA1_PASSWORD);
            assertThat(accepted.secret().clearPassword()).isNull();
        });
    }

    @Test
    void wrongNativeReplyIsRejected() {
        assertThat(ClientAuthenticator.check("mysql_native_password", nativeReply("654321"), NONCE, Credentials.ofHash(HASH)))
                .isInstanceOf(Rejected.class);
        assertThat(ClientAuthenticator.check("mysql_native_password", new byte[0], NONCE, Credentials.ofPassword(PASSWORD)))
                .isInstanceOf(Rejected.class);
    }

    @Test
    void emptyPasswordTakesAnEmptyReply() {
        assertThat(ClientAuthenticator.check("mysql_native_password", new byte[0], NONCE, Credentials.ofPassword("")))
                .isInstanceOfSatisfying(Accepted.class, accepted -> assertThat(accepted.secret().sha1Password()).isEmpty());
        assertThat(ClientAuthenticator.check("mysql_native_password", nativeReply("x"), NONCE, Credentials.ofHash("")))
                .isInstanceOf(Rejected.class);
    }

    @Test
    void cachingSha2ReplyWithClearPasswordIsAccepted() {
        Verdict verdict = ClientAuthenticator.check("caching_sha2_password", CachingSha2Password.scramble(PASSWORD, NONCE),
                NONCE, Credentials.ofPassword(PASSWORD));

        assertThat(verdict).isInstanceOfSatisfying(Accepted.class, accepted -> {
            assertThat(accepted.secret().sha1Password()).isEqualTo(SHA1_PASSWORD);
            assertThat(accepted.secret().clearPassword()).isEqualTo(PASSWORD);
        });
    }

    @Test
    void wrongCachingSha2ReplyIsRejected() {
        assertThat(ClientAuthenticator.check("caching_sha2_password", CachingSha2Password.scramble("654321", NONCE), NONCE,
                Credentials.ofPassword(PASSWORD))).isInstanceOf(Rejected.class);
    }

    @Test
    void cachingSha2WithOnlyTheHashConfiguredSwitchesToNative() {
        Verdict verdict = ClientAuthenticator.check("caching_sha2_password", CachingSha2Password.scramble(PASSWORD, NONCE),
                NONCE, Credentials.ofHash(HASH));

        assertThat(verdict).isEqualTo(new SwitchTo("mysql_native_password"));
    }

    @Test
    void unknownPluginSwitchesToNative() {
        assertThat(ClientAuthenticator.check("client_ed25519", new byte[64], NONCE, Credentials.ofPassword(PASSWORD)))
                .isEqualTo(new SwitchTo("mysql_native_password"));
    }

    private static byte[] nativeReply(String password) {
        byte[] sha1Password = NativePasswordTest.sha1(password.getBytes(StandardCharsets.UTF_8));
        byte[] mask = NativePasswordTest.sha1(NativePasswordTest.concat(NONCE, NativePasswordTest.sha1(sha1Password)));
        byte[] reply = new byte[20];
        for (int i = 0; i < 20; i++) {
            reply[i] = (byte) (sha1Password[i] ^ mask[i]);
        }
        return reply;
    }
}
