package io.junction.router.auth;

import io.junction.router.auth.ClientAuthentication.Accept;
import io.junction.router.auth.ClientAuthentication.More;
import io.junction.router.auth.ClientAuthentication.Reject;
import io.junction.router.auth.ClientAuthentication.Step;
import io.junction.router.auth.ClientAuthentication.Switch;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
    private static final String ED25519 = "client_ed25519";
    /** 32 bytes, one of them 0: client_ed25519's nonce is any bytes. */
    private static final byte[] ED25519_NONCE =
            HexFormat.of().parseHex("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf00b1b2b3b4b5b6b7b8b9babbbcbdbebf");

    private static ClientAuthentication ed25519User(Credentials credentials) {
        return new ClientAuthentication(ED25519, credentials, NONCE, false, RSA, ED25519_NONCE);
    }

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

        assertThat(auth.first(NATIVE, new byte[20])).usingRecursiveComparison().isEqualTo(new Switch(SHA2, NONCE));
        assertThat(auth.next(CachingSha2Password.scramble(PASSWORD, NONCE)))
                .isInstanceOfSatisfying(Accept.class, accept -> assertThat(accept.fastAuth()).isTrue());
    }

    @Test
    void changeUserBeginsWithASwitchToTheUsersPlugin() {
        ClientAuthentication auth = sha2User(Credentials.ofHash(HASH), true);

        assertThat(auth.begin()).usingRecursiveComparison().isEqualTo(new Switch(SHA2, NONCE));
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
        assertThat(hashOnly.first(SHA2, CachingSha2Password.scramble(PASSWORD, NONCE)))
                .usingRecursiveComparison().isEqualTo(new Switch(NATIVE, NONCE));
        assertThat(hashOnly.next(NativePassword.scramble(NativePassword.sha1(PASSWORD), NONCE)))
                .isInstanceOfSatisfying(Accept.class, accept -> assertThat(accept.fastAuth()).isFalse());

        ClientAuthentication clear = new ClientAuthentication(NATIVE, Credentials.ofPassword(PASSWORD), NONCE, false, RSA);
        assertThat(clear.first(SHA2, CachingSha2Password.scramble(PASSWORD, NONCE)))
                .isInstanceOfSatisfying(Accept.class, accept -> assertThat(accept.fastAuth()).isTrue());
        assertThat(new ClientAuthentication(NATIVE, Credentials.ofPassword(PASSWORD), NONCE, false, RSA)
                .first(null, NativePassword.scramble(NativePassword.sha1("bad"), NONCE))).isInstanceOf(Reject.class);
    }

    @Test
    void ed25519UsersAreAlwaysSwitchedToItWithTheirOwnNonce() {
        for (String plugin : new String[] {null, NATIVE, SHA2, ED25519}) {
            assertThat(ed25519User(Credentials.ofPassword(PASSWORD)).first(plugin, new byte[20])).as("answered with %s", plugin)
                    .usingRecursiveComparison().isEqualTo(new Switch(ED25519, ED25519_NONCE));
        }
    }

    @Test
    void ed25519SignatureIsCheckedWithTheKeyOfTheClearPassword() {
        ClientAuthentication auth = ed25519User(Credentials.ofPassword(PASSWORD));
        auth.first(null, NativePassword.scramble(NativePassword.sha1(PASSWORD), NONCE));

        assertThat(auth.next(Ed25519Password.sign(bytes(PASSWORD), ED25519_NONCE))).isInstanceOfSatisfying(Accept.class, accept -> {
            assertThat(accept.fastAuth()).isFalse();
            assertThat(accept.secret().clearPassword()).isEqualTo(PASSWORD);
            assertThat(accept.secret().sha1Password()).isEqualTo(NativePassword.sha1(PASSWORD));
        });
    }

    @Test
    void wrongEd25519SignaturesAreRejected() {
        byte[] otherNonce = ED25519_NONCE.clone();
        otherNonce[0] ^= 1;
        for (byte[] reply : new byte[][] {Ed25519Password.sign(bytes("654321"), ED25519_NONCE),
            Ed25519Password.sign(bytes(PASSWORD), otherNonce), new byte[64], new byte[0],
            NativePassword.scramble(NativePassword.sha1(PASSWORD), NONCE)}) {
            ClientAuthentication auth = ed25519User(Credentials.ofPassword(PASSWORD));
            auth.first(null, new byte[20]);

            assertThat(auth.next(reply)).as("reply of %d bytes", reply.length).isInstanceOf(Reject.class);
        }
    }

    @Test
    void ed25519SignatureIsCheckedWithTheConfiguredKeyWhichTeachesNothingForBackends() {
        String key = Base64.getEncoder().withoutPadding().encodeToString(Ed25519Password.publicKey(bytes(PASSWORD)));
        ClientAuthentication auth = ed25519User(Credentials.of(null, null, key));
        auth.first(null, new byte[20]);

        assertThat(auth.next(Ed25519Password.sign(bytes(PASSWORD), ED25519_NONCE))).isInstanceOfSatisfying(Accept.class,
                accept -> assertThat(accept.secret().isKnown()).isFalse());
        ClientAuthentication wrong = ed25519User(Credentials.of(null, null, key));
        wrong.first(null, new byte[20]);
        assertThat(wrong.next(Ed25519Password.sign(bytes("654321"), ED25519_NONCE))).isInstanceOf(Reject.class);
    }

    @Test
    void aNativeHashCannotCheckAnEd25519Signature() {
        ClientAuthentication auth = ed25519User(Credentials.ofHash(HASH));
        auth.first(null, new byte[20]);

        assertThat(auth.next(Ed25519Password.sign(bytes(PASSWORD), ED25519_NONCE))).isInstanceOf(Reject.class);
    }

    @Test
    void changeUserToAnEd25519UserBeginsWithTheSwitch() {
        ClientAuthentication auth = ed25519User(Credentials.ofPassword(PASSWORD));

        assertThat(auth.begin()).usingRecursiveComparison().isEqualTo(new Switch(ED25519, ED25519_NONCE));
        assertThat(auth.next(Ed25519Password.sign(bytes(PASSWORD), ED25519_NONCE))).isInstanceOf(Accept.class);
    }

    @Test
    void eachEd25519ExchangeGetsAFreshNonce() {
        byte[] first = new ClientAuthentication(ED25519, Credentials.ofPassword(PASSWORD), NONCE, false, RSA).begin().nonce();
        byte[] second = new ClientAuthentication(ED25519, Credentials.ofPassword(PASSWORD), NONCE, false, RSA).begin().nonce();

        assertThat(first).hasSize(32);
        assertThat(second).hasSize(32).isNotEqualTo(first);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
