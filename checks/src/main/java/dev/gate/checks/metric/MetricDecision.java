package dev.gate.checks.metric;

import dev.gate.checks.Status;

/** What the metric decisions share: their result kind and the significance a change must reach. */
public final class MetricDecision {
    /** The kind of every metric result, as reports find them. */
    public static final String KIND = "metric";
    /**
     * A change blocks only when the data say it is real at this level (99% confidence), and only
     * when it is as large as the suite's limit; half the limit and significant is a WARN.
     */
    public static final double ALPHA = 0.01;
    public static final String PLAYBOOK = "metrics";

    private MetricDecision() {
    }

    /** FAIL at the limit, WARN at half of it, PASS below or when the rise is not significant. */
    static Status of(double pValue, double effect, double limit) {
        if (pValue >= ALPHA) {
            return Status.PASS;
        }
        if (effect > limit) {
            return Status.FAIL;
        }
        return effect > limit / 2 ? Status.WARN : Status.PASS;
    }
}
