package dev.gate.checks.trend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import dev.gate.checks.latency.Quantiles;

/**
 * Where a series of deploy medians changed level: binary segmentation of the log medians. A split
 * is kept when the two sides' means differ by more than {@value #THRESHOLD} noise standard errors,
 * the noise estimated robustly from one deploy to the next (so the steps themselves do not inflate
 * it), and the step is at least {@value #MIN_STEP} on the ratio scale.
 */
public final class ChangePoints {
    /** Under pure noise, the largest split statistic of 50 deploys stays below 3.5 in 99% of series. */
    static final double THRESHOLD = 4.5;
    static final double MIN_STEP = 0.05;
    /** Below 1% the series is flatter than any server's medians repeat: a floor, not an estimate. */
    static final double MIN_NOISE = 0.01;

    private ChangePoints() {
    }

    /**
     * A level change.
     *
     * @param index the first point at the new level
     * @param ratio the new level over the old one (1.2 is +20%)
     */
    public record Step(int index, double ratio) {
        public boolean up() {
            return ratio > 1;
        }
    }

    /** The steps of the series, in order; medians must be positive. */
    public static List<Step> of(double[] medians) {
        int n = medians.length;
        if (n < 3) {
            return List.of();
        }
        double[] logs = Arrays.stream(medians).map(Math::log).toArray();
        double noise = noise(logs);
        List<Integer> cuts = new ArrayList<>();
        split(logs, 0, n, noise, cuts);
        cuts.sort(Integer::compare);
        List<Step> steps = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < cuts.size(); i++) {
            int cut = cuts.get(i);
            int to = i + 1 < cuts.size() ? cuts.get(i + 1) : n;
            double ratio = Math.exp(mean(logs, cut, to) - mean(logs, from, cut));
            if (Math.abs(ratio - 1) >= MIN_STEP) {
                steps.add(new Step(cut, ratio));
            }
            from = cut;
        }
        return steps;
    }

    private static void split(double[] logs, int from, int to, double noise, List<Integer> cuts) {
        int n = to - from;
        if (n < 3) {
            return;
        }
        int best = -1;
        double bestStat = 0;
        for (int k = from + 1; k < to; k++) {
            int left = k - from;
            int right = to - k;
            // one deploy is not a level, except the newest, which may have just stepped
            boolean newestAlone = right == 1 && to == logs.length;
            if (left < 2 || (right < 2 && !newestAlone)) {
                continue;
            }
            double stat = Math.abs(mean(logs, from, k) - mean(logs, k, to)) * Math.sqrt((double) left * right / n) / noise;
            if (stat > bestStat) {
                bestStat = stat;
                best = k;
            }
        }
        if (best < 0 || bestStat <= THRESHOLD) {
            return;
        }
        cuts.add(best);
        split(logs, from, best, noise, cuts);
        split(logs, best, to, noise, cuts);
    }

    /** The standard deviation of one point, from the median absolute change between neighbours. */
    static double noise(double[] logs) {
        double[] diffs = new double[logs.length - 1];
        for (int i = 1; i < logs.length; i++) {
            diffs[i - 1] = logs[i] - logs[i - 1];
        }
        return Math.max(MIN_NOISE, Quantiles.robustSpread(diffs) / Math.sqrt(2));
    }

    private static double mean(double[] v, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += v[i];
        }
        return sum / (to - from);
    }
}
