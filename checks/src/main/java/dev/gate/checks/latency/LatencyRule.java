package dev.gate.checks.latency;

import dev.gate.checks.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The decision for one endpoint, from its measurements and a p-value already corrected for the
 * number of endpoints (and, when sampling sequentially, compared with the level of the look):
 *
 * <ul>
 *   <li>FAIL (block) when p &lt; level and the ratio estimate is at least 1 + min_effect;</li>
 *   <li>WARN when p &lt; level but the ratio is smaller: slower, but not by enough to block for;</li>
 *   <li>WARN when p &gt;= level while the interval's upper end is above 1 + min_effect: a slowdown
 *       worth blocking for has not been ruled out, and more samples would tell;</li>
 *   <li>PASS otherwise.</li>
 * </ul>
 *
 * Requiring both a small p-value and a large enough estimate keeps the two questions apart: the
 * test says whether the release is slower at all, the estimate says whether it matters.
 */
public final class LatencyRule {
    private LatencyRule() {
    }

    /**
     * @param p         the p-value to decide on (after Holm's correction when several endpoints are compared)
     * @param level     p must be below this to count as slower: 1 − confidence, or a look's share of it
     * @param minEffect the smallest slowdown worth blocking for, as a proportion
     */
    public static EndpointVerdict judge(LatencyStats s, double p, double level, double minEffect) {
        double bar = 1 + minEffect;
        RatioEstimate r = s.ratio();
        String evidence = LatencyLine.evidence(s, p);
        Status status;
        String summary;
        if (p < level && r.ratio() >= bar) {
            status = Status.FAIL;
            summary = s.label() + " is " + LatencyLine.ratio(r.ratio()) + "× slower " + evidence;
        } else if (p < level) {
            status = Status.WARN;
            summary = s.label() + " is " + slowerBy(r.ratio()) + " slower, under the " + LatencyLine.percent(minEffect)
                    + " worth blocking for " + evidence;
        } else if (r.high() > bar) {
            status = Status.WARN;
            summary = s.label() + " cannot rule out up to +" + LatencyLine.percent(r.high() - 1)
                    + ": more samples would tell " + evidence;
        } else if (r.high() < 1) {
            status = Status.PASS;
            summary = s.label() + " is faster, " + LatencyLine.ratio(r.ratio()) + "× " + evidence;
        } else {
            status = Status.PASS;
            summary = s.label() + " is not slower " + evidence;
        }
        List<String> details = new ArrayList<>();
        MannWhitneyU.Result t = s.test();
        details.add(String.format(Locale.ROOT,
                "Mann-Whitney U = %s of %d pairs, one-sided p = %s (%s); %d baseline and %d current samples",
                t.u() == Math.rint(t.u()) ? String.valueOf((long) t.u()) : String.valueOf(t.u()),
                (long) s.baselineMs().size() * s.currentMs().size(), LatencyLine.pValue(t.pValue()),
                t.exact() ? "exact" : "normal approximation with tie and continuity correction",
                s.baselineMs().size(), s.currentMs().size()));
        if (r.tooFewSamples()) {
            details.add("too few samples for the confidence asked for: the widest interval covers only "
                    + LatencyLine.confidence(r.confidence()));
        }
        return new EndpointVerdict(s, status, summary, p, level, minEffect, details);
    }

    /** {@code 4%}; a rank test can find a release slower while the median ratio is barely above 1. */
    private static String slowerBy(double ratio) {
        double by = ratio - 1;
        return by < 0.01 ? "under 1%" : LatencyLine.percent(by);
    }
}
