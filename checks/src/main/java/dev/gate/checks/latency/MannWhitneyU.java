package dev.gate.checks.latency;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * The one-sided Mann-Whitney U test of "the current release is slower than the baseline".
 *
 * <p>U counts the pairs (baseline x, current y) with y &gt; x, a tie counting one half. Large U
 * means the current release tends to be slower, so the one-sided p-value is P(U &gt;= u) under
 * the null hypothesis that both samples come from one distribution. Halving a two-sided p-value
 * would be wrong whenever the current release is faster, where the one-sided p-value is near 1.
 *
 * <p>Commons Statistics' {@link MannWhitneyUTest} computes U and the p-value, with the
 * alternative "current is greater". Without ties and with fewer than 50 samples a side it is exact;
 * otherwise it is the normal approximation with the variance corrected for ties and a continuity
 * correction of one half. Where both compute the same thing it agrees with the code this class had
 * before to 1e-14 relative, on every size from 3×3 to 120×120, with and without ties.
 *
 * <p>One range stays ours: no ties, 50 or more samples on a side, and m·n up to
 * {@link UDistribution#EXACT_LIMIT}, the sizes that sequential looks with a large baseline reach.
 * There Commons' default switches to the normal approximation, and on
 * {@code bin/bench LatencyDecisionBench} that changed 32 of the 105 rows, mostly to less
 * detection, by up to 1.1 points (sequential, baseline 60, σ 0.5, +20%: blocked 37.3% → 36.2%),
 * and turned one target from ok to MISS (σ 0.25, n 50, +10%: 30.5% → 30.3%). Commons' exact
 * method at those sizes tabulates (m+1)(n+1)(u+1) values: 100×100 ran out of memory in a 256 MB
 * heap and took 1.2 s in 512 MB, where {@link UDistribution} needs 0.2 s in 128 MB and is cached
 * anyway for the ratio's interval ({@link HodgesLehmann}). So in that range the p-value is read
 * from {@link UDistribution}, and the bench tables are identical to the ones before Commons was used.
 */
public final class MannWhitneyU {
    /** Commons' default is exact below this many samples a side (and without ties). */
    static final int COMMONS_EXACT_BELOW = 50;

    private static final MannWhitneyUTest SLOWER = MannWhitneyUTest.withDefaults()
            .with(AlternativeHypothesis.GREATER_THAN);

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
        MannWhitneyUTest.Result r = SLOWER.test(current, baseline);
        double u = r.getStatistic();
        boolean exact = !r.hasTiedValues() && UDistribution.feasible(m, n);
        if (exact && Math.max(m, n) >= COMMONS_EXACT_BELOW) {
            return new Result(u, UDistribution.of(m, n).atLeast(u), true);
        }
        return new Result(u, r.getPValue(), exact);
    }
}
