package dev.gate.checks.latency;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exact null distribution of the Mann-Whitney U statistic for samples of sizes m and n
 * without ties: under "both samples come from one distribution" every interleaving of the two
 * samples is equally likely.
 *
 * <p>Computed by dynamic programming on probabilities rather than counts, so nothing overflows and
 * every term is a sum of positives (no cancellation, so tail probabilities of 1e-12 stay accurate).
 * The largest of the m + n values is a current value with probability n / (m + n), and then it beats
 * all m baseline values; otherwise it adds nothing:
 * {@code P[m,n](u) = n/(m+n) · P[m,n-1](u - m) + m/(m+n) · P[m-1,n](u)}.
 * The cost is about (mn)²/4 additions, so distributions are cached per pair of sizes.
 */
final class UDistribution {
    /** Above this m·n the normal approximation is used: it is accurate there and the table grows. */
    static final int EXACT_LIMIT = 10_000;

    private static final Map<Long, UDistribution> CACHE = new ConcurrentHashMap<>();

    private final double[] upper; // upper[u] = P(U >= u), u = 0..mn
    private final double[] lower; // lower[u] = P(U <= u)

    private UDistribution(double[] pmf) {
        upper = new double[pmf.length];
        lower = new double[pmf.length];
        double s = 0;
        for (int u = pmf.length - 1; u >= 0; u--) {
            s += pmf[u];
            upper[u] = Math.min(1.0, s);
        }
        s = 0;
        for (int u = 0; u < pmf.length; u++) {
            s += pmf[u];
            lower[u] = Math.min(1.0, s);
        }
    }

    static boolean feasible(int m, int n) {
        return (long) m * n <= EXACT_LIMIT;
    }

    static UDistribution of(int m, int n) {
        int small = Math.min(m, n);
        int large = Math.max(m, n);
        if (small < 0 || (long) small * large > EXACT_LIMIT) {
            throw new IllegalArgumentException("no exact U distribution for sizes " + m + " and " + n
                    + "; the limit is m·n <= " + EXACT_LIMIT);
        }
        // U and mn - U have the same distribution, and P[m,n] = P[n,m]: one table serves both orders.
        return CACHE.computeIfAbsent(((long) small << 32) | large, k -> new UDistribution(pmf(small, large)));
    }

    /** P(U >= u); 1 for u <= 0 and 0 above mn. */
    double atLeast(double u) {
        int k = (int) Math.ceil(u);
        if (k <= 0) {
            return 1.0;
        }
        return k >= upper.length ? 0.0 : upper[k];
    }

    /** P(U <= u); 0 below 0 and 1 for u >= mn. */
    double atMost(double u) {
        int k = (int) Math.floor(u);
        if (k < 0) {
            return 0.0;
        }
        return k >= lower.length ? 1.0 : lower[k];
    }

    private static double[] pmf(int m, int n) {
        // prev[j] holds P[i-1, j], cur[j] holds P[i, j], each indexed by u = 0..(i·j).
        double[][] prev = new double[n + 1][];
        for (int j = 0; j <= n; j++) {
            prev[j] = new double[] {1.0};
        }
        for (int i = 1; i <= m; i++) {
            double[][] cur = new double[n + 1][];
            cur[0] = new double[] {1.0};
            for (int j = 1; j <= n; j++) {
                double[] p = new double[i * j + 1];
                double currentLargest = (double) j / (i + j);
                double[] left = cur[j - 1];
                for (int u = 0; u < left.length; u++) {
                    p[u + i] += currentLargest * left[u];
                }
                double baselineLargest = (double) i / (i + j);
                double[] up = prev[j];
                for (int u = 0; u < up.length; u++) {
                    p[u] += baselineLargest * up[u];
                }
                cur[j] = p;
            }
            prev = cur;
        }
        return prev[n];
    }
}
