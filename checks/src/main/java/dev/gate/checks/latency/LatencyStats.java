package dev.gate.checks.latency;

import java.util.List;
import java.util.Objects;

/**
 * Everything measured about one endpoint before any decision: the test across rounds, the ratio and
 * its interval, and the percentiles a person checks first.
 *
 * @param test      the one-sided t-test across rounds, before any correction for several endpoints
 * @param ratio     current / baseline, with its interval
 * @param roundSize samples per round as cut for the test
 */
public record LatencyStats(
        String endpointId,
        String label,
        List<Double> baselineMs,
        List<Double> currentMs,
        int roundSize,
        RoundTest test,
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

    /** The slowdown in milliseconds the ratio means at the baseline's median. */
    public double deltaMs() {
        return baselineP50 * (ratio.ratio() - 1);
    }
}
