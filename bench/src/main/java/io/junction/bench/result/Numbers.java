package io.junction.bench.result;

import java.util.Locale;

/** How the report writes figures: few digits, thousands separated, n/a for what was not measured. */
public final class Numbers {

    private Numbers() {
    }

    public static String format(Double value) {
        if (value == null || !Double.isFinite(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1000 || value == Math.rint(value) && magnitude >= 10) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (value == Math.rint(value)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** Junction over direct, as {@code 0.85 x}; n/a when either is missing or direct is zero. */
    public static String ratio(Double direct, Double junction) {
        if (direct == null || junction == null || direct == 0 || !Double.isFinite(direct) || !Double.isFinite(junction)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f x", junction / direct);
    }
}
