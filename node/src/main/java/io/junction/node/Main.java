package io.junction.node;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Entry point of {@code junction.jar}: picks the subcommand and hands it the remaining arguments.
 *
 * <p>Arguments are parsed by hand ({@link Flags}): a handful of commands with at most two {@code --name value} flags each.
 * A CLI library would add a dependency to the fat jar and more code than it saves.
 */
public final class Main {
    static final String USAGE = """
            Usage: junction <command> [options]

            Commands:
              run [--config FILE]               start a node (no --config: the built-in default config)
              demo [--port P] [--admin-port A]  start a throwaway MariaDB and a node in front of it
                                                (defaults: 6033 for MySQL clients, 6080 for HTTP)
              check-config FILE                 validate a config file; exit 0 if valid, 2 if not
              hash-password                     read an admin password on stdin, print its password_hash
              new-token                         print a random API token and the sha256 for the config

            Environment variables JUNCTION_... override config values (see README.md).
            Options: --help prints this text.
            """;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    Main(PrintStream out, PrintStream err, Map<String, String> environment) {
        this(System.in, out, err, environment);
    }

    Main(InputStream in, PrintStream out, PrintStream err, Map<String, String> environment) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    private CredentialsCommand credentials() {
        return new CredentialsCommand(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), out, err);
    }

    public static void main(String[] args) {
        System.exit(new Main(System.out, System.err, System.getenv()).run(args));
    }

    /** Runs a command and returns the process exit code; {@code run} and {@code demo} return only on failure. */
    int run(String... args) {
        List<String> all = Arrays.asList(args);
        if (all.contains("--help") || all.contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        if (all.isEmpty()) {
            err.print(USAGE);
            return 2;
        }
        List<String> rest = all.subList(1, all.size());
        try {
            return switch (all.get(0)) {
                case "run" -> new RunCommand(err, environment).run(rest);
                case "demo" -> new DemoCommand(out, err).run(rest);
                case "check-config" -> new CheckConfigCommand(out, err).run(rest);
                case "hash-password" -> credentials().hashPassword(rest);
                case "new-token" -> credentials().newToken(rest);
                default -> throw new UsageException("unknown command: " + all.get(0));
            };
        } catch (UsageException e) {
            err.println("junction: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
    }
}
