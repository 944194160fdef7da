package io.junction.router.auth;

/**
 * What Junction knows of a user's password: the clear text (from a secret in config) or only
 * SHA1(SHA1(password)), the mysql_native_password hash.
 *
 * @param clearPassword null when only the hash is configured
 */
public record Credentials(String clearPassword, byte[] doubleSha1) {

    /** From a user's configuration: the clear password when it has one, else its hash. */
    public static Credentials of(String password, String hash) {
        return password != null ? ofPassword(password) : ofHash(hash);
    }

    public static Credentials ofPassword(String password) {
        return new Credentials(password, password.isEmpty() ? new byte[0] : NativePassword.doubleSha1(password));
    }

    public static Credentials ofHash(String hash) {
        return new Credentials(null, hash.isEmpty() ? new byte[0] : NativePassword.parseHash(hash));
    }

    @Override
    public String toString() {
        return "Credentials[clear=" + (clearPassword != null) + "]";
    }
}
