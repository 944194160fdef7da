package io.junction.bench.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One figure measured over several rounds, each round once straight to MariaDB and once through Junction. On a
 * shared two-core machine one pair of runs can differ by a fifth from the next, so a benchmark reports the medians
 * of the rounds and the median of the rounds' ratios; the runs alternate which side goes first, so that a machine
 * getting faster or slower over the run does not favour either side.
 */
public final class PairedRounds {
    private final List<Double> direct = new ArrayList<>();
    private final List<Double> junction = new ArrayList<>();

    /** One side's run of a round. */
    public interface Side<T> {
        T run() throws InterruptedException;
    }

    /** What both sides of a round measured. */
    public record Round<T>(T direct, T junction) {
    }

    /** Runs both sides of round {@code round} (from 0), direct first in every other round. */
    public static <T> Round<T> run(int round, Side<T> direct, Side<T> junction) throws InterruptedException {
        if (round % 2 == 0) {
            T first = direct.run();
            return new Round<>(first, junction.run());
        }
        T first = junction.run();
        return new Round<>(direct.run(), first);
    }

    public void add(double directValue, double junctionValue) {
        direct.add(directValue);
        junction.add(junctionValue);
    }

    public int rounds() {
        return direct.size();
    }

    public double directMedian() {
        return median(direct);
    }

    public double junctionMedian() {
        return median(junction);
    }

    /** The median of junction / direct over the rounds; NaN when a direct figure is zero. */
    public double ratioMedian() {
        return median(roundRatios());
    }

    /** Each round's ratio, junction / direct, as {@code 0.71, 0.66, 0.69}, for the report. */
    public String ratios() {
        return roundRatios().stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).collect(Collectors.joining(", "));
    }

    private List<Double> roundRatios() {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < direct.size(); i++) {
            ratios.add(direct.get(i) == 0 ? Double.NaN : junction.get(i) / direct.get(i));
        }
        return ratios;
    }

    /** The middle value (the mean of the two middle ones for an even count); NaN when empty or any value is NaN. */
    static double median(List<Double> values) {
        if (values.isEmpty() || values.stream().anyMatch(v -> v.isNaN())) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
