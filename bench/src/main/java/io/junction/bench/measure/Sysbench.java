package io.junction.bench.measure;

import io.junction.bench.client.Endpoint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs Debian's sysbench (1.0, {@code /usr/share/sysbench} OLTP scripts) against one endpoint. Text queries only
 * ({@code --db-ps-mode=disable}): Junction pins a session that prepares statements, which would defeat the
 * multiplexing being measured.
 */
public final class Sysbench {
    private final int tables;
    private final int tableSize;

    public Sysbench(int tables, int tableSize) {
        this.tables = tables;
        this.tableSize = tableSize;
    }

    /** Creates and fills the sbtest tables (drops them first, so a rerun starts clean). */
    public void prepare(Endpoint endpoint) {
        Commands.run(command("oltp_read_only", endpoint, 1, 1, "cleanup"), Duration.ofMinutes(5));
        List<String> prepare = command("oltp_read_only", endpoint, 2, 1, "prepare");
        Commands.run(prepare, Duration.ofMinutes(15)).orThrow(prepare);
    }

    /** Runs {@code test} for {@code seconds}; throws when sysbench fails or prints no report. */
    public SysbenchOutput run(String test, Endpoint endpoint, int threads, int seconds) {
        return run(test, endpoint, threads, seconds, 0);
    }

    /** Like {@link #run(String, Endpoint, int, int)}, at most {@code rate} transactions per second (0: no limit). */
    public SysbenchOutput run(String test, Endpoint endpoint, int threads, int seconds, int rate) {
        List<String> command = command(test, endpoint, threads, seconds, "run");
        if (rate > 0) {
            command.add(command.size() - 1, "--rate=" + rate);
        }
        Commands.Output output = Commands.run(command, Duration.ofSeconds(seconds + 120L)).orThrow(command);
        return SysbenchOutput.parse(output.text());
    }

    private List<String> command(String test, Endpoint endpoint, int threads, int seconds, String action) {
        List<String> command = new ArrayList<>(List.of("sysbench", test,
                "--db-driver=mysql",
                "--mysql-host=" + endpoint.host(),
                "--mysql-port=" + endpoint.port(),
                "--mysql-user=" + endpoint.user(),
                "--mysql-password=" + endpoint.password(),
                "--mysql-db=" + endpoint.schema(),
                "--db-ps-mode=disable",
                "--tables=" + tables,
                "--table-size=" + tableSize,
                "--threads=" + threads,
                "--time=" + seconds,
                "--percentile=99",
                "--report-interval=0",
                "--mysql-ignore-errors=none"));
        command.add(action);
        return command;
    }
}
