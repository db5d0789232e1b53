package dev.gate.checks.metric;

import dev.gate.checks.CheckResult;
import dev.gate.checks.Status;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * Decides a {@code latency} query: are the points after the deploy larger than those before? A
 * one-sided Mann-Whitney U test on the points, with the rise of the median as the effect held
 * against {@code min_effect}. Neighbouring points of a {@code rate(...[1m])} share data, so the
 * test is optimistic about small shifts; the effect rule is what keeps a tiny shift from blocking.
 */
final class LatencySeriesDecision {
    /** Fewer points than this in a window say nothing a rank test could use. */
    static final int MIN_POINTS = 3;

    private LatencySeriesDecision() {
    }

    static CheckResult decide(MetricQuery.Latency q, String name, List<Double> before, List<Double> after) {
        double[] b = finite(before);
        double[] a = finite(after);
        double medianBefore = median(b);
        double medianAfter = median(a);
        double p = MannWhitneyUTest.withDefaults().with(AlternativeHypothesis.GREATER_THAN).test(a, b).getPValue();
        double effect = medianBefore > 0 ? medianAfter / medianBefore - 1 : (medianAfter > 0 ? Double.POSITIVE_INFINITY : 0);
        Status status = MetricDecision.of(p, effect, q.minEffect());
        String change = Double.isInfinite(effect) ? "" : MetricFormat.change(effect) + ", ";
        String line = "median " + MetricFormat.seconds(medianBefore) + " → " + MetricFormat.seconds(medianAfter)
                + " after the deploy (" + change + a.length + " points, " + MetricFormat.pValue(p)
                + "); worth blocking above " + MetricFormat.signedPercent(q.minEffect());
        if (status == Status.FAIL) {
            line += ": compare the commits of this release for slower code paths";
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("metric_kind", "latency");
        metrics.put("median_before_s", medianBefore);
        metrics.put("median_after_s", medianAfter);
        metrics.put("effect", Double.isInfinite(effect) ? null : effect);
        metrics.put("p_value", p);
        metrics.put("min_effect", q.minEffect());
        metrics.put("points_before", before);
        metrics.put("points_after", after);
        metrics.values().removeIf(java.util.Objects::isNull);
        return CheckResult.of(q.id(), MetricDecision.KIND, name, status, line).withMetrics(metrics)
                .withPlaybook(MetricDecision.PLAYBOOK);
    }

    static double[] finite(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray();
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
