package io.junction.bench;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs every benchmark at its quick size through {@code bin/bench}, as the README tells a user to, and checks that
 * each one ran, passed and counted no errors: a throwaway MariaDB and a Junction node in processes of their own, the
 * load generators, sysbench and JMH. Sizes are tiny and no figure is checked (the machines that run the suite are
 * shared and noisy): what fails here is a harness that no longer works end to end.
 */
class QuickBenchTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> BENCHMARKS = List.of("idle", "multiplex", "throughput", "churn", "big-result", "jmh");
    private static final long MINUTES = 10;

    @Test
    void everyBenchmarkPassesAtItsQuickSizeAndLeavesThePublishedResultsAlone(@TempDir Path out) throws Exception {
        assertThat(ROOT.resolve("node/target/junction.jar")).as("the node's jar, which mvn verify builds before this module")
                .exists();
        Path published = ROOT.resolve("docs/BENCHMARKS.md");
        String publishedBefore = Files.readString(published);
        Path log = out.resolve("bench.log");

        ProcessBuilder builder = new ProcessBuilder("bin/bench", "all", "--quick").directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JUNCTION_BENCH_OUT", out.toString());
        Process bench = builder.start();
        if (!bench.waitFor(MINUTES, TimeUnit.MINUTES)) {
            stop(bench);
            fail("bin/bench all --quick still running after " + MINUTES + " minutes:\n" + tail(log));
        }

        assertThat(bench.exitValue()).as("bin/bench all --quick exit status; its output ends:\n%s", tail(log)).isZero();
        for (String benchmark : BENCHMARKS) {
            JsonObject result = new JsonObject(Files.readString(out.resolve("results").resolve(benchmark + ".json")));
            assertThat(result.getBoolean("quick")).as(benchmark + " ran at its quick size").isTrue();
            assertThat(result.getString("status")).as(benchmark + " status (%s)", result.getString("failure")).isEqualTo("passed");
            assertThat(result.getLong("errors")).as(benchmark + " errors (%s)", result.getString("firstError")).isZero();
        }
        String report = Files.readString(out.resolve("BENCHMARKS.md"));
        for (String benchmark : BENCHMARKS) {
            assertThat(report).contains("### " + benchmark + ":");
        }
        assertThat(Files.readString(published)).as("docs/BENCHMARKS.md after a run with JUNCTION_BENCH_OUT")
                .isEqualTo(publishedBefore);
    }

    /** SIGTERM first: bin/bench then stops the node and MariaDB it started. */
    private static void stop(Process bench) throws InterruptedException {
        bench.destroy();
        if (!bench.waitFor(60, TimeUnit.SECONDS)) {
            bench.destroyForcibly();
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
