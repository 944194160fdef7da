package io.junction.router.tls;

import io.junction.config.ServerConfig;
import io.junction.config.ServerTls;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.PemTrustOptions;

/**
 * The client TLS options of Junction's connections to one backend server, by its {@code tls} mode: trust anything
 * ({@code required}), the configured CA ({@code verify_ca}), or the CA and the host name ({@code verify_identity}).
 */
public final class BackendTls {

    private BackendTls() {
    }

    /** The options for {@code server}; its mode must not be {@link ServerTls#OFF}. */
    public static ClientSSLOptions options(ServerConfig server) {
        ClientSSLOptions options = new ClientSSLOptions().setHostnameVerificationAlgorithm("");
        return switch (server.tls()) {
            case OFF -> throw new IllegalArgumentException(server.address() + " does not use TLS");
            case REQUIRED -> options.setTrustAll(true);
            case VERIFY_CA -> options.setTrustOptions(new PemTrustOptions().addCertPath(server.tlsCa()));
            case VERIFY_IDENTITY -> options.setTrustOptions(new PemTrustOptions().addCertPath(server.tlsCa()))
                    .setHostnameVerificationAlgorithm("HTTPS");
        };
    }

    /**
     * The name to send as SNI and check the certificate against: the configured host, unless it is an IP address
     * (SNI takes only names; the certificate is then checked against the address the socket connected to).
     */
    public static String serverName(ServerConfig server) {
        String host = server.host();
        boolean ip = host.contains(":") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
        return ip ? null : host;
    }
}
