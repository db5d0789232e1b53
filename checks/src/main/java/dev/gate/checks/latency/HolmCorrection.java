package dev.gate.checks.latency;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down correction for comparing several endpoints in one run: without it, a run of ten
 * endpoints at 1% each would block an unchanged release about one time in ten.
 *
 * <p>With the k p-values sorted ascending, the i-th smallest (from 1) is multiplied by k − i + 1,
 * capped at 1, and made non-decreasing along the order. Rejecting where the adjusted p-value is below
 * alpha keeps the chance of any false block at most alpha, whatever the dependence between
 * endpoints, and is never less powerful than Bonferroni.
 */
public final class HolmCorrection {
    private HolmCorrection() {
    }

    /** The adjusted p-values, in the order given. */
    public static double[] adjust(double... pValues) {
        int k = pValues.length;
        for (double p : pValues) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("a p-value must be between 0 and 1, got " + p);
            }
        }
        Integer[] order = IntStream.range(0, k).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i])); // stable: equal p-values keep their order
        double[] adjusted = new double[k];
        double running = 0;
        for (int rank = 0; rank < k; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1.0, (k - rank) * pValues[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
