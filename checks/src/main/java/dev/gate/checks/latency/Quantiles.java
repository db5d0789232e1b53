package dev.gate.checks.latency;

import java.util.Arrays;

/**
 * Percentiles of a sample, interpolated linearly between order statistics (type 7 of Hyndman and
 * Fan, the default of R and NumPy), so that a reader can reproduce every number in a report with
 * the tool at hand.
 */
public final class Quantiles {
    private Quantiles() {
    }

    /** The q-quantile, q from 0 to 1. */
    public static double of(double[] values, double q) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to take a percentile of");
        }
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("a quantile must be between 0 and 1, got " + q);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double h = (sorted.length - 1) * q;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }

    public static double median(double[] values) {
        return of(values, 0.5);
    }

    /**
     * 1.4826 × the median absolute deviation from the median: the standard deviation for normal
     * data, and not moved by the few values that are not (the deploy that really changed a level).
     */
    public static double robustSpread(double[] values) {
        double mid = median(values);
        double[] deviations = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            deviations[i] = Math.abs(values[i] - mid);
        }
        return 1.4826 * median(deviations);
    }
}
