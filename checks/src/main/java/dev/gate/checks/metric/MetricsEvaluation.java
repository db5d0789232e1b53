package dev.gate.checks.metric;

import dev.gate.checks.CheckResult;
import dev.gate.checks.Redactor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Asks Prometheus each query's windows and decides it. Fail-closed per query: Prometheus down or
 * answering an error, a query that gives several series where one is compared, or a window without
 * data is an ERROR result of that query (a WARN for no data where the query allows it); the other
 * queries are still decided.
 */
public final class MetricsEvaluation {
    private static final int NAME_LIMIT = 90;

    private final PrometheusClient prometheus;
    private final Duration step;
    private final Redactor redactor;

    public MetricsEvaluation(PrometheusClient prometheus, Duration step, Redactor redactor) {
        this.prometheus = prometheus;
        this.step = step;
        this.redactor = redactor;
    }

    /**
     * Asks Prometheus one trivial question over {@code window}: a server that is down or refuses the
     * gate is known before the gate waits for the window after the deploy. Every query's result is then
     * that ERROR; empty when Prometheus answered.
     */
    public List<CheckResult> unreachable(List<MetricQuery> queries, Window window) throws InterruptedException {
        try {
            prometheus.queryRange("vector(1)", window, step);
            return List.of();
        } catch (PrometheusException e) {
            List<CheckResult> out = new ArrayList<>();
            for (MetricQuery q : queries) {
                out.add(CheckResult.error(q.id(), MetricDecision.KIND, redactor.cut(q.expressions().get(0), NAME_LIMIT),
                        redactor.redact(e.getMessage())).withPlaybook(MetricDecision.PLAYBOOK));
            }
            return out;
        }
    }

    public List<CheckResult> evaluate(List<MetricQuery> queries, Window before, Window after) throws InterruptedException {
        List<CheckResult> out = new ArrayList<>();
        for (MetricQuery q : queries) {
            out.add(evaluate(q, before, after));
        }
        return out;
    }

    public CheckResult evaluate(MetricQuery q, Window before, Window after) throws InterruptedException {
        String name = redactor.cut(q.expressions().get(0), NAME_LIMIT);
        try {
            if (q instanceof MetricQuery.Ratio r) {
                return ratio(r, name, before, after);
            }
            if (q instanceof MetricQuery.Latency l) {
                return latency(l, name, before, after);
            }
            MetricQuery.Threshold t = (MetricQuery.Threshold) q;
            List<Series> series = range(t.query(), after);
            return series.stream().allMatch(s -> s.points().isEmpty())
                    ? NoData.result(q, name, "after the deploy", after)
                    : ThresholdDecision.decide(t, name, series);
        } catch (PrometheusException e) {
            return CheckResult.error(q.id(), MetricDecision.KIND, name, redactor.redact(e.getMessage()))
                    .withPlaybook(MetricDecision.PLAYBOOK);
        } catch (OneSeriesExpected e) {
            return CheckResult.error(q.id(), MetricDecision.KIND, name, e.getMessage()).withPlaybook(MetricDecision.PLAYBOOK);
        } catch (RuntimeException e) {
            // one query's bug must not take the other queries' results with it (the stage would be one ERROR)
            String cause = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return CheckResult.error(q.id(), MetricDecision.KIND, name, "could not decide: "
                    + redactor.cut(cause.replaceAll("\\s+", " "), 200)).withPlaybook(MetricDecision.PLAYBOOK);
        }
    }

    private CheckResult ratio(MetricQuery.Ratio q, String name, Window before, Window after)
            throws PrometheusException, InterruptedException, OneSeriesExpected {
        Map<Instant, Double> totalBefore = points(q.total(), before);
        Map<Instant, Double> totalAfter = points(q.total(), after);
        long requestsBefore = count(totalBefore);
        long requestsAfter = count(totalAfter);
        if (requestsBefore == 0) {
            return NoData.result(q, name, "before the deploy", before);
        }
        if (requestsAfter == 0) {
            return NoData.result(q, name, "after the deploy", after);
        }
        // an error counter that matches nothing is no error yet: a 5xx series is born with its first 5xx
        Map<Instant, Double> errorsBefore = points(q.errors(), before);
        Map<Instant, Double> errorsAfter = points(q.errors(), after);
        CountComparison c = new CountComparison(Math.min(count(errorsBefore), requestsBefore), requestsBefore,
                Math.min(count(errorsAfter), requestsAfter), requestsAfter);
        return RatioDecision.decide(q, name, c, ratios(errorsBefore, totalBefore), ratios(errorsAfter, totalAfter));
    }

    private CheckResult latency(MetricQuery.Latency q, String name, Window before, Window after)
            throws PrometheusException, InterruptedException, OneSeriesExpected {
        // counted after dropping +Inf/NaN (histogram_quantile of an empty bucket), which the rank test cannot use
        Map<Instant, Double> rawBefore = points(q.query(), before);
        List<Double> b = finite(rawBefore.values());
        if (b.size() < LatencySeriesDecision.MIN_POINTS) {
            return NoData.tooFew(q, name, "before the deploy", before, rawBefore.size(), b.size(),
                    LatencySeriesDecision.MIN_POINTS);
        }
        Map<Instant, Double> rawAfter = points(q.query(), after);
        List<Double> a = finite(rawAfter.values());
        if (a.size() < LatencySeriesDecision.MIN_POINTS) {
            return NoData.tooFew(q, name, "after the deploy", after, rawAfter.size(), a.size(),
                    LatencySeriesDecision.MIN_POINTS);
        }
        return LatencySeriesDecision.decide(q, name, b, a);
    }

    private static List<Double> finite(java.util.Collection<Double> values) {
        return values.stream().filter(Double::isFinite).toList();
    }

    private List<Series> range(String promql, Window w) throws PrometheusException, InterruptedException {
        return prometheus.queryRange(StepTemplate.expand(promql, step), w, step);
    }

    /** The one series of a query, by time; empty when the query matched nothing. */
    private Map<Instant, Double> points(String promql, Window w)
            throws PrometheusException, InterruptedException, OneSeriesExpected {
        List<Series> series = range(promql, w);
        if (series.size() > 1) {
            throw new OneSeriesExpected(redactor.cut(promql, NAME_LIMIT) + " gives " + series.size()
                    + " series where one is compared; aggregate it, such as sum(...) or max(...) without \"by\"");
        }
        Map<Instant, Double> out = new TreeMap<>();
        if (!series.isEmpty()) {
            series.get(0).points().forEach(p -> out.put(p.at(), p.value()));
        }
        return out;
    }

    private static long count(Map<Instant, Double> perStep) {
        double sum = perStep.values().stream().mapToDouble(Double::doubleValue).filter(Double::isFinite)
                .filter(v -> v > 0).sum();
        return Math.round(sum);
    }

    /** Each step's error ratio, for the plot: steps without requests have none. */
    private static List<Double> ratios(Map<Instant, Double> errors, Map<Instant, Double> total) {
        List<Double> out = new ArrayList<>();
        total.forEach((at, n) -> {
            if (n > 0) {
                out.add(Math.min(1.0, errors.getOrDefault(at, 0.0) / n));
            }
        });
        return out;
    }

    /** A query meant to give one series gave several. */
    private static final class OneSeriesExpected extends Exception {
        private static final long serialVersionUID = 1L;

        OneSeriesExpected(String message) {
            super(message);
        }
    }
}
