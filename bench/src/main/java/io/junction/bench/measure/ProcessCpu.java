package io.junction.bench.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The CPU time a process has used so far, in user space and in the kernel, from {@code /proc/<pid>/stat}. */
public record ProcessCpu(long userNanos, long kernelNanos) {

    /** Reads it for {@code pid}; {@code ticksPerSecond} is the kernel's USER_HZ ({@link #ticksPerSecond()}). */
    public static ProcessCpu of(long pid, long ticksPerSecond) {
        try {
            return parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat")), ticksPerSecond);
        } catch (IOException e) {
            throw new UncheckedIOException("reading /proc/" + pid + "/stat failed (is the process still running?)", e);
        }
    }

    /**
     * Parses a {@code stat} line: utime and stime are its 14th and 15th fields, counted in clock ticks. The second
     * field, the command name in parentheses, may itself hold spaces and parentheses, so fields are counted from
     * the last ')'.
     */
    static ProcessCpu parse(String stat, long ticksPerSecond) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        long nanosPerTick = 1_000_000_000L / ticksPerSecond;
        return new ProcessCpu(Long.parseLong(fields[11]) * nanosPerTick, Long.parseLong(fields[12]) * nanosPerTick);
    }

    /** The kernel's USER_HZ, the unit of {@code /proc/<pid>/stat}'s times ({@code getconf CLK_TCK}). */
    public static long ticksPerSecond() {
        List<String> command = List.of("getconf", "CLK_TCK");
        return Long.parseLong(Commands.run(command, Duration.ofSeconds(10)).orThrow(command).text().trim());
    }

    /** This and {@code more} together. */
    public ProcessCpu plus(ProcessCpu more) {
        return new ProcessCpu(userNanos + more.userNanos, kernelNanos + more.kernelNanos);
    }

    /** What was used since {@code earlier}. */
    public ProcessCpu since(ProcessCpu earlier) {
        return new ProcessCpu(userNanos - earlier.userNanos, kernelNanos - earlier.kernelNanos);
    }
}
