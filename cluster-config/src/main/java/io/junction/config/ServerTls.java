package io.junction.config;

/** Whether and how Junction uses TLS toward one backend server. Written in config files in lower case. */
public enum ServerTls {
    /** Plain TCP. */
    OFF,
    /** TLS, any certificate accepted: encrypted, not authenticated. */
    REQUIRED,
    /** TLS, the server's certificate must be signed by {@code tls_ca}. */
    VERIFY_CA,
    /** As {@link #VERIFY_CA}, and the certificate must name the server's host (SAN DNS name or IP address). */
    VERIFY_IDENTITY;

    /** The name used in config files: {@code off}, {@code required}, {@code verify_ca}, {@code verify_identity}. */
    public String configName() {
        return ConfigNames.of(this);
    }

    /** The mode a config file names, or null if it names none. */
    static ServerTls parse(String name) {
        return ConfigNames.parse(values(), name);
    }

    /** Whether the server's certificate is checked against a CA, which must then be configured. */
    public boolean verifiesCa() {
        return this == VERIFY_CA || this == VERIFY_IDENTITY;
    }
}
