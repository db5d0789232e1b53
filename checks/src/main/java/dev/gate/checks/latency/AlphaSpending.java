package dev.gate.checks.latency;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Splits a false-block rate alpha across the looks of a sequential comparison (Lan and DeMets'
 * alpha spending with the Pocock-type function alpha·ln(1 + (e − 1)·t), t the share of the final
 * information reached). Early looks get a larger share than O'Brien-Fleming would give them, so
 * clear slowdowns stop early.
 *
 * <p>Looking k times at a test each at level alpha would block an unchanged release more often
 * than alpha; Bonferroni (alpha / k each) would keep the promise but waste power, because
 * consecutive looks share most of their data. Here the looks' z-statistics are treated as a
 * Brownian motion in the information I_k = 1 / (1/m + 1/n_k) (m baseline samples, fixed; n_k current
 * samples at look k), so corr(Z_j, Z_k) = sqrt(I_j / I_k). The upper boundary c_k is chosen so that
 * P(Z_1 &lt; c_1, …, Z_(k−1) &lt; c_(k−1), Z_k &gt;= c_k) equals the alpha spent at look k; these
 * probabilities are computed by numerical integration of the continuation density on a grid
 * (Armitage, McPherson and Rowe's recursion, Simpson's rule). Stopping early for a PASS never adds
 * false blocks, so the boundaries ignore it (non-binding futility).
 */
final class AlphaSpending {
    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);
    /** The density below −LOW is negligible (Φ(−10) ≈ 8e-24). */
    private static final double LOW = 10;
    private static final int MIN_POINTS = 801;
    private static final int MAX_POINTS = 4001;

    private AlphaSpending() {
    }

    /** The alpha spent by the time the information fraction reaches t. */
    static double spent(double alpha, double t) {
        return alpha * Math.log(1 + (Math.E - 1) * Math.min(1, Math.max(0, t)));
    }

    /**
     * The nominal one-sided levels of the looks: at look k, a p-value below {@code levels[k]} crosses
     * the boundary.
     *
     * @param information increasing, one per look
     */
    static double[] levels(double[] information, double alpha) {
        double[] bounds = boundaries(information, alpha);
        double[] levels = new double[bounds.length];
        for (int k = 0; k < bounds.length; k++) {
            levels[k] = upperTail(bounds[k]);
        }
        return levels;
    }

    /** The z-scale boundaries c_k. */
    static double[] boundaries(double[] information, double alpha) {
        int looks = information.length;
        Step[] steps = steps(information);
        double total = information[looks - 1];
        double[] c = new double[looks];
        Density continuing = null;
        double spentSoFar = 0;
        for (int k = 0; k < looks; k++) {
            double target = spent(alpha, information[k] / total) - spentSoFar;
            spentSoFar += target;
            c[k] = k == 0 ? -STANDARD.inverseCumulativeProbability(target) : solve(continuing, steps[k], target);
            if (k < looks - 1) {
                continuing = k == 0
                        ? Density.standardNormalBelow(c[0], steps[1])
                        : continuing.next(steps[k], c[k], steps[k + 1]);
            }
        }
        return c;
    }

    /** P(some Z_k >= c_k) for given boundaries: what a plan promises, for tests and the benchmark. */
    static double crossing(double[] information, double[] c) {
        Step[] steps = steps(information);
        double p = upperTail(c[0]);
        if (c.length == 1) {
            return p;
        }
        Density continuing = Density.standardNormalBelow(c[0], steps[1]);
        for (int k = 1; k < c.length; k++) {
            p += continuing.crossing(steps[k], c[k]);
            if (k < c.length - 1) {
                continuing = continuing.next(steps[k], c[k], steps[k + 1]);
            }
        }
        return p;
    }

    /** steps[k] leads from look k − 1 to look k; steps[0] is unused. */
    private static Step[] steps(double[] information) {
        Step[] steps = new Step[information.length];
        for (int k = 1; k < information.length; k++) {
            steps[k] = Step.between(information[k - 1], information[k]);
        }
        return steps;
    }

    private static double solve(Density continuing, Step step, double target) {
        double lo = -LOW;
        double hi = 40;
        for (int i = 0; i < 200 && hi - lo > 1e-10; i++) {
            double mid = (lo + hi) / 2;
            if (continuing.crossing(step, mid) > target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    private static double upperTail(double z) {
        return STANDARD.cumulativeProbability(-z);
    }

    /** Z_k given Z_(k−1) = z is normal with mean r·z and standard deviation s. */
    private record Step(double r, double s) {
        static Step between(double before, double after) {
            if (!(after > before)) {
                throw new IllegalArgumentException("looks must add information: " + before + " then " + after);
            }
            return new Step(Math.sqrt(before / after), Math.sqrt((after - before) / after));
        }
    }

    /**
     * The sub-density of Z_k on the paths that have not crossed yet, times Simpson weights, on an even
     * grid from −LOW to c_k; fine enough that the kernel of the following step, which has standard
     * deviation s / r in z_k, spans at least 8 grid points per standard deviation.
     */
    private record Density(double[] z, double[] weightedF) {
        static Density standardNormalBelow(double c, Step following) {
            double[] z = grid(c, following);
            double[] w = simpson(z);
            double[] f = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                f[i] = w[i] * STANDARD.density(z[i]);
            }
            return new Density(z, f);
        }

        double crossing(Step step, double c) {
            double p = 0;
            for (int i = 0; i < z.length; i++) {
                p += weightedF[i] * STANDARD.cumulativeProbability((step.r() * z[i] - c) / step.s());
            }
            return p;
        }

        Density next(Step step, double c, Step following) {
            double[] zNext = grid(c, following);
            double[] w = simpson(zNext);
            double[] f = new double[zNext.length];
            for (int j = 0; j < zNext.length; j++) {
                double sum = 0;
                for (int i = 0; i < z.length; i++) {
                    double u = (zNext[j] - step.r() * z[i]) / step.s();
                    if (u > -9 && u < 9) {
                        sum += weightedF[i] * Math.exp(-u * u / 2);
                    }
                }
                f[j] = w[j] * sum / (step.s() * Math.sqrt(2 * Math.PI));
            }
            return new Density(zNext, f);
        }

        private static double[] grid(double c, Step following) {
            double top = Math.min(c, LOW);
            double spacing = following.s() / following.r() / 8;
            int points = (int) Math.min(MAX_POINTS, Math.ceil((top + LOW) / spacing) + 1);
            points = Math.max(MIN_POINTS, points | 1); // odd, for Simpson
            double[] z = new double[points];
            double h = (top + LOW) / (points - 1);
            for (int i = 0; i < points; i++) {
                z[i] = -LOW + i * h;
            }
            return z;
        }

        private static double[] simpson(double[] z) {
            double h = z[1] - z[0];
            double[] w = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                double factor = i == 0 || i == z.length - 1 ? 1 : (i % 2 == 1 ? 4 : 2);
                w[i] = factor * h / 3;
            }
            return w;
        }
    }
}
