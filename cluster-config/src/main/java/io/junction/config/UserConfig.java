package io.junction.config;

/**
 * An application user. Junction authenticates clients against it and logs in to backends as the same user.
 * At least one of {@code password} (clear text) and {@code passwordHash} (mysql_native_password form,
 * {@code *} followed by 40 hex digits, i.e. SHA1(SHA1(password))) is set; a client_ed25519 user has
 * {@code password}, or only {@code passwordEd25519}.
 *
 * @param passwordEd25519 for {@link #CLIENT_ED25519} users without a clear password: the Ed25519 public key as
 *        MariaDB stores it (base64 of 32 bytes, as {@code ed25519_password('...')} returns it); null otherwise.
 *        Clients can be checked with it, but backend logins as such a user fail: they need the clear password
 * @param defaultSchema schema a client starts in when it names none; null for none
 * @param maxConnections client connections this user may hold open at once
 * @param maxBackendConnections backend connections Junction may hold open as this user, over all servers, at once
 *        (the backends' own {@code MAX_USER_CONNECTIONS}, seen from Junction); 0 means no limit beyond the servers'
 *        {@code max_connections}. Like those, a budget for the whole cluster, split among the live nodes
 * @param transactionPersistent must be true ({@link ConfigValidator} refuses false): a transaction always stays on
 *        the backend connection it started on, whatever the query rules say
 * @param authPlugin the plugin Junction asks this user's clients to authenticate with:
 *        {@link #NATIVE_PASSWORD}, {@link #CACHING_SHA2_PASSWORD} or {@link #CLIENT_ED25519}
 * @param requireTls whether this user may log in only over a TLS connection
 */
public record UserConfig(
        String name,
        String password,
        String passwordHash,
        String passwordEd25519,
        int defaultHostgroup,
        String defaultSchema,
        int maxConnections,
        int maxBackendConnections,
        boolean transactionPersistent,
        String authPlugin,
        boolean requireTls) {

    public static final int DEFAULT_HOSTGROUP = 0;
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    /** No per-user limit on backend connections. */
    public static final int NO_BACKEND_LIMIT = 0;
    public static final boolean DEFAULT_TRANSACTION_PERSISTENT = true;
    public static final String NATIVE_PASSWORD = "mysql_native_password";
    public static final String CACHING_SHA2_PASSWORD = "caching_sha2_password";
    /** MariaDB's ed25519 plugin, by the name of its client side. */
    public static final String CLIENT_ED25519 = "client_ed25519";
    public static final String DEFAULT_AUTH_PLUGIN = NATIVE_PASSWORD;

    /** A user authenticated with mysql_native_password, with or without TLS. */
    public UserConfig(String name, String password, String passwordHash, int defaultHostgroup, String defaultSchema,
                      int maxConnections, boolean transactionPersistent) {
        this(name, password, passwordHash, defaultHostgroup, defaultSchema, maxConnections, transactionPersistent,
                DEFAULT_AUTH_PLUGIN, false);
    }

    /** A user without a limit of its own on backend connections. */
    public UserConfig(String name, String password, String passwordHash, String passwordEd25519, int defaultHostgroup,
                      String defaultSchema, int maxConnections, boolean transactionPersistent, String authPlugin,
                      boolean requireTls) {
        this(name, password, passwordHash, passwordEd25519, defaultHostgroup, defaultSchema, maxConnections,
                NO_BACKEND_LIMIT, transactionPersistent, authPlugin, requireTls);
    }

    /** A user without an Ed25519 public key. */
    public UserConfig(String name, String password, String passwordHash, int defaultHostgroup, String defaultSchema,
                      int maxConnections, boolean transactionPersistent, String authPlugin, boolean requireTls) {
        this(name, password, passwordHash, null, defaultHostgroup, defaultSchema, maxConnections, transactionPersistent,
                authPlugin, requireTls);
    }

    /** A user with a clear-text password and defaults for everything else; {@code defaultSchema} may be null. */
    public static UserConfig withPassword(String name, String password, String defaultSchema) {
        return new UserConfig(name, password, null, DEFAULT_HOSTGROUP, defaultSchema, DEFAULT_MAX_CONNECTIONS,
                DEFAULT_TRANSACTION_PERSISTENT);
    }

    /** This user with another authentication plugin and TLS requirement. */
    public UserConfig withAuthentication(String plugin, boolean tlsRequired) {
        return new UserConfig(name, password, passwordHash, passwordEd25519, defaultHostgroup, defaultSchema,
                maxConnections, maxBackendConnections, transactionPersistent, plugin, tlsRequired);
    }

    /** This user with these credentials (each may be null): clear password, native hash, Ed25519 public key. */
    public UserConfig withPasswords(String clear, String hash, String ed25519PublicKey) {
        return new UserConfig(name, clear, hash, ed25519PublicKey, defaultHostgroup, defaultSchema, maxConnections,
                maxBackendConnections, transactionPersistent, authPlugin, requireTls);
    }

    /** This user with another cluster-wide cap on its backend connections ({@link #NO_BACKEND_LIMIT} for none). */
    public UserConfig withMaxBackendConnections(int max) {
        return new UserConfig(name, password, passwordHash, passwordEd25519, defaultHostgroup, defaultSchema,
                maxConnections, max, transactionPersistent, authPlugin, requireTls);
    }

    @Override
    public String toString() {
        return "UserConfig[name=" + name + ", defaultHostgroup=" + defaultHostgroup + ", defaultSchema=" + defaultSchema
                + ", maxConnections=" + maxConnections + ", maxBackendConnections=" + maxBackendConnections
                + ", transactionPersistent=" + transactionPersistent
                + ", authPlugin=" + authPlugin + ", requireTls=" + requireTls + "]";
    }
}
