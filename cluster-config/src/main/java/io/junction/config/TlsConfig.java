package io.junction.config;

/**
 * TLS toward clients (the CLIENT_SSL upgrade of the MySQL protocol), and the RSA key caching_sha2_password uses to
 * receive passwords over plain TCP.
 *
 * @param enabled whether the greeting offers TLS; clients may still connect without it unless their user says
 *        {@code require_tls}
 * @param certificate PEM file: the certificate, optionally followed by its chain; required when enabled
 * @param key PEM file: the certificate's private key (PKCS#8, or PKCS#1 for RSA); required when enabled
 * @param reloadIntervalMs how often the two files are checked for changes and reloaded without a restart;
 *        0 = never
 * @param rsaKey PEM file: an RSA private key (PKCS#8 or PKCS#1) for caching_sha2_password's RSA exchange; null = a
 *        2048-bit key generated when the node starts (clients then must fetch the public key from the node)
 */
public record TlsConfig(boolean enabled, String certificate, String key, long reloadIntervalMs, String rsaKey) {

    /** Off, no files, no reload, a generated RSA key. */
    public static final TlsConfig DEFAULT = new TlsConfig(false, null, null, 0, null);
}
