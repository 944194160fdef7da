package io.junction.bench.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external command (jcmd, sysbench, nproc) with a time limit and returns what it printed. */
public final class Commands {

    /** Exit code and output (stdout and stderr together) of a finished command. */
    public record Output(int exitCode, String text) {
        public Output orThrow(List<String> command) {
            if (exitCode != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exitCode + ": " + text);
            }
            return this;
        }
    }

    private Commands() {
    }

    /** Runs {@code command}; kills it and throws if it runs longer than {@code limit}. */
    public static Output run(List<String> command, Duration limit) {
        Path output = null;
        Process process = null;
        try {
            output = Files.createTempFile("bench-command", ".out");
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + limit);
            }
            return new Output(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("running " + command.get(0) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    /** Runs {@code command} and returns its output, or a short note saying why there is none. */
    public static String describe(List<String> command) {
        try {
            Output output = run(command, Duration.ofSeconds(20));
            return output.text().stripTrailing();
        } catch (RuntimeException e) {
            return "(" + String.join(" ", command) + " failed: " + e.getMessage() + ")";
        }
    }
}
