package io.junction.node;

import io.junction.config.ConfigLoader;
import io.junction.config.InvalidConfigException;
import io.junction.config.JunctionConfig;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code check-config FILE}: validates a config file as written (no {@code JUNCTION_...} overrides) and
 * exits 0 if valid, 2 if not.
 */
final class CheckConfigCommand {
    private final PrintStream out;
    private final PrintStream err;

    CheckConfigCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) {
        String file = Flags.parse(args, Set.of()).positional(1, "one config file").get(0);
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            err.println(file + ": no such file");
            return 2;
        }
        JunctionConfig config;
        try {
            config = ConfigLoader.load(path);
        } catch (InvalidConfigException e) {
            err.println(file + ": invalid");
            err.println(e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            err.println(file + ": " + e.getCause().getMessage());
            return 2;
        }
        out.printf("%s: valid (version %d, %d servers, %d users)%n",
                file, config.version(), config.servers().size(), config.users().size());
        return 0;
    }
}
