package dev.gate.checks.metric;

import dev.gate.checks.CheckResult;

/**
 * A window the query matched nothing in: its own outcome, never a PASS, since a renamed metric or a
 * wrong label would otherwise pass every deploy. An ERROR (which blocks) unless the query allows it.
 */
final class NoData {
    private NoData() {
    }

    static CheckResult result(MetricQuery q, String name, String which, Window w) {
        String line = "no data " + which + " (" + MetricFormat.time(w.start()) + " to " + MetricFormat.time(w.end())
                + "): the query matched nothing; check it in Prometheus";
        return q.allowNoData()
                ? CheckResult.warn(q.id(), MetricDecision.KIND, name, line + " (allowed by allow_no_data)")
                : CheckResult.error(q.id(), MetricDecision.KIND, name, line + ", or set allow_no_data: true");
    }
}
