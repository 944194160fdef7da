package io.junction.node;

import io.junction.config.ConfigLoader;
import io.junction.config.InvalidConfigException;
import io.junction.config.JunctionConfig;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code run [--config FILE]}: loads the config, applies {@code JUNCTION_...} overrides, runs a node until stopped. */
final class RunCommand {
    private final PrintStream err;
    private final Map<String, String> environment;

    RunCommand(PrintStream err, Map<String, String> environment) {
        this.err = err;
        this.environment = environment;
    }

    /** Returns only if the node could not start: 2 for a bad or missing config, 1 for anything else. */
    int run(List<String> args) {
        Flags flags = Flags.parse(args, Set.of("--config"));
        flags.positional(0, "no arguments");
        Optional<String> file = flags.value("--config");
        JunctionConfig config;
        try {
            config = ConfigLoader.withEnvironment(load(file), environment);
        } catch (InvalidConfigException e) {
            err.println(file.orElse("built-in default config") + ": invalid config (with JUNCTION_... overrides)");
            err.println(e.getMessage());
            return 2;
        } catch (ConfigFileException | UncheckedIOException e) {
            err.println(e.getMessage());
            return 2;
        }

        ShutdownHook hook = ShutdownHook.install();
        try {
            hook.add(NodeLauncher.launch(config));
        } catch (Exception e) {
            err.println("junction: the node could not start: " + e);
            hook.closeAll();
            return 1;
        }
        hook.blockUntilShutdown();
        return 0;
    }

    private static JunctionConfig load(Optional<String> file) {
        if (file.isEmpty()) {
            return ConfigLoader.defaults();
        }
        Path path = Path.of(file.get());
        if (!Files.isRegularFile(path)) {
            throw new ConfigFileException(file.get() + ": no such file");
        }
        return ConfigLoader.load(path);
    }

    /** The config file named on the command line does not exist. */
    static final class ConfigFileException extends RuntimeException {
        ConfigFileException(String message) {
            super(message);
        }
    }
}
