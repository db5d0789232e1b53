package dev.gate.checks.metric;

import dev.gate.checks.CheckResult;
import dev.gate.checks.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides a {@code ratio} query on the windows' counts with {@link CountComparison}: BLOCK when
 * the rise is significant and larger than {@code max_increase}.
 */
final class RatioDecision {
    private RatioDecision() {
    }

    static CheckResult decide(MetricQuery.Ratio q, String name, CountComparison c, List<Double> beforeRatios,
                              List<Double> afterRatios) {
        double p = c.pValueOfRise();
        Status status = MetricDecision.of(p, c.rise(), q.maxIncrease());
        String line = MetricFormat.percent(c.ratioBefore()) + " → " + MetricFormat.percent(c.ratioAfter())
                + " after the deploy (" + c.errorsAfter() + " of " + c.requestsAfter() + " requests, "
                + MetricFormat.pValue(p) + "); worth blocking above " + MetricFormat.signedPercent(q.maxIncrease());
        if (status == Status.FAIL) {
            line += ": find the failing requests in the team's logs or dashboards";
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("metric_kind", "ratio");
        metrics.put("ratio_before", c.ratioBefore());
        metrics.put("ratio_after", c.ratioAfter());
        metrics.put("errors_before", c.errorsBefore());
        metrics.put("requests_before", c.requestsBefore());
        metrics.put("errors_after", c.errorsAfter());
        metrics.put("requests_after", c.requestsAfter());
        metrics.put("p_value", p);
        metrics.put("max_increase", q.maxIncrease());
        metrics.put("points_before", beforeRatios);
        metrics.put("points_after", afterRatios);
        return CheckResult.of(q.id(), MetricDecision.KIND, name, status, line).withMetrics(metrics)
                .withPlaybook(MetricDecision.PLAYBOOK);
    }
}
