package io.junction.bench;

import io.junction.bench.result.MarkdownReport;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Regenerates docs/BENCHMARKS.md from every result file in the results directory (and its machine.json).
 * Usage: {@code ReportMain --results DIR --out FILE}.
 */
public final class ReportMain {

    private ReportMain() {
    }

    public static void main(String[] argv) throws IOException {
        BenchArgs args = BenchArgs.parse(argv);
        Path dir = args.resultsDir();
        Path out = Path.of(args.option("out", "docs/BENCHMARKS.md"));
        JsonObject machine = null;
        List<JsonObject> results = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    JsonObject json = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
                    if (file.getFileName().toString().equals("machine.json")) {
                        machine = json;
                    } else {
                        results.add(json);
                    }
                }
            }
        }
        Files.writeString(out, MarkdownReport.render(machine, results), StandardCharsets.UTF_8);
        System.out.println("report: " + results.size() + " results written to " + out);
    }
}
