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
 * @param logRatio       current minus baseline (less the pool's shift), in log latency: the estimate of ln(ratio)
 * @param standardError  of {@code logRatio}
 * @param degreesOfFreedom baseline rounds + current rounds − 2
 * @param pValue         one-sided: the chance of a difference this large if the release is not slower
 * @param roundSpread    the pooled standard deviation of a round's summary, in log latency: drift
 *                       plus the noise within a round
 * @param drift          the drift between sessions added to the rounds' variance;
 *                       {@link SessionDrift#NONE} when the rounds alone decide
 * @param pool           the sessions the baseline's level is pooled with; the baseline alone
 *                       without the history
 */
public record RoundTest(double logRatio, double standardError, int degreesOfFreedom, double pValue,
        int baselineRounds, int currentRounds, double roundSpread, SessionDrift drift, SessionPool pool) {

    public RoundTest {
        java.util.Objects.requireNonNull(drift, "drift");
        java.util.Objects.requireNonNull(pool, "pool");
    }

    /** A comparison of the rounds alone. */
    public RoundTest(double logRatio, double standardError, int degreesOfFreedom, double pValue,
                     int baselineRounds, int currentRounds, double roundSpread) {
        this(logRatio, standardError, degreesOfFreedom, pValue, baselineRounds, currentRounds, roundSpread,
                SessionDrift.NONE, SessionPool.BASELINE_ALONE);
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
        return new RoundTest(d, se, df, p, m, n, spread, SessionDrift.NONE, SessionPool.BASELINE_ALONE);
    }

    /**
     * The same comparison with the drift between sessions that earlier deploys showed added to its
     * variance: the rounds measure the noise within this session and the baseline's, the drift what
     * moves a whole session. The degrees of freedom combine the two (Welch–Satterthwaite). The
     * baseline's level is pooled with the earlier sessions level with it ({@link SessionPool}): the
     * verify is compared with the pool, whose own draw varies by η²/k rather than the one baseline
     * session's η², so the drift in the variance is η²(1 + 1/k) instead of 2η²; with nothing pooled
     * it is the baseline's session alone.
     *
     * @param baselineLevel the log median of the baseline's samples, on the scale the history keeps
     *                      its sessions' levels
     */
    public RoundTest withDrift(SessionDrift between, double baselineLevel) {
        if (!between.known() || between.logSpread() == 0) {
            return this;
        }
        double rounds = standardError * standardError;
        double eta2 = between.sessionVariance();
        if (!(eta2 > Double.MIN_NORMAL)) {
            // a spread too small to square: weighting sessions by 1/η² would divide by zero
            return this;
        }
        double baselineSampling = roundSpread * roundSpread / baselineRounds;
        SessionPool pool = SessionPool.of(baselineLevel, baselineSampling, between.earlier(), eta2);
        // the verify's own draw η², and the pool's in place of the baseline's draw and sampling;
        // the verify's sampling is in the rounds' part. Never below the rounds' own variance
        double drift = Math.max(0, eta2 + pool.variance() - baselineSampling);
        double se = Math.sqrt(rounds + drift);
        double d = logRatio - pool.shift();
        double parts = rounds * rounds / degreesOfFreedom + drift * drift / between.degreesOfFreedom();
        double df = parts > 0 ? (rounds + drift) * (rounds + drift) / parts : degreesOfFreedom;
        int combined = (int) Math.max(1, Math.floor(df));
        double p = se > 0 ? TDistribution.of(combined).survivalProbability(d / se) : (d > 0 ? 0 : 1);
        return new RoundTest(d, se, combined, p, baselineRounds, currentRounds, roundSpread, between, pool);
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
