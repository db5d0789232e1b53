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
        return result(q, name, which, w, "the query matched nothing");
    }

    /** Too few usable points: says how many there were, since "matched nothing" would send the team looking for a wrong label. */
    static CheckResult tooFew(MetricQuery q, String name, String which, Window w, int points, int finite, int needed) {
        if (points == 0) {
            return result(q, name, which, w);
        }
        String what = finite == points
                ? "only " + points + (points == 1 ? " point" : " points") + " in the window, need " + needed
                : "only " + finite + " of its " + points + " points in the window are finite numbers (the others are "
                        + "+Inf or NaN, as histogram_quantile gives for steps without requests), need " + needed;
        return result(q, name, which, w, what);
    }

    private static CheckResult result(MetricQuery q, String name, String which, Window w, String what) {
        String line = "no data " + which + " (" + MetricFormat.time(w.start()) + " to " + MetricFormat.time(w.end())
                + "): " + what + "; check it in Prometheus";
        return q.allowNoData()
                ? CheckResult.warn(q.id(), MetricDecision.KIND, name, line + " (allowed by allow_no_data)")
                : CheckResult.error(q.id(), MetricDecision.KIND, name, line + ", or set allow_no_data: true");
    }
}
