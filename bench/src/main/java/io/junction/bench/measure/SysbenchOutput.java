package io.junction.bench.measure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures of a {@code sysbench ... run} report (sysbench 1.0): transactions and queries per second, errors,
 * reconnects, average and percentile latency.
 */
public record SysbenchOutput(long transactions, double tps, long queries, double qps, long ignoredErrors,
                             long reconnects, double avgMs, double percentileMs) {

    private static final Pattern TRANSACTIONS = Pattern.compile("transactions:\\s+(\\d+)\\s+\\(([\\d.]+) per sec\\.\\)");
    private static final Pattern QUERIES = Pattern.compile("\\n\\s*queries:\\s+(\\d+)\\s+\\(([\\d.]+) per sec\\.\\)");
    private static final Pattern IGNORED = Pattern.compile("ignored errors:\\s+(\\d+)");
    private static final Pattern RECONNECTS = Pattern.compile("reconnects:\\s+(\\d+)");
    private static final Pattern AVG = Pattern.compile("\\n\\s*avg:\\s+([\\d.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("\\d+th percentile:\\s+([\\d.]+)");

    /** Parses a report; throws with the text when a figure is missing (sysbench died before reporting). */
    public static SysbenchOutput parse(String text) {
        Matcher transactions = find(TRANSACTIONS, text);
        Matcher queries = find(QUERIES, text);
        return new SysbenchOutput(Long.parseLong(transactions.group(1)), Double.parseDouble(transactions.group(2)),
                Long.parseLong(queries.group(1)), Double.parseDouble(queries.group(2)),
                Long.parseLong(find(IGNORED, text).group(1)), Long.parseLong(find(RECONNECTS, text).group(1)),
                Double.parseDouble(find(AVG, text).group(1)), Double.parseDouble(find(PERCENTILE, text).group(1)));
    }

    /** Ignored errors plus reconnects: anything but zero fails a benchmark. */
    public long errors() {
        return ignoredErrors + reconnects;
    }

    private static Matcher find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("sysbench output lacks " + pattern.pattern() + ":\n" + text);
        }
        return m;
    }
}
