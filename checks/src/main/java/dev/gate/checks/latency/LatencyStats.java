package dev.gate.checks.latency;

import java.util.List;
import java.util.Objects;

/**
 * Everything measured about one endpoint before any decision: the rank test, the ratio and its
 * interval, and the percentiles a person checks first.
 *
 * @param test  the one-sided Mann-Whitney U test, before any correction for several endpoints
 * @param ratio the Hodges-Lehmann ratio of current to baseline with its interval
 */
public record LatencyStats(
        String endpointId,
        String label,
        List<Double> baselineMs,
        List<Double> currentMs,
        MannWhitneyU.Result test,
        RatioEstimate ratio,
        double baselineP50,
        double baselineP95,
        double currentP50,
        double currentP95) {

    public LatencyStats {
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(label, "label");
        baselineMs = List.copyOf(baselineMs);
        currentMs = List.copyOf(currentMs);
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(ratio, "ratio");
    }
}
