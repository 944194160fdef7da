package io.junction.config;

/**
 * An application user. Junction authenticates clients against it and logs in to backends as the same user.
 * At least one of {@code password} (clear text) and {@code passwordHash} (mysql_native_password form,
 * {@code *} followed by 40 hex digits, i.e. SHA1(SHA1(password))) is set.
 *
 * @param defaultSchema schema a client starts in when it names none; null for none
 * @param maxConnections client connections this user may hold open at once
 * @param transactionPersistent must be true ({@link ConfigValidator} refuses false): a transaction always stays on
 *        the backend connection it started on, whatever the query rules say
 */
public record UserConfig(
        String name,
        String password,
        String passwordHash,
        int defaultHostgroup,
        String defaultSchema,
        int maxConnections,
        boolean transactionPersistent) {

    public static final int DEFAULT_HOSTGROUP = 0;
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    public static final boolean DEFAULT_TRANSACTION_PERSISTENT = true;

    /** A user with a clear-text password and defaults for everything else; {@code defaultSchema} may be null. */
    public static UserConfig withPassword(String name, String password, String defaultSchema) {
        return new UserConfig(name, password, null, DEFAULT_HOSTGROUP, defaultSchema, DEFAULT_MAX_CONNECTIONS,
                DEFAULT_TRANSACTION_PERSISTENT);
    }

    @Override
    public String toString() {
        return "UserConfig[name=" + name + ", defaultHostgroup=" + defaultHostgroup + ", defaultSchema=" + defaultSchema
                + ", maxConnections=" + maxConnections + ", transactionPersistent=" + transactionPersistent + "]";
    }
}
