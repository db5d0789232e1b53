package dev.gate.report;

import static dev.gate.report.HtmlParts.h;

import dev.gate.checks.CheckResult;
import dev.gate.checks.trend.Tripwire;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Each latency endpoint across deploys, as the trip-wire saw it: the medians of its last passed
 * deploys and this run's, highlighted. Read from the record's numbers only, like every report.
 */
final class HtmlTrends {
    private static final String MEDIANS = "history_median_ms";
    private static final String P95S = "history_p95_ms";
    private static final String NOW = "current_median_ms";

    private HtmlTrends() {
    }

    static String section(List<CheckResult> checks) {
        StringBuilder figures = new StringBuilder();
        for (CheckResult c : checks) {
            String prefix = c.kind().equals(Tripwire.KIND) ? "" : Tripwire.METRIC_PREFIX;
            List<Double> medians = numbers(c.metrics().get(prefix + MEDIANS));
            Object now = c.metrics().get(prefix + NOW);
            if (medians.isEmpty() || !(now instanceof Number current)) {
                continue;
            }
            List<Double> p95 = numbers(c.metrics().get(prefix + P95S));
            List<TrendPlot.Point> points = new ArrayList<>();
            for (int i = 0; i < medians.size(); i++) {
                Optional<Double> band = p95.size() == medians.size() ? Optional.of(p95.get(i)) : Optional.empty();
                points.add(new TrendPlot.Point(medians.get(i), band, TrendPlot.Mark.PASSED,
                        "deploy " + (i + 1) + " of the last " + medians.size() + " that passed"));
            }
            points.add(new TrendPlot.Point(current.doubleValue(), Optional.empty(), TrendPlot.Mark.THIS_RUN, "this run"));
            if (!points.stream().allMatch(p -> p.p95Ms().isPresent())) {
                points = points.stream().map(p -> new TrendPlot.Point(p.medianMs(), Optional.empty(), p.mark(), p.hover())).toList();
            }
            figures.append("<figure class=\"plot-card\"><figcaption>").append(HtmlParts.chip(c.status()))
                    .append(" <strong class=\"cid\">").append(h(c.id())).append("</strong> <span class=\"muted\">")
                    .append(h(c.name())).append(" across deploys; this run in blue</span></figcaption>")
                    .append(TrendPlot.svg(c.name() + ": median across the last deploys and this run", points, "ms"))
                    .append("</figure>");
        }
        if (figures.length() == 0) {
            return "";
        }
        return "<section id=\"trends\"><h2>Across deploys</h2>" + figures + "</section>";
    }

    private static List<Double> numbers(Object o) {
        List<Double> out = new ArrayList<>();
        if (o instanceof List<?> list) {
            for (Object x : list) {
                if (x instanceof Number n && Double.isFinite(n.doubleValue())) {
                    out.add(n.doubleValue());
                }
            }
        }
        return out;
    }
}
