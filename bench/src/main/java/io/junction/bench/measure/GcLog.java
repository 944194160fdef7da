package io.junction.bench.measure;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the node's unified GC log ({@code -Xlog:gc:file=...}): the heap left after each collection, which is what
 * the node really holds (sampling "heap used" also counts garbage not yet collected).
 */
public final class GcLog {
    private static final Pattern BEFORE_AFTER = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    /** Collections seen and the largest heap left after one of them, in bytes (-1 when there was none). */
    public record Window(int collections, long maxAfterBytes) {
    }

    private final Path file;

    public GcLog(Path file) {
        this.file = file;
    }

    /** Where the log ends now: pass it to {@link #since} to read only what is logged afterwards. */
    public long mark() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Window since(long mark) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            byte[] bytes = new byte[(int) Math.max(0, length - mark)];
            in.seek(mark);
            in.readFully(bytes);
            return parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + " failed", e);
        }
    }

    /** Parses GC log lines such as {@code GC(7) Pause Young (Normal) (G1 Evacuation Pause) 120M->15M(2048M) 3.1ms}. */
    public static Window parse(String log) {
        int collections = 0;
        long maxAfter = -1;
        Matcher m = BEFORE_AFTER.matcher(log);
        while (m.find()) {
            collections++;
            maxAfter = Math.max(maxAfter, bytes(m.group(3), m.group(4)));
        }
        return new Window(collections, maxAfter);
    }

    private static long bytes(String amount, String unit) {
        long n = Long.parseLong(amount);
        return switch (unit) {
            case "K" -> n << 10;
            case "M" -> n << 20;
            default -> n << 30;
        };
    }
}
