package dev.gate.checks.metric;

import dev.gate.checks.CheckResult;
import dev.gate.checks.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decides a {@code threshold} query point by point: any point after the deploy past a limit blocks. */
final class ThresholdDecision {
    private ThresholdDecision() {
    }

    static CheckResult decide(MetricQuery.Threshold q, String name, List<Series> after) {
        List<Series.Point> points = after.stream().flatMap(s -> s.points().stream()).toList();
        List<Series.Point> past = new ArrayList<>();
        for (Series.Point p : points) {
            if (q.max().isPresent() && p.value() > q.max().getAsDouble()
                    || q.min().isPresent() && p.value() < q.min().getAsDouble()) {
                past.add(p);
            }
        }
        double highest = points.stream().mapToDouble(Series.Point::value).max().orElse(Double.NaN);
        double lowest = points.stream().mapToDouble(Series.Point::value).min().orElse(Double.NaN);
        String limits = limits(q);
        String line;
        if (past.isEmpty()) {
            String range = lowest == highest ? MetricFormat.number(lowest) + " at every point"
                    : "between " + MetricFormat.number(lowest) + " and " + MetricFormat.number(highest);
            line = range + " after the deploy (" + points.size() + " points); " + limits;
        } else {
            Series.Point first = past.get(0);
            Series.Point worst = past.stream().max((x, y) -> Double.compare(distance(q, x), distance(q, y))).orElseThrow();
            line = MetricFormat.number(worst.value()) + " at " + MetricFormat.time(worst.at()) + " after the deploy ("
                    + past.size() + " of " + points.size() + " points past the limit, first at "
                    + MetricFormat.time(first.at()) + "); " + limits;
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("metric_kind", "threshold");
        q.max().ifPresent(v -> metrics.put("max", v));
        q.min().ifPresent(v -> metrics.put("min", v));
        metrics.put("points_past_limit", past.size());
        metrics.put("points_after", points.stream().map(Series.Point::value).toList());
        return CheckResult.of(q.id(), MetricDecision.KIND, name, past.isEmpty() ? Status.PASS : Status.FAIL, line)
                .withMetrics(metrics).withPlaybook(MetricDecision.PLAYBOOK);
    }

    private static double distance(MetricQuery.Threshold q, Series.Point p) {
        double over = q.max().isPresent() ? p.value() - q.max().getAsDouble() : 0;
        double under = q.min().isPresent() ? q.min().getAsDouble() - p.value() : 0;
        return Math.max(over, under);
    }

    private static String limits(MetricQuery.Threshold q) {
        List<String> parts = new ArrayList<>();
        q.min().ifPresent(v -> parts.add("min " + MetricFormat.number(v)));
        q.max().ifPresent(v -> parts.add("max " + MetricFormat.number(v)));
        return "limit " + String.join(", ", parts);
    }
}
