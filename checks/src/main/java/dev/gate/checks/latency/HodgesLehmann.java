package dev.gate.checks.latency;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Hodges-Lehmann estimate of the current/baseline latency ratio with Moses' distribution-free
 * confidence interval.
 *
 * <p>Latency is judged on a log scale: a slowdown multiplies latency. The estimate is the median of
 * all m·n pairwise ratios current_j / baseline_i (ordering ratios and log differences is the same).
 * The interval is read off the same ordered ratios: with k the largest integer for which
 * P(U &lt;= k − 1) &lt;= (1 − confidence) / 2 under the null distribution of U, it runs from the
 * k-th smallest ratio to the k-th largest. This is the interval that inverts the two-sided
 * Mann-Whitney test, so it holds whatever the shape of the latency distribution, as long as the
 * release changes latency by a factor. k comes from the exact distribution of U where it is
 * tabulated and from the normal approximation (with continuity correction) above that.
 */
public final class HodgesLehmann {
    private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

    private HodgesLehmann() {
    }

    /**
     * @param confidence the two-sided coverage of the interval, such as 0.99
     */
    public static RatioEstimate ratio(double[] baseline, double[] current, double confidence) {
        int m = baseline.length;
        int n = current.length;
        if (m == 0 || n == 0) {
            throw new IllegalArgumentException("a ratio needs samples on both sides, got " + m + " baseline and "
                    + n + " current");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, got " + confidence);
        }
        PairwiseDifferences d = new PairwiseDifferences(logs(baseline), logs(current));
        long total = d.count();
        double median = total % 2 == 1
                ? Math.exp(d.kth(total / 2 + 1))
                : (Math.exp(d.kth(total / 2)) + Math.exp(d.kth(total / 2 + 1))) / 2; // the median of the ratios themselves

        long k = orderStatistic(m, n, (1 - confidence) / 2);
        if (k < 1 && UDistribution.feasible(m, n)) {
            // Too few samples for this confidence: the widest interval there is, with its real coverage.
            double reached = 1 - 2 * UDistribution.of(m, n).atMost(0);
            return new RatioEstimate(median, Math.exp(d.kth(1)), Math.exp(d.kth(total)), reached, true);
        }
        k = Math.max(k, 1); // beyond the exact table P(U = 0) is far below any useful alpha
        return new RatioEstimate(median, Math.exp(d.kth(k)), Math.exp(d.kth(total + 1 - k)), confidence, false);
    }

    /** The largest k with P(U <= k − 1) <= halfAlpha, or 0 when even k = 1 does not qualify. */
    static long orderStatistic(int m, int n, double halfAlpha) {
        if (UDistribution.feasible(m, n)) {
            UDistribution u = UDistribution.of(m, n);
            long k = 0;
            while (k < (long) m * n / 2 && u.atMost(k) <= halfAlpha) {
                k++;
            }
            return k;
        }
        double mean = m * (double) n / 2;
        double sd = Math.sqrt(m * (double) n * (m + n + 1) / 12.0);
        // P(U <= k − 1) ≈ Φ((k − 1 + 1/2 − mean) / sd) <= halfAlpha
        double z = STANDARD.inverseCumulativeProbability(halfAlpha);
        return (long) Math.max(0, Math.floor(mean + z * sd + 0.5));
    }

    private static double[] logs(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] > 0) || Double.isInfinite(values[i])) {
                throw new IllegalArgumentException("latency samples must be positive and finite, got " + values[i]);
            }
            out[i] = Math.log(values[i]);
        }
        return out;
    }
}
