package dev.gate.checks.latency;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Is the release slower, with drift counted as noise: a two-sample t-test on the rounds' summaries
 * ({@link Rounds}), baseline rounds against current rounds, with the variance pooled between the
 * rounds of both sides.
 *
 * <p>Testing all samples as one sample per side (a rank test over 120 requests) takes the spread
 * within a round for the whole uncertainty, and then a server that is 10% slower this minute than
 * the last is a significant slowdown. Between rounds, that minute-to-minute drift is in the
 * variance: the interval widens when the server drifts and stays tight when it does not.
 *
 * @param logRatio       current minus baseline, in log latency: the estimate of ln(ratio)
 * @param standardError  of {@code logRatio}
 * @param degreesOfFreedom baseline rounds + current rounds − 2
 * @param pValue         one-sided: the chance of a difference this large if the release is not slower
 * @param roundSpread    the pooled standard deviation of a round's summary, in log latency: drift
 *                       plus the noise within a round
 * @param drift          the drift between sessions added to the rounds' variance;
 *                       {@link SessionDrift#NONE} when the rounds alone decide
 */
public record RoundTest(double logRatio, double standardError, int degreesOfFreedom, double pValue,
        int baselineRounds, int currentRounds, double roundSpread, SessionDrift drift) {

    public RoundTest {
        java.util.Objects.requireNonNull(drift, "drift");
    }

    /** A comparison of the rounds alone. */
    public RoundTest(double logRatio, double standardError, int degreesOfFreedom, double pValue,
                     int baselineRounds, int currentRounds, double roundSpread) {
        this(logRatio, standardError, degreesOfFreedom, pValue, baselineRounds, currentRounds, roundSpread,
                SessionDrift.NONE);
    }

    public static RoundTest of(double[] baselineRounds, double[] currentRounds) {
        int m = baselineRounds.length;
        int n = currentRounds.length;
        if (m < 1 || n < 1 || m + n < 3) {
            throw new IllegalArgumentException("comparing " + m + " baseline rounds with " + n
                    + " current rounds: drift cannot be measured with fewer than three");
        }
        double mb = mean(baselineRounds);
        double mc = mean(currentRounds);
        double ss = sumOfSquares(baselineRounds, mb) + sumOfSquares(currentRounds, mc);
        int df = m + n - 2;
        double spread = Math.sqrt(ss / df);
        double se = spread * Math.sqrt(1.0 / m + 1.0 / n);
        double d = mc - mb;
        double p;
        if (se > 0) {
            p = TDistribution.of(df).survivalProbability(d / se);
        } else {
            p = d > 0 ? 0 : 1;
        }
        return new RoundTest(d, se, df, p, m, n, spread, SessionDrift.NONE);
    }

    /**
     * The same comparison with the drift between sessions that earlier deploys showed added to its
     * variance: the rounds measure the noise within this session and the baseline's, the drift what
     * moves a whole session. The degrees of freedom combine the two (Welch–Satterthwaite).
     */
    public RoundTest withDrift(SessionDrift between) {
        if (!between.known() || between.logSpread() == 0) {
            return this;
        }
        double rounds = standardError * standardError;
        double drift = between.logSpread() * between.logSpread();
        double se = Math.sqrt(rounds + drift);
        double df = (rounds + drift) * (rounds + drift)
                / (rounds * rounds / degreesOfFreedom + drift * drift / between.degreesOfFreedom());
        int combined = (int) Math.max(1, Math.floor(df));
        double p = TDistribution.of(combined).survivalProbability(logRatio / se);
        return new RoundTest(logRatio, se, combined, p, baselineRounds, currentRounds, roundSpread, between);
    }

    /** Whether drift between sessions, measured over earlier deploys, is in the standard error. */
    public boolean driftDecides() {
        return drift.known();
    }

    /** The ratio current / baseline with its two-sided interval at {@code confidence}. */
    public RatioEstimate ratio(double confidence) {
        double t = TDistribution.of(degreesOfFreedom).inverseSurvivalProbability((1 - confidence) / 2);
        return new RatioEstimate(Math.exp(logRatio), Math.exp(logRatio - t * standardError),
                Math.exp(logRatio + t * standardError), confidence);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double sumOfSquares(double[] v, double mean) {
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return s;
    }
}
