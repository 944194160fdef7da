package io.junction.bench.result;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Result files in, docs/BENCHMARKS.md out: the harness's pure rendering step. */
class MarkdownReportTest {

    private static JsonObject churn() {
        return new Result("churn", "Connection churn", false)
                .parameter("threads", 32)
                .compare("connections per second", "conn/s", 4000, 2000, true)
                .compare("p99 connect + SELECT 1 + close", "ms", 2.5, 5.0, false)
                .target("Connection churn through Junction >= 2 x direct", "0.50 x", false)
                .note("a note | with a pipe")
                .toJson();
    }

    private static JsonObject quickIdle() {
        return new Result("idle", "Idle client connections", true)
                .measure("heap per idle connection", 3500, "bytes")
                .measure("sample point select p99", 1.234, "ms")
                .target("Idle client connection cost <= 4 KB of heap after GC", "3500 bytes per connection at 500", true)
                .target("100,000 idle clients on one node, sample queries p99 < 10 ms", "p99 1.23 ms with 500 open", null)
                .toJson();
    }

    @Test
    void comparisonsShowDirectJunctionAndTheRatio() {
        String md = MarkdownReport.render(null, List.of(churn()));
        assertThat(md).contains("| measure | direct | Junction | Junction / direct |");
        assertThat(md).contains("| connections per second | 4,000 conn/s | 2,000 conn/s | 0.50 x |");
        assertThat(md).contains("| p99 connect + SELECT 1 + close | 2.50 ms | 5 ms | 2.00 x |");
        assertThat(md).contains("- threads: 32");
        assertThat(md).contains("> a note | with a pipe");
    }

    @Test
    void targetsSayMetNotMetOrNotMeasuredAndListBenchmarksNotRun() {
        String md = MarkdownReport.render(null, List.of(churn(), quickIdle()));
        assertThat(md).contains("| Connection churn through Junction >= 2 x direct | 0.50 x | **not met** |");
        assertThat(md).contains("| Idle client connection cost <= 4 KB of heap after GC | 3500 bytes per connection at 500 (quick run) | met |");
        assertThat(md).contains("sample queries p99 < 10 ms | p99 1.23 ms with 500 open (quick run) | not measured at this size |");
        assertThat(md).contains("| targets of `multiplex` | not run yet | not measured |");
        assertThat(md).doesNotContain("targets of `churn`");
        assertThat(md).contains("| No benchmark counts as run if it saw an error | 2 passed, 0 failed | met |");
        // idle is listed before churn, whatever order the files came in
        assertThat(md.indexOf("### idle")).isLessThan(md.indexOf("### churn"));
        assertThat(md).contains("*quick* (tiny sizes, not a measurement)");
        assertThat(md).contains("| heap per idle connection | 3,500 bytes |");
    }

    @Test
    void aRunWithErrorsIsFailedAndSaysWhy() {
        Result result = new Result("multiplex", "Multiplexing many clients", false)
                .errors(3, "junction: ERR 9001 (HY000): pool wait timeout");
        assertThat(result.failed()).isTrue();
        String md = MarkdownReport.render(null, List.of(result.toJson()));
        assertThat(md).contains("Status: **failed**, 3 errors.");
        assertThat(md).contains("First error: `junction: ERR 9001 (HY000): pool wait timeout`");
        assertThat(md).contains("| No benchmark counts as run if it saw an error | 0 passed, 1 failed | **not met** |");
    }

    @Test
    void unmeasurableFiguresAreNullInJsonAndNaInTheReport() {
        JsonObject json = new Result("big-result", "1 GB result set", false)
                .compare("throughput", "MiB/s", Double.NaN, 100, true).toJson();
        assertThat(json.getJsonArray("comparisons").getJsonObject(0).getValue("direct")).isNull();
        assertThat(MarkdownReport.render(null, List.of(json))).contains("| throughput | n/a MiB/s | 100 MiB/s | n/a |");
    }

    @Test
    void machineAndGeneratedNotice() {
        JsonObject machine = new JsonObject().put("nproc", "2").put("free -g", "Mem: 23 0 22").put("date", "2025-01-01T00:00:00Z");
        String md = MarkdownReport.render(machine, List.of());
        assertThat(md).startsWith("# Benchmarks");
        assertThat(md).contains("do not edit by hand").contains("bin/bench report");
        assertThat(md).contains("| nproc | 2 |").contains("`free -g`:\n\n```\nMem: 23 0 22\n```");
        assertThat(md).contains("No result files yet");
    }

    @Test
    void resultFilesRoundTripThroughDisk(@TempDir Path dir) throws Exception {
        Path file = new Result("churn", "Connection churn", false).compare("connections per second", "conn/s", 10, 25, true)
                .write(dir);
        assertThat(file.getFileName().toString()).isEqualTo("churn.json");
        JsonObject read = new JsonObject(Files.readString(file));
        assertThat(read.getString("status")).isEqualTo("passed");
        assertThat(MarkdownReport.render(null, List.of(read))).contains("| 10 conn/s | 25 conn/s | 2.50 x |");
    }

    @Test
    void numbers() {
        assertThat(Numbers.format(12345.678)).isEqualTo("12,346");
        assertThat(Numbers.format(123.4)).isEqualTo("123");
        assertThat(Numbers.format(12.34)).isEqualTo("12.3");
        assertThat(Numbers.format(1.234)).isEqualTo("1.23");
        assertThat(Numbers.format(20.0)).isEqualTo("20");
        assertThat(Numbers.format(0.0)).isEqualTo("0");
        assertThat(Numbers.format(null)).isEqualTo("n/a");
        assertThat(Numbers.ratio(0.0, 5.0)).isEqualTo("n/a");
    }
}
