package dev.gate.checks.latency;

/**
 * Compares one endpoint's current samples with its baseline: measures ({@link LatencyStats}) and,
 * for a single endpoint, decides ({@link LatencyRule}). Runs with several endpoints go through
 * {@link LatencyDecision}, which corrects the p-values for their number first.
 */
public final class LatencyComparison {
    private LatencyComparison() {
    }

    /** The verdict for one endpoint compared on its own, at the spec's confidence and minimum effect. */
    public static EndpointVerdict compare(LatencySamples baseline, LatencySamples current, LatencySpec spec) {
        LatencyStats stats = measure(baseline, current, spec.confidence());
        return LatencyRule.judge(stats, stats.test().pValue(), 1 - spec.confidence(), spec.minEffect());
    }

    /**
     * @param confidence the two-sided coverage of the ratio's interval
     */
    public static LatencyStats measure(LatencySamples baseline, LatencySamples current, double confidence) {
        if (!baseline.endpointId().equals(current.endpointId())) {
            throw new IllegalArgumentException("cannot compare the baseline of \"" + baseline.endpointId()
                    + "\" with current samples of \"" + current.endpointId() + "\"");
        }
        if (baseline.size() == 0 || current.size() == 0) {
            throw new IllegalArgumentException(current.label() + ": cannot compare " + baseline.size()
                    + " baseline samples with " + current.size() + " current samples");
        }
        double[] x = baseline.values();
        double[] y = current.values();
        return new LatencyStats(
                current.endpointId(),
                current.label(),
                baseline.ms(),
                current.ms(),
                MannWhitneyU.slower(x, y),
                HodgesLehmann.ratio(x, y, confidence),
                Quantiles.of(x, 0.50),
                Quantiles.of(x, 0.95),
                Quantiles.of(y, 0.50),
                Quantiles.of(y, 0.95));
    }
}
