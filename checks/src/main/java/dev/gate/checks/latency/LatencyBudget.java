package dev.gate.checks.latency;

import dev.gate.checks.CheckResult;
import dev.gate.checks.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Absolute latency budgets ({@code budgets: {health: {p95: 300ms}}}): a simple check per endpoint,
 * failing with the measured value, independent of any baseline. It catches what a comparison cannot:
 * a release that is as slow as the one before, and too slow.
 */
public final class LatencyBudget {
    public static final String KIND = "budget";
    public static final String PLAYBOOK = "latency-budget";
    private static final Map<String, Double> PERCENTILES = Map.of("p50", 0.50, "p90", 0.90, "p95", 0.95, "p99", 0.99);

    private LatencyBudget() {
    }

    /**
     * @param current the current release's samples of the endpoint
     * @param limits  percentile name ({@code p50}, {@code p90}, {@code p95}, {@code p99}) to its budget
     * @return id {@code <endpoint>-budget}, kind {@code budget}, named by the endpoint's label
     */
    public static CheckResult check(LatencySamples current, Map<String, Duration> limits) {
        String id = current.endpointId() + "-budget";
        if (current.size() == 0) {
            return CheckResult.error(id, KIND, current.label(),
                    current.label() + ": no latency samples to hold against its budget");
        }
        double[] values = current.values();
        List<String> over = new ArrayList<>();
        List<String> within = new ArrayList<>();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put(LatencyMetrics.CURRENT_MS, current.ms());
        limits.forEach((name, budget) -> {
            Double q = PERCENTILES.get(name);
            if (q == null) {
                throw new IllegalArgumentException(current.label() + ": unknown percentile \"" + name
                        + "\" in a budget; use one of p50, p90, p95, p99");
            }
            double measured = Quantiles.of(values, q);
            double limit = budget.toNanos() / 1e6;
            metrics.put(name + "_ms", measured);
            metrics.put(name + "_budget_ms", limit);
            String measuredText = name + " is " + ms(measured) + " ms";
            if (measured > limit) {
                over.add(measuredText + ", over the " + ms(limit) + " ms budget");
            } else {
                within.add(measuredText + ", within the " + ms(limit) + " ms budget");
            }
        });
        Status status = over.isEmpty() ? Status.PASS : Status.FAIL;
        String summary = current.label() + ": " + String.join("; ", over.isEmpty() ? within : over);
        CheckResult result = CheckResult.of(id, KIND, current.label(), status, summary).withMetrics(metrics);
        if (!over.isEmpty()) {
            result = result.withDetails(within).withPlaybook(PLAYBOOK);
        }
        return result;
    }

    /** Whole milliseconds from 100 ms up, one decimal below: {@code 412}, {@code 41.2}. */
    private static String ms(double ms) {
        if (ms >= 100 || ms == Math.rint(ms)) {
            return String.format(Locale.ROOT, "%.0f", ms);
        }
        return String.format(Locale.ROOT, "%.1f", ms);
    }
}
