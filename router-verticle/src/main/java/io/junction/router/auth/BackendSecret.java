package io.junction.router.auth;

/**
 * What a backend login as a user needs, learned when the client authenticated: SHA1(password) for
 * mysql_native_password, and the clear password where the configuration has it (caching_sha2_password).
 *
 * @param clearPassword null when only the native hash is configured
 */
public record BackendSecret(byte[] sha1Password, String clearPassword) {

    @Override
    public String toString() {
        return "BackendSecret[clear=" + (clearPassword != null) + "]";
    }
}
