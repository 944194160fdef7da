package io.junction.node;

import io.junction.config.AdminConfig;
import io.junction.config.AdminPasswords;
import io.junction.config.HostgroupConfig;
import io.junction.config.JunctionConfig;
import io.junction.config.ListenerConfig;
import io.junction.config.ServerConfig;
import io.junction.config.TlsConfig;
import io.junction.config.UserConfig;

import java.util.List;

/**
 * The demo node's config: the built-in defaults, with one hostgroup holding the throwaway MariaDB, user
 * {@code demo}/{@code demo} starting in schema {@code demo}, admin API user {@code demo}/{@code demo}, both endpoints on 127.0.0.1, and TLS offered to clients
 * with the demo's generated certificate.
 */
final class DemoConfig {
    static final String HOST = "127.0.0.1";

    private DemoConfig() {
    }

    static JunctionConfig of(JunctionConfig defaults, String dbHost, int dbPort, int port, int adminPort,
                             DemoCertificate certificate) {
        int hostgroup = UserConfig.DEFAULT_HOSTGROUP;
        ListenerConfig listener = defaults.listener();
        return new JunctionConfig(
                defaults.version(),
                new ListenerConfig(HOST, port, listener.eventLoops(), listener.eventLoopPriority(), listener.transport()),
                new AdminConfig(HOST, adminPort, true,
                        List.of(new AdminConfig.AdminUser("demo", AdminPasswords.hash("demo"))), List.of()),
                List.of(new HostgroupConfig(hostgroup, "demo")),
                List.of(ServerConfig.of(dbHost, dbPort, hostgroup)),
                List.of(UserConfig.withPassword("demo", "demo", "demo")),
                defaults.limits(),
                defaults.timeouts())
                .withTls(new TlsConfig(true, certificate.certificate().toString(), certificate.key().toString(), 0, null));
    }
}
