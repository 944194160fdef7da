package io.junction.node;

import io.junction.config.ConfigLoader;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/** {@code demo [--port P] [--admin-port A]}: a throwaway MariaDB and a node in front of it, until interrupted. */
final class DemoCommand {
    static final int DEFAULT_PORT = 6033;
    static final int DEFAULT_ADMIN_PORT = 6080;

    private final PrintStream out;
    private final PrintStream err;

    DemoCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Returns only if the demo could not start (exit code 1). */
    int run(List<String> args) {
        Flags flags = Flags.parse(args, Set.of("--port", "--admin-port"));
        flags.positional(0, "no arguments");
        int port = flags.port("--port", DEFAULT_PORT);
        int adminPort = flags.port("--admin-port", DEFAULT_ADMIN_PORT);

        ShutdownHook hook = ShutdownHook.install();
        Demo demo;
        try {
            demo = Demo.start(ConfigLoader.defaults(), port, adminPort, hook);
        } catch (Exception e) {
            err.println("junction demo: could not start: " + e.getMessage());
            hook.closeAll();
            return 1;
        }
        out.println(demo.banner());
        out.flush();
        hook.blockUntilShutdown();
        return 0;
    }
}
