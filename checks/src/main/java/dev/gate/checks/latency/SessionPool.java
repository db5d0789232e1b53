package dev.gate.checks.latency;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The level the verify is compared with: the baseline's session pooled with the earlier sessions
 * of the endpoint that are level with it.
 *
 * <p>Each session draws its own speed (η² of variance, {@link SessionDrift}). A verify compared
 * with one baseline session differs by two sessions' draws, 2η²; compared with the mean of the
 * baseline and k − 1 earlier sessions of the same speed, by η²(1 + 1/k). The earlier sessions are
 * of earlier releases, so they only say something about the baseline's code while those releases
 * ran at its speed. That is tested, not assumed: going back from the newest, an earlier session
 * joins while it, the pool and the newest deploy's session (the baseline's own release) stay
 * consistent with one level (a χ² test of homogeneity) and show no trend (a weighted slope), each
 * at {@value #KEEP_LEVEL}. A release that really changed the speed is where the pool stops; so is a
 * creep of +10% a release on an endpoint that is steady from one session to the next. What neither
 * test sees well is a change of up to two or three times the sessions' own drift: right after a
 * real 1.3× slowdown at η 0.1, the next unchanged release lands in the top 0.5% of its comparison
 * about 4.5% of the time (the README's decision section). And the sessions turned away are those furthest from the baseline, so the pool
 * sits a little nearer to it than its variance says (about 15% more variance, in
 * {@code SessionPoolTest}). With no earlier session level with the baseline, the pool is the
 * baseline alone and the comparison is what it was without the history.
 *
 * @param shift    the pooled level minus the baseline's, in log latency: how much faster (above 0)
 *                 the baseline's session ran than the pool, to be taken off the comparison
 * @param variance of the pooled level: each session's draw η² plus its sampling noise, combined
 * @param sessions how many sessions are pooled, the baseline's included
 */
public record SessionPool(double shift, double variance, int sessions) {
    /** At most this many earlier sessions: beyond, 1/k gains little and older releases risk more. */
    public static final int MOST_EARLIER = 8;
    /** A test below this p-value stops the pool: the earlier session is not level with the later ones. */
    static final double KEEP_LEVEL = 0.10;
    /** No pool: the rounds alone, or a drift without the earlier sessions' levels. */
    public static final SessionPool BASELINE_ALONE = new SessionPool(0, 0, 1);

    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    /**
     * @param baselineLevel    the log median of the baseline's samples
     * @param baselineVariance the sampling variance of the baseline's level
     * @param earlier          earlier deploys' sessions, oldest first; the newest is most often the
     *                         release the baseline measured, in the same workers, so it is the
     *                         baseline's own session again: it is in the tests (it knows the
     *                         baseline's release's level) but not in the pool (it is not another draw)
     * @param sessionVariance  η²: how much one session's level varies beyond sampling
     */
    public static SessionPool of(double baselineLevel, double baselineVariance, List<SessionLevel> earlier,
            double sessionVariance) {
        List<double[]> pool = new ArrayList<>(); // {level, weight, age in releases}
        pool.add(new double[] {baselineLevel, 1 / (sessionVariance + baselineVariance), 0});
        List<double[]> tested = new ArrayList<>(pool);
        int newest = earlier.size() - 1;
        if (newest >= 0) {
            tested.add(new double[] {earlier.get(newest).logMedian(),
                    1 / (sessionVariance + earlier.get(newest).samplingVariance()), 0});
        }
        for (int i = newest - 1; i >= Math.max(0, newest - MOST_EARLIER); i--) {
            SessionLevel s = earlier.get(i);
            double weight = 1 / (sessionVariance + s.samplingVariance());
            if (!(weight < Double.POSITIVE_INFINITY)) {
                break;
            }
            double[] session = {s.logMedian(), weight, newest - i};
            tested.add(session);
            if (!level(tested)) {
                break;
            }
            pool.add(session);
        }
        double weights = 0;
        double sum = 0;
        for (double[] s : pool) {
            weights += s[1];
            sum += s[0] * s[1];
        }
        return new SessionPool(sum / weights - baselineLevel, 1 / weights, pool.size());
    }

    /** Consistent with one level, and no trend across the sessions' order. */
    private static boolean level(List<double[]> pool) {
        double w = 0;
        double mean = 0;
        double age = 0;
        for (double[] s : pool) {
            w += s[1];
            mean += s[0] * s[1];
            age += s[2] * s[1];
        }
        mean /= w;
        age /= w;
        double q = 0;
        double sxy = 0;
        double sxx = 0;
        for (double[] s : pool) {
            q += s[1] * (s[0] - mean) * (s[0] - mean);
            sxy += s[1] * (s[2] - age) * (s[0] - mean);
            sxx += s[1] * (s[2] - age) * (s[2] - age);
        }
        boolean homogeneous = ChiSquaredDistribution.of(pool.size() - 1).survivalProbability(q) >= KEEP_LEVEL;
        // with the variances known, the weighted slope's standard error is 1/√Sxx
        boolean flat = pool.size() < 3 || 2 * STANDARD.survivalProbability(Math.abs(sxy / sxx) * Math.sqrt(sxx))
                >= KEEP_LEVEL;
        return homogeneous && flat;
    }
}
