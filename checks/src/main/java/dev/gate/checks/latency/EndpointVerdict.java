package dev.gate.checks.latency;

import dev.gate.checks.CheckResult;
import dev.gate.checks.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The latency decision for one endpoint: what was found, the PASS, WARN or FAIL (block) it makes,
 * the line a person reads, and the numbers behind it.
 *
 * @param pValue the p-value the decision used: after Holm's correction when several endpoints
 *               were compared; {@link #rawPValue()} is the test's own
 * @param level  the p-value had to be below this to count as slower
 * @param spec   the bars it was judged against
 */
public record EndpointVerdict(
        LatencyStats stats,
        LatencyFinding finding,
        Status status,
        String summary,
        double pValue,
        double level,
        LatencySpec spec,
        List<String> details,
        Map<String, Object> extraMetrics) {

    public static final String KIND = "latency";
    public static final String PLAYBOOK = "latency-regression";
    private static final String SUFFIX = "-latency";

    /** The id of an endpoint's latency result: {@code <endpoint>-latency}. */
    public static String checkId(String endpointId) {
        return endpointId + SUFFIX;
    }

    /** The endpoint a latency result's id names. */
    public static String endpointOf(String checkId) {
        return checkId.endsWith(SUFFIX) ? checkId.substring(0, checkId.length() - SUFFIX.length()) : checkId;
    }

    public EndpointVerdict {
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(spec, "spec");
        details = List.copyOf(details);
        extraMetrics = Map.copyOf(extraMetrics);
    }

    public EndpointVerdict(LatencyStats stats, LatencyFinding finding, Status status, String summary, double pValue,
            double level, LatencySpec spec, List<String> details) {
        this(stats, finding, status, summary, pValue, level, spec, details, Map.of());
    }

    public String endpointId() {
        return stats.endpointId();
    }

    /** The one-sided p-value of the test before any correction. */
    public double rawPValue() {
        return stats.test().pValue();
    }

    public EndpointVerdict withDetail(String detail) {
        List<String> more = new ArrayList<>(details);
        more.add(detail);
        return new EndpointVerdict(stats, finding, status, summary, pValue, level, spec, more, extraMetrics);
    }

    /** The same measurements with another finding and line, as when a confirmation disagrees. */
    public EndpointVerdict refound(LatencyFinding newFinding, String newSummary) {
        return new EndpointVerdict(stats, newFinding, newFinding.status(spec.inconclusive()), newSummary, pValue,
                level, spec, details, extraMetrics);
    }

    /** This verdict with its line extended, as by a cold start worth saying. */
    public EndpointVerdict withSummary(String newSummary) {
        return new EndpointVerdict(stats, finding, status, newSummary, pValue, level, spec, details, extraMetrics);
    }

    public EndpointVerdict withMetric(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extraMetrics);
        more.put(name, value);
        return new EndpointVerdict(stats, finding, status, summary, pValue, level, spec, details, more);
    }

    /**
     * The numbers other tools read. The names {@code baseline_ms}, {@code current_ms}, {@code p_value},
     * {@code ratio}, {@code ratio_low}, {@code ratio_high}, {@code baseline_p50}, {@code baseline_p95},
     * {@code current_p50}, {@code current_p95} and {@code finding} are a contract; the rest may grow.
     */
    public Map<String, Object> metrics() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(LatencyMetrics.BASELINE_MS, stats.baselineMs());
        m.put(LatencyMetrics.CURRENT_MS, stats.currentMs());
        m.put(LatencyMetrics.P_VALUE, pValue);
        m.put(LatencyMetrics.RATIO, stats.ratio().ratio());
        m.put(LatencyMetrics.RATIO_LOW, stats.ratio().low());
        m.put(LatencyMetrics.RATIO_HIGH, stats.ratio().high());
        m.put(LatencyMetrics.BASELINE_P50, stats.baselineP50());
        m.put(LatencyMetrics.BASELINE_P95, stats.baselineP95());
        m.put(LatencyMetrics.CURRENT_P50, stats.currentP50());
        m.put(LatencyMetrics.CURRENT_P95, stats.currentP95());
        m.put(LatencyMetrics.FINDING, finding.key());
        m.put("p_value_unadjusted", rawPValue());
        m.put("p_threshold", level);
        m.put("ratio_confidence", stats.ratio().confidence());
        m.put("min_effect", spec.minEffect());
        m.put("min_delta_ms", spec.minDeltaMs());
        m.put("round_size", stats.roundSize());
        m.put("baseline_rounds", stats.test().baselineRounds());
        m.put("current_rounds", stats.test().currentRounds());
        m.put("round_spread", stats.test().roundSpread());
        new TreeMap<>(extraMetrics).forEach(m::put);
        return m;
    }

    /** As a check result: id {@code <endpoint>-latency}, kind {@code latency}, named by the endpoint's label. */
    public CheckResult toCheckResult() {
        return CheckResult.of(checkId(endpointId()), KIND, stats.label(), status, summary)
                .withDetails(details)
                .withMetrics(metrics())
                .withPlaybook(status == Status.PASS ? "" : PLAYBOOK);
    }
}
