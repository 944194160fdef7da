package io.junction.bench.result;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * One benchmark run's outcome, written as {@code <benchmark>.json} in the results directory; {@link MarkdownReport}
 * renders every such file into docs/BENCHMARKS.md. Side-by-side figures are "comparisons" (direct to MariaDB and
 * through Junction), single figures are "measures". A run with any error is failed.
 */
public final class Result {
    private final String benchmark;
    private final String title;
    private final boolean quick;
    private final Instant started = Instant.now();
    private final JsonObject parameters = new JsonObject();
    private final JsonArray comparisons = new JsonArray();
    private final JsonArray measures = new JsonArray();
    private final JsonArray targets = new JsonArray();
    private final JsonArray notes = new JsonArray();
    private long errors;
    private String firstError;
    private String failure;

    public Result(String benchmark, String title, boolean quick) {
        this.benchmark = benchmark;
        this.title = title;
        this.quick = quick;
    }

    public Result parameter(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    /** A figure measured both ways, in {@code unit}; {@code higherIsBetter} decides how the ratio reads. */
    public Result compare(String measure, String unit, double direct, double junction, boolean higherIsBetter) {
        comparisons.add(new JsonObject().put("measure", measure).put("unit", unit).put("direct", number(direct))
                .put("junction", number(junction)).put("higherIsBetter", higherIsBetter));
        return this;
    }

    /** A figure measured once (usually on Junction). */
    public Result measure(String measure, double value, String unit) {
        measures.add(new JsonObject().put("measure", measure).put("value", number(value)).put("unit", unit));
        return this;
    }

    /**
     * A target of issue 6 and how this run did against it.
     *
     * @param met null when this run cannot tell (for example a size this machine cannot reach)
     */
    public Result target(String target, String actual, Boolean met) {
        targets.add(new JsonObject().put("target", target).put("actual", actual).put("met", met));
        return this;
    }

    public Result note(String note) {
        notes.add(note);
        return this;
    }

    /** Adds errors seen; the first message is kept for the report. */
    public Result errors(long count, String message) {
        if (count > 0) {
            errors += count;
            if (firstError == null) {
                firstError = message;
            }
        }
        return this;
    }

    /** Marks the run failed (an exception, a process that died); it keeps the first reason. */
    public Result fail(String reason) {
        if (failure == null) {
            failure = reason;
        }
        return this;
    }

    public boolean failed() {
        return failure != null || errors > 0;
    }

    public long errorCount() {
        return errors;
    }

    public boolean quick() {
        return quick;
    }

    public JsonObject toJson() {
        Instant finished = Instant.now();
        return new JsonObject()
                .put("benchmark", benchmark)
                .put("title", title)
                .put("quick", quick)
                .put("started", started.toString())
                .put("seconds", Duration.between(started, finished).toMillis() / 1000.0)
                .put("status", failed() ? "failed" : "passed")
                .put("errors", errors)
                .put("firstError", firstError)
                .put("failure", failure)
                .put("parameters", parameters)
                .put("comparisons", comparisons)
                .put("measures", measures)
                .put("targets", targets)
                .put("notes", notes);
    }

    /** Writes {@code <benchmark>.json} into {@code directory} and returns its path. */
    public Path write(Path directory) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(benchmark + ".json");
            Files.writeString(file, toJson().encodePrettily() + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("writing the result of " + benchmark + " failed", e);
        }
    }

    /** JSON has no NaN or infinity: a figure that could not be measured is null. */
    private static Double number(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
