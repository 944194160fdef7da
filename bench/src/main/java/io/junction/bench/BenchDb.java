package io.junction.bench;

import io.junction.fixture.MariaDb;
import io.junction.fixture.MariaDbOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds the throwaway MariaDB of one bin/bench run. Starts it (mariadb-fixture, local binaries), creates the
 * benchmark user, schema and table, writes {@code env.properties} and the node's {@code junction.yaml} into the run
 * directory, then waits until bin/bench stops it (SIGTERM) or {@value #MAX_HOURS} hours pass, and deletes the server.
 *
 * <p>Usage: {@code BenchDb --run-dir DIR [--backend-cap N] [--event-loops N] [--loop-priority NICE]
 * [--transport native|io_uring|nio] [--backend-over tcp|socket]}: the node's backend cap (20), event loops (1), their
 * nice value (-10), its network transport (io_uring, which costs the loop less CPU per statement than epoll), and how
 * it reaches MariaDB (tcp, as the load generators do; socket: MariaDB's Unix socket, which io_uring cannot reach).
 * One loop at a raised priority is the setting for a machine whose two cores Junction shares with MariaDB and the load
 * generator: two loops, or one at the default priority, wait for a core behind 64 sysbench and 20 MariaDB threads, and
 * every session on the loop waits with them.
 */
public final class BenchDb {
    static final String USER = "bench";
    static final String PASSWORD = "bench-pw";
    static final String SCHEMA = "bench";
    /** Rows of {@code bench.kv}, the table point selects read. */
    public static final int KV_ROWS = 10_000;
    private static final long MAX_HOURS = 6;

    private BenchDb() {
    }

    public static void main(String[] argv) throws Exception {
        BenchArgs args = BenchArgs.parse(argv);
        Path runDir = Path.of(args.option("run-dir", "bench/target/run")).toAbsolutePath();
        int backendCap = args.intOption("backend-cap", 20, 20);
        int eventLoops = args.intOption("event-loops", 1, 1);
        int loopPriority = args.intOption("loop-priority", -10, -10);
        String transport = args.option("transport", "io_uring");
        String backendOver = args.option("backend-over", "tcp");
        if (!backendOver.equals("tcp") && !backendOver.equals("socket")) {
            throw new IllegalArgumentException("--backend-over " + backendOver + ": expected tcp or socket");
        }
        if (backendOver.equals("socket") && transport.equals("io_uring")) {
            throw new IllegalArgumentException("--backend-over socket: the io_uring transport cannot reach a Unix socket;"
                    + " add --transport native");
        }
        Files.createDirectories(runDir);

        MariaDb db = MariaDb.start(MariaDbOptions.defaults()
                .withArg("--max-connections=2200")
                .withArg("--innodb-buffer-pool-size=256M")
                .withArg("--innodb-flush-log-at-trx-commit=2"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            db.close();
            stopped.countDown();
        }, "bench-db-stop"));

        db.execute("CREATE DATABASE " + SCHEMA,
                "CREATE USER '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "'",
                "GRANT ALL PRIVILEGES ON " + SCHEMA + ".* TO '" + USER + "'@'%'",
                "USE " + SCHEMA,
                "CREATE TABLE kv (id INT PRIMARY KEY, v VARCHAR(64) NOT NULL)",
                "INSERT INTO kv SELECT seq, CONCAT('value-', seq) FROM seq_1_to_" + KV_ROWS);
        String version = db.queryString("SELECT VERSION()");

        int junctionPort = Ports.pick();
        int adminPort = Ports.pick();
        NodeConfig node = new NodeConfig(backendCap, eventLoops, loopPriority, transport,
                backendOver.equals("socket") ? db.unixSocket().orElseThrow().toString() : null);
        write(runDir.resolve("junction.yaml"), node.yaml(junctionPort, adminPort, db.port()));
        write(runDir.resolve("env.properties"), String.join("\n",
                "db.port=" + db.port(),
                "db.root.password=" + db.rootPassword(),
                "db.version=" + version,
                "user=" + USER,
                "password=" + PASSWORD,
                "schema=" + SCHEMA,
                "junction.port=" + junctionPort,
                "junction.admin.port=" + adminPort,
                "junction.backend.cap=" + backendCap,
                "junction.gc.log=" + runDir.resolve("junction-gc.log"),
                ""));
        System.out.println("bench-db: MariaDB " + version + " on 127.0.0.1:" + db.port() + " ready");
        System.out.flush();

        if (!stopped.await(MAX_HOURS, TimeUnit.HOURS)) {
            System.out.println("bench-db: nobody stopped me within " + MAX_HOURS + " hours; stopping MariaDB");
            System.exit(0);
        }
    }

    /** Writes a temp file and renames it, so that bin/bench, which polls for the file, never reads half of it. */
    private static void write(Path file, String text) {
        try {
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file + " failed", e);
        }
    }
}
