package dev.gate.report;

import dev.gate.checks.Status;
import dev.gate.checks.CheckResult;
import dev.gate.checks.latency.LatencyMetrics;
import dev.gate.checks.latency.Quantiles;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the reports show of one latency comparison: the samples of both sides, their p50 and p95,
 * and the effect (the ratio of current to baseline with its confidence interval) and p-value.
 * Percentiles the check did not record are computed from the samples, so a record that only holds
 * samples still gets a table row and a plot.
 */
public record LatencyFigures(
        String id,
        String name,
        Status status,
        List<Double> baseline,
        List<Double> current,
        OptionalDouble baselineP50,
        OptionalDouble baselineP95,
        OptionalDouble currentP50,
        OptionalDouble currentP95,
        OptionalDouble ratio,
        OptionalDouble ratioLow,
        OptionalDouble ratioHigh,
        OptionalDouble pValue) {

    public static final String KIND = "latency";

    public LatencyFigures {
        baseline = List.copyOf(baseline);
        current = List.copyOf(current);
    }

    /** The figures of a latency check, or empty for any other check or one that holds none. */
    public static Optional<LatencyFigures> of(CheckResult c) {
        if (!KIND.equals(c.kind())) {
            return Optional.empty();
        }
        MetricValues m = new MetricValues(c.metrics());
        List<Double> baseline = m.numbers(LatencyMetrics.BASELINE_MS);
        List<Double> current = m.numbers(LatencyMetrics.CURRENT_MS);
        LatencyFigures f = new LatencyFigures(c.id(), c.name(), c.status(), baseline, current,
                given(m, LatencyMetrics.BASELINE_P50, baseline, 50), given(m, LatencyMetrics.BASELINE_P95, baseline, 95),
                given(m, LatencyMetrics.CURRENT_P50, current, 50), given(m, LatencyMetrics.CURRENT_P95, current, 95),
                given(m, LatencyMetrics.RATIO), given(m, LatencyMetrics.RATIO_LOW), given(m, LatencyMetrics.RATIO_HIGH), given(m, LatencyMetrics.P_VALUE));
        boolean anything = !baseline.isEmpty() || !current.isEmpty() || f.ratio.isPresent()
                || f.baselineP50.isPresent() || f.currentP50.isPresent();
        return anything ? Optional.of(f) : Optional.empty();
    }

    public boolean hasSamples() {
        return !baseline.isEmpty() || !current.isEmpty();
    }

    /**
     * The p-th percentile (p from 0 to 100) by the same rule the latency check records its
     * percentiles with ({@link Quantiles}), so a computed figure matches a recorded one.
     */
    static OptionalDouble percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Quantiles.of(values.stream().mapToDouble(Double::doubleValue).toArray(), p / 100));
    }

    private static OptionalDouble given(MetricValues m, String key, List<Double> samples, double p) {
        OptionalDouble recorded = given(m, key);
        return recorded.isPresent() ? recorded : percentile(samples, p);
    }

    private static OptionalDouble given(MetricValues m, String key) {
        return m.number(key).map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }
}
