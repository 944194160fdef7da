package io.junction.router.auth;

import io.junction.router.auth.ClientAuthentication.Accept;
import io.junction.router.auth.ClientAuthentication.More;
import io.junction.router.auth.ClientAuthentication.Reject;
import io.junction.router.auth.ClientAuthentication.Step;
import io.junction.router.auth.ClientAuthentication.Switch;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** The exchanges of a whole client authentication, with a fixed nonce and the bytes clients send. */
class ClientAuthenticationTest {
    private static final byte[] NONCE = HexFormat.of().parseHex("1112131415161718191a1b1c1d1e1f2021222324");
    private static final String PASSWORD = "123456";
    private static final String HASH = "*6BB4837EB74329105EE4568DDA7DC67ED2CA2AD9";
    private static final String NATIVE = "mysql_native_password";
    private static final String SHA2 = "caching_sha2_password";
    private static final RsaKeyPair RSA = RsaKeyPair.generate();
    private static final byte[] FULL_AUTHENTICATION = {4};
    private static final byte[] PUBLIC_KEY_PLEASE = {2};

    private static ClientAuthentication sha2User(Credentials credentials, boolean tls) {
        return new ClientAuthentication(SHA2, credentials, NONCE, tls, RSA);
    }

    @Test
    void sha2UserWithClearPasswordTakesTheFastPath() {
        Step step = sha2User(Credentials.ofPassword(PASSWORD), false).first(SHA2, CachingSha2Password.scramble(PASSWORD, NONCE));

        assertThat(step).isInstanceOfSatisfying(Accept.class, accept -> {
            assertThat(accept.fastAuth()).isTrue();
            assertThat(accept.secret().clearPassword()).isEqualTo(PASSWORD);
        });
        assertThat(sha2User(Credentials.ofPassword(PASSWORD), false).first(SHA2, CachingSha2Password.scramble("654321", NONCE)))
                .isInstanceOf(Reject.class);
    }

    @Test
    void sha2UserWithOnlyTheHashGetsFullAuthenticationAndOverTlsSendsThePassword() {
        ClientAuthentication auth = sha2User(Credentials.ofHash(HASH), true);

        assertThat(auth.first(SHA2, CachingSha2Password.scramble(PASSWORD, NONCE))).isInstanceOfSatisfying(More.class,
                more -> assertThat(more.data()).isEqualTo(FULL_AUTHENTICATION));
        Step step = auth.next(RsaPassword.nulTerminated(PASSWORD));

        assertThat(step).isInstanceOfSatisfying(Accept.class, accept -> {
            assertThat(accept.fastAuth()).isFalse();
            assertThat(accept.secret().clearPassword()).as("learned for backend logins").isEqualTo(PASSWORD);
            assertThat(accept.secret().sha1Password()).isEqualTo(NativePassword.sha1(PASSWORD));
        });
    }

    @Test
    void aWrongClearPasswordOverTlsIsRejected() {
        ClientAuthentication auth = sha2User(Credentials.ofHash(HASH), true);
        auth.first(SHA2, CachingSha2Password.scramble("654321", NONCE));

        assertThat(auth.next(RsaPassword.nulTerminated("654321"))).isInstanceOf(Reject.class);
        assertThat(auth.next(RsaPassword.nulTerminated(PASSWORD))).as("nothing after a verdict").isInstanceOf(Reject.class);
    }

