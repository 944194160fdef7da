package io.junction.bench;

import io.junction.bench.measure.Commands;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes {@code machine.json} into the results directory: what a run ran on (cores, memory, CPU, kernel, Java,
 * MariaDB, sysbench, the node's JVM flags, the date). Usage: {@code MachineInfo --results DIR [--junction-flags F]}.
 */
public final class MachineInfo {

    private MachineInfo() {
    }

    public static void main(String[] argv) {
        BenchArgs args = BenchArgs.parse(argv);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        JsonObject machine = new JsonObject()
                .put("date", Instant.now().toString())
                .put("nproc", Commands.describe(List.of("nproc")))
                .put("cpu", cpuModel())
                .put("free -g", Commands.describe(List.of("free", "-g")))
                .put("kernel", Commands.describe(List.of("uname", "-srm")))
                .put("java -version", Commands.describe(List.of(java, "-version")))
                .put("mariadb", Commands.describe(List.of("/usr/sbin/mariadbd", "--version")))
                .put("sysbench", Commands.describe(List.of("sysbench", "--version")))
                .put("junction JVM flags", args.option("junction-flags", "(not given)"))
                .put("junction backend cap", args.option("backend-cap", "(not given)"))
                .put("junction event loops", args.option("event-loops", "(not given)"))
                .put("junction event loop priority (nice)", args.option("loop-priority", "(not given)"))
                .put("junction transport", args.option("transport", "(not given)"))
                .put("junction to MariaDB over", args.option("backend-over", "(not given)"));
        try {
            Files.createDirectories(args.resultsDir());
            Files.writeString(args.resultsDir().resolve("machine.json"), machine.encodePrettily() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst().orElse("(unknown)");
        } catch (IOException e) {
            return "(unknown: " + e.getMessage() + ")";
        }
    }
}
