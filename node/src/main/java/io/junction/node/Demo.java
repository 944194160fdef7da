package io.junction.node;

import io.junction.config.ConfigValidator;
import io.junction.config.JunctionConfig;
import io.junction.fixture.MariaDb;

/**
 * A running demo: a throwaway MariaDB with schema {@code demo} and a node in front of it. The {@link ShutdownHook}
 * given to {@link #start} owns both and stops the node first.
 */
final class Demo {
    /** Run as root on the fresh MariaDB: the schema, a table with two rows, and the application user. */
    static final String[] SETUP_SQL = {
            "CREATE DATABASE demo",
            "CREATE TABLE demo.greetings (id INT AUTO_INCREMENT PRIMARY KEY, text VARCHAR(100))",
            "INSERT INTO demo.greetings (text) VALUES ('Hello from MariaDB'), ('Routed through Junction')",
            "CREATE USER 'demo'@'%' IDENTIFIED BY 'demo'",
            "GRANT ALL ON demo.* TO 'demo'@'%'",
    };

    private final MariaDb db;
    private final RunningNode node;
    private final DemoCertificate certificate;

    private Demo(MariaDb db, RunningNode node, DemoCertificate certificate) {
        this.db = db;
        this.node = node;
        this.certificate = certificate;
    }

    /**
     * Starts MariaDB, then the node on {@code port} and {@code adminPort} (0 = any free port). Each resource is
     * handed to {@code hook} as soon as it exists, so an interrupt during startup still stops it.
     */
    static Demo start(JunctionConfig defaults, int port, int adminPort, ShutdownHook hook) throws Exception {
        MariaDb db;
        try {
            db = MariaDb.start();
        } catch (IllegalStateException e) {
            throw new IllegalStateException("no MariaDB for the demo: " + e.getMessage()
                    + " (bin/junction demo installs the binaries with bin/ensure-mariadb)", e);
        }
        hook.add(db);
        db.execute(SETUP_SQL);
        DemoCertificate certificate = DemoCertificate.create();
        hook.add(certificate);
        JunctionConfig config = ConfigValidator.requireValid(
                DemoConfig.of(defaults, db.host(), db.port(), port, adminPort, certificate));
        RunningNode node = NodeLauncher.launch(config);
        hook.add(node);
        return new Demo(db, node, certificate);
    }

    MariaDb db() {
        return db;
    }

    RunningNode node() {
        return node;
    }

    /** The self-signed certificate the node presents to TLS clients. */
    DemoCertificate certificate() {
        return certificate;
    }

    /** What a person can paste, once the node is ready. */
    String banner() {
        int port = node.mysqlPort();
        String host = DemoConfig.HOST;
        return String.join(System.lineSeparator(),
                "Junction demo is ready (MariaDB on " + db.host() + ":" + db.port() + " behind it).",
                "mysql: mariadb -h " + host + " -P " + port + " -u demo -pdemo demo",
                "tls:   mariadb -h " + host + " -P " + port + " -u demo -pdemo --ssl --ssl-ca=" + certificate.certificate()
                        + " --ssl-verify-server-cert demo",
                "jdbc:  jdbc:mariadb://" + host + ":" + port + "/demo?user=demo&password=demo",
                "admin: http://" + host + ":" + node.adminPort().getAsInt() + "/ (user demo, password demo)",
                "Press Ctrl-C to stop.");
    }
}
