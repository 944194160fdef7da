package io.junction.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Command-line options of a benchmark main: {@code --env FILE} (written by bin/bench), {@code --results DIR},
 * {@code --quick} (tiny sizes), and {@code --name value} overrides of a benchmark's sizes.
 */
public final class BenchArgs {
    private final Map<String, String> options = new HashMap<>();
    private final boolean quick;

    private BenchArgs(String[] args) {
        boolean q = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--quick")) {
                q = true;
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                options.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("argument: " + arg + " (expected: --quick or --name value)");
            }
        }
        this.quick = q;
    }

    public static BenchArgs parse(String[] args) {
        return new BenchArgs(args);
    }

    public boolean quick() {
        return quick;
    }

    /** {@code --name N} if given, else {@code quickValue} with --quick, else {@code fullValue}. */
    public int intOption(String name, int fullValue, int quickValue) {
        String value = options.get(name);
        return value != null ? Integer.parseInt(value) : quick ? quickValue : fullValue;
    }

    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    public BenchEnv env() {
        String file = options.get("env");
        if (file == null) {
            throw new IllegalArgumentException("--env FILE is required (bin/bench writes it)");
        }
        return BenchEnv.load(Path.of(file));
    }

    public Path resultsDir() {
        return Path.of(option("results", "bench/target/results"));
    }
}
