package dev.gate.checks.latency;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The one-sided Mann-Whitney U test of "the current release is slower than the baseline".
 *
 * <p>U counts the pairs (baseline x, current y) with y &gt; x, a tie counting one half. Large U
 * means the current release tends to be slower, so the one-sided p-value is P(U &gt;= u) under
 * the null hypothesis that both samples come from one distribution. Commons Math's
 * {@code MannWhitneyUTest} only answers the two-sided question (and without tie or continuity
 * correction); halving a two-sided p-value is wrong whenever the current release is faster,
 * where the one-sided p-value is near 1, not near 0.
 *
 * <p>Without ties and with m·n up to {@link UDistribution#EXACT_LIMIT} the p-value is exact.
 * Otherwise it is the normal approximation with the variance corrected for ties and a continuity
 * correction of one half: z = (u − mn/2 − 1/2) / sd, p = 1 − Φ(z).
 */
public final class MannWhitneyU {
    private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

    private MannWhitneyU() {
    }

    /**
     * @param u      the statistic: pairs where current is slower, ties counting one half
     * @param pValue P(U &gt;= u) when both releases are equally fast
     * @param exact  true when computed from the exact null distribution
     */
    public record Result(double u, double pValue, boolean exact) {
    }

    /** Is {@code current} stochastically larger (slower) than {@code baseline}? */
    public static Result slower(double[] baseline, double[] current) {
        int m = baseline.length;
        int n = current.length;
        if (m == 0 || n == 0) {
            throw new IllegalArgumentException("the U test needs samples on both sides, got " + m + " baseline and "
                    + n + " current");
        }
        double[] x = baseline.clone();
        double[] y = current.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        double u = 0;
        double tieTerm = 0; // sum over groups of equal values of t³ − t
        int i = 0;
        int j = 0;
        while (i < m || j < n) {
            double v = j >= n || (i < m && x[i] <= y[j]) ? x[i] : y[j];
            int a = 0;
            while (i + a < m && x[i + a] == v) {
                a++;
            }
            int b = 0;
            while (j + b < n && y[j + b] == v) {
                b++;
            }
            u += (double) b * i + 0.5 * a * b; // these b current values beat the i smaller baseline values
            int t = a + b;
            tieTerm += (double) t * t * t - t;
            i += a;
            j += b;
        }
        if (tieTerm == 0 && UDistribution.feasible(m, n)) {
            return new Result(u, UDistribution.of(m, n).atLeast(u), true);
        }
        return new Result(u, normalUpperTail(u, m, n, tieTerm), false);
    }

    static double normalUpperTail(double u, int m, int n, double tieTerm) {
        double total = m + n;
        double variance = (double) m * n / 12.0 * ((total + 1) - tieTerm / (total * (total - 1)));
        if (variance <= 0) {
            return 1.0; // every value is equal: no evidence either way
        }
        double z = (u - m * (double) n / 2 - 0.5) / Math.sqrt(variance);
        return STANDARD.cumulativeProbability(-z); // the upper tail, accurate far out
    }
}