    @Test
    void overPlainTcpTheClientAsksForTheKeyAndSendsThePasswordEncrypted() {
        ClientAuthentication auth = sha2User(Credentials.ofHash(HASH), false);
        auth.first(SHA2, CachingSha2Password.scramble(PASSWORD, NONCE));

        Step key = auth.next(PUBLIC_KEY_PLEASE);

        assertThat(key).isInstanceOfSatisfying(More.class, more ->
                assertThat(new String(more.data(), StandardCharsets.US_ASCII)).isEqualTo(RSA.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----"));
        String pem = new String(((More) key).data(), StandardCharsets.US_ASCII);
        Step step = auth.next(RsaPassword.encrypt(PASSWORD, NONCE, RsaPassword.parsePem(pem)));
        assertThat(step).isInstanceOfSatisfying(Accept.class, accept -> assertThat(accept.secret().clearPassword()).isEqualTo(PASSWORD));
    }

    @Test
    void aClientThatHasTheKeyAlreadySendsTheEncryptedPasswordAtOnce() {
        ClientAuthentication auth = sha2User(Credentials.ofHash(HASH), false);
        auth.first(SHA2, CachingSha2Password.scramble(PASSWORD, NONCE));

        assertThat(auth.next(RsaPassword.encrypt(PASSWORD, NONCE, RSA.publicKey()))).isInstanceOf(Accept.class);
    }

    @Test
    void aWrongEncryptedPasswordOrOneForAnotherKeyIsRejected() {
        ClientAuthentication wrong = sha2User(Credentials.ofHash(HASH), false);
        wrong.first(SHA2, CachingSha2Password.scramble(PASSWORD, NONCE));
        wrong.next(PUBLIC_KEY_PLEASE);
        ClientAuthentication otherKey = sha2User(Credentials.ofHash(HASH), false);
        otherKey.first(SHA2, CachingSha2Password.scramble(PASSWORD, NONCE));
        otherKey.next(PUBLIC_KEY_PLEASE);

        assertThat(wrong.next(RsaPassword.encrypt("654321", NONCE, RSA.publicKey()))).isInstanceOf(Reject.class);
        assertThat(otherKey.next(RsaPassword.encrypt(PASSWORD, NONCE, RsaKeyPair.generate().publicKey()))).isInstanceOf(Reject.class);
    }

    @Test
    void aClearPasswordOverPlainTcpIsRefused() {
        ClientAuthentication auth = sha2User(Credentials.ofHash(HASH), false);
        auth.first(SHA2, CachingSha2Password.scramble(PASSWORD, NONCE));

        assertThat(auth.next(RsaPassword.nulTerminated(PASSWORD))).isInstanceOf(Reject.class);
    }

    @Test
    void sha2UserAnsweringWithNativeIsSwitchedToSha2() {
        ClientAuthentication auth = sha2User(Credentials.ofPassword(PASSWORD), false);

        assertThat(auth.first(NATIVE, new byte[20])).isEqualTo(new Switch(SHA2));
        assertThat(auth.next(CachingSha2Password.scramble(PASSWORD, NONCE)))
                .isInstanceOfSatisfying(Accept.class, accept -> assertThat(accept.fastAuth()).isTrue());
    }

    @Test
    void changeUserBeginsWithASwitchToTheUsersPlugin() {
        ClientAuthentication auth = sha2User(Credentials.ofHash(HASH), true);

        assertThat(auth.begin()).isEqualTo(new Switch(SHA2));
        assertThat(auth.next(CachingSha2Password.scramble(PASSWORD, NONCE))).isInstanceOf(More.class);
        assertThat(auth.next(RsaPassword.nulTerminated(PASSWORD))).isInstanceOf(Accept.class);
    }

    @Test
    void emptyPasswordsNeedNoFullAuthentication() {
        assertThat(sha2User(Credentials.ofHash(""), false).first(SHA2, new byte[0]))
                .isInstanceOfSatisfying(Accept.class, accept -> assertThat(accept.secret().clearPassword()).isEmpty());
        assertThat(sha2User(Credentials.ofHash(HASH), false).first(SHA2, new byte[0])).isInstanceOf(Reject.class);
        assertThat(sha2User(Credentials.ofHash(""), false).first(SHA2, CachingSha2Password.scramble(PASSWORD, NONCE)))
                .isInstanceOf(Reject.class);
    }

    @Test
    void nativeUsersKeepTheirBehaviour() {
        ClientAuthentication hashOnly = new ClientAuthentication(NATIVE, Credentials.ofHash(HASH), NONCE, false, RSA);
        assertThat(hashOnly.first(SHA2, CachingSha2Password.scramble(PASSWORD, NONCE))).isEqualTo(new Switch(NATIVE));
        assertThat(hashOnly.next(NativePassword.scramble(NativePassword.sha1(PASSWORD), NONCE)))
                .isInstanceOfSatisfying(Accept.class, accept -> assertThat(accept.fastAuth()).isFalse());

        ClientAuthentication clear = new ClientAuthentication(NATIVE, Credentials.ofPassword(PASSWORD), NONCE, false, RSA);
        assertThat(clear.first(SHA2, CachingSha2Password.scramble(PASSWORD, NONCE)))
                .isInstanceOfSatisfying(Accept.class, accept -> assertThat(accept.fastAuth()).isTrue());
        assertThat(new ClientAuthentication(NATIVE, Credentials.ofPassword(PASSWORD), NONCE, false, RSA)
                .first(null, NativePassword.scramble(NativePassword.sha1("bad"), NONCE))).isInstanceOf(Reject.class);
    }
}
