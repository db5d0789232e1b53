package dev.gate.checks.latency;

/**
 * One earlier session's level of an endpoint, as the history kept it: the log of that deploy's
 * median and how much that median varies from sampling alone.
 */
public record SessionLevel(double logMedian, double samplingVariance) {
    public SessionLevel {
        if (!Double.isFinite(logMedian) || !(samplingVariance >= 0) || Double.isInfinite(samplingVariance)) {
            throw new IllegalArgumentException("a session's level must be finite, its sampling variance finite "
                    + "and not negative: " + logMedian + ", " + samplingVariance);
        }
    }
}
