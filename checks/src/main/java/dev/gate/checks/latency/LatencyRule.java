package dev.gate.checks.latency;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The finding for one endpoint, from its measurements and a p-value already corrected for the
 * number of endpoints (and, when sampling sequentially, compared with the level of the look). With
 * "slower" meaning p &lt; level and {@code bar} = 1 + min_effect:
 *
 * <ul>
 *   <li>{@link LatencyFinding#WORTH_BLOCKING} when slower, the ratio is at least the bar and the
 *       slowdown at the baseline's median is at least {@code min_delta};</li>
 *   <li>{@link LatencyFinding#UNDER_FLOOR} when slower past the bar but by fewer milliseconds, and at
 *       least half of {@code min_delta};</li>
 *   <li>{@link LatencyFinding#SLOWER} when slower by at least half of min_effect (and of min_delta),
 *       short of the bar;</li>
 *   <li>{@link LatencyFinding#SLIGHTLY_SLOWER} when slower by less than half of either: a WARN must be
 *       at least half of what would block, on both scales;</li>
 *   <li>{@link LatencyFinding#INCONCLUSIVE} when not slower but the interval reaches above the bar;</li>
 *   <li>{@link LatencyFinding#FASTER} or {@link LatencyFinding#NOT_SLOWER} otherwise.</li>
 * </ul>
 *
 * Requiring both a small p-value and a large enough estimate keeps the two questions apart: the
 * test says whether the release is slower at all, the estimate says whether it matters.
 */
public final class LatencyRule {
    private LatencyRule() {
    }

    /**
     * @param p     the p-value to decide on (after Holm's correction when several endpoints are compared)
     * @param level p must be below this to count as slower: 1 − confidence, or a look's share of it
     */
    public static EndpointVerdict judge(LatencyStats s, double p, double level, LatencySpec spec) {
        double minEffect = spec.minEffect();
        double bar = 1 + minEffect;
        RatioEstimate r = s.ratio();
        String evidence = LatencyLine.evidence(s, p);
        LatencyFinding finding;
        String summary;
        if (p < level && r.ratio() >= bar && s.deltaMs() >= spec.minDeltaMs()) {
            finding = LatencyFinding.WORTH_BLOCKING;
            summary = s.label() + " is " + LatencyLine.ratio(r.ratio()) + "× slower " + evidence;
        } else if (p < level && r.ratio() >= 1 + minEffect / 2 && s.deltaMs() >= spec.minDeltaMs() / 2) {
            if (r.ratio() >= bar) {
                finding = LatencyFinding.UNDER_FLOOR;
                summary = s.label() + " is " + LatencyLine.ratio(r.ratio()) + "× slower but only +"
                        + LatencyLine.ms(s.deltaMs()) + " ms, under the " + LatencyLine.ms(spec.minDeltaMs())
                        + " ms worth blocking for " + evidence;
            } else {
                finding = LatencyFinding.SLOWER;
                summary = s.label() + " is " + slowerBy(r.ratio()) + " slower, under the " + LatencyLine.percent(minEffect)
                        + " worth blocking for " + evidence;
            }
        } else if (p < level && r.ratio() < 1 + minEffect / 2) {
            finding = LatencyFinding.SLIGHTLY_SLOWER;
            summary = s.label() + " is " + slowerBy(r.ratio()) + " slower, under half of the "
                    + LatencyLine.percent(minEffect) + " worth blocking for " + evidence;
        } else if (p < level) {
            // a sub-millisecond endpoint twice as slow is still noise next to the network a user is on
            finding = LatencyFinding.SLIGHTLY_SLOWER;
            summary = s.label() + " is " + LatencyLine.ratio(r.ratio()) + "× slower but only +" + LatencyLine.ms(s.deltaMs())
                    + " ms, under half of the " + LatencyLine.ms(spec.minDeltaMs()) + " ms worth blocking for " + evidence;
        } else if (r.high() > bar) {
            finding = LatencyFinding.INCONCLUSIVE;
            summary = s.label() + " is inconclusive: cannot rule out up to +" + LatencyLine.percent(r.high() - 1)
                    + " after " + s.currentMs().size() + " samples " + evidence;
        } else if (r.high() < 1) {
            finding = LatencyFinding.FASTER;
            summary = s.label() + " is faster, " + LatencyLine.ratio(r.ratio()) + "× " + evidence;
        } else {
            finding = LatencyFinding.NOT_SLOWER;
            summary = s.label() + " is not slower " + evidence;
        }
        List<String> details = new ArrayList<>();
        RoundTest t = s.test();
        details.add(String.format(Locale.ROOT,
                "t-test across rounds of %d samples: %d baseline and %d current rounds (%d and %d samples), "
                        + "t = %.2f with %d degrees of freedom, one-sided p = %s; a round's spread (drift and noise) %s",
                s.roundSize(), t.baselineRounds(), t.currentRounds(), s.baselineMs().size(), s.currentMs().size(),
                t.standardError() > 0 ? t.logRatio() / t.standardError() : 0.0, t.degreesOfFreedom(),
                LatencyLine.pValue(t.pValue()), LatencyLine.percent(Math.expm1(t.roundSpread()))));
        if (t.driftDecides()) {
            details.add("between sessions this endpoint's median moves by " + LatencyLine.percent(Math.expm1(t.drift().logSpread()))
                    + " beyond sampling noise (robust spread over its last " + t.drift().deploys() + " deploys), "
                    + "which rounds within one session cannot see: it is added to the comparison's uncertainty");
            if (t.pool().sessions() > 1) {
                details.add("the baseline is pooled with the " + (t.pool().sessions() - 1) + " earlier session(s) level "
                        + "with it, so the reference's own session varies less: the baseline's session ran "
                        + LatencyLine.percent(Math.abs(Math.expm1(-t.pool().shift())))
                        + (t.pool().shift() > 0 ? " faster" : " slower") + " than the pool, which the ratio takes off");
            }
        }
        EndpointVerdict verdict = new EndpointVerdict(s, finding, finding.status(spec.inconclusive()), summary, p, level, spec,
                details);
        if (!t.driftDecides()) {
            return verdict;
        }
        verdict = verdict.withMetric(LatencyMetrics.SESSION_DRIFT, Math.expm1(t.drift().logSpread()));
        return t.pool().sessions() > 1 ? verdict.withMetric(LatencyMetrics.POOLED_SESSIONS, t.pool().sessions()) : verdict;
    }

    /** {@code 4%}; a test can find a release slower while the ratio is barely above 1. */
    private static String slowerBy(double ratio) {
        double by = ratio - 1;
        return by < 0.01 ? "under 1%" : LatencyLine.percent(by);
    }
}
