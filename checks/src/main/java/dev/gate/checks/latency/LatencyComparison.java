package dev.gate.checks.latency;

/**
 * Measures one endpoint's current samples against its baseline ({@link LatencyStats}); deciding is
 * {@link LatencyRule}'s, and for several endpoints {@link LatencyDecision}'s.
 */
public final class LatencyComparison {
    private LatencyComparison() {
    }

    /** The verdict for one endpoint compared on its own, at the spec's confidence and bars. */
    public static EndpointVerdict compare(LatencySamples baseline, LatencySamples current, LatencySpec spec) {
        LatencyStats stats = measure(baseline, current, spec.confidence(), spec.effectiveRoundSize());
        return LatencyRule.judge(stats, stats.test().pValue(), 1 - spec.confidence(), spec);
    }

    /**
     * @param confidence the two-sided coverage of the ratio's interval
     * @param roundSize  samples per round, on both sides ({@link LatencySpec#effectiveRoundSize()})
     */
    public static LatencyStats measure(LatencySamples baseline, LatencySamples current, double confidence,
            int roundSize) {
        return measure(baseline, current, confidence, roundSize, SessionDrift.NONE);
    }

    /** @param drift how much the endpoint's median moves between sessions, from earlier deploys */
    public static LatencyStats measure(LatencySamples baseline, LatencySamples current, double confidence,
            int roundSize, SessionDrift drift) {
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
        int size = Math.max(1, roundSize);
        // the history keeps each session's median: the baseline's level is taken on the same scale
        RoundTest test = RoundTest.of(Rounds.of(x, size), Rounds.of(y, size))
                .withDrift(drift, Math.log(Quantiles.median(x)));
        return new LatencyStats(
                current.endpointId(),
                current.label(),
                baseline.ms(),
                current.ms(),
                size,
                test,
                test.ratio(confidence),
                Quantiles.of(x, 0.50),
                Quantiles.of(x, 0.95),
                Quantiles.of(y, 0.50),
                Quantiles.of(y, 0.95));
    }
}
