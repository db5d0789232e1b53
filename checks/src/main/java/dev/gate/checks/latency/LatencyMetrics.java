package dev.gate.checks.latency;

/** The names of a latency result's metrics that the reports read back to draw and quote it. */
public final class LatencyMetrics {
    /** The baseline's samples, milliseconds, in the order taken. */
    public static final String BASELINE_MS = "baseline_ms";
    /** The live release's samples, milliseconds, in the order taken. */
    public static final String CURRENT_MS = "current_ms";
    public static final String P_VALUE = "p_value";
    /** The ratio of current to baseline, with its confidence interval. */
    public static final String RATIO = "ratio";
    public static final String RATIO_LOW = "ratio_low";
    public static final String RATIO_HIGH = "ratio_high";
    /** Medians and 95th percentiles of both sides, as the check computed them. */
    public static final String BASELINE_P50 = "baseline_p50";
    public static final String BASELINE_P95 = "baseline_p95";
    public static final String CURRENT_P50 = "current_p50";
    public static final String CURRENT_P95 = "current_p95";
    /** What the comparison found ({@link LatencyFinding#key()}): {@code inconclusive}, {@code worth_blocking}, … */
    public static final String FINDING = "finding";
    /**
     * How much the median moves between sessions, as a fraction, from earlier deploys: present when
     * it, rather than the rounds, set the comparison's uncertainty.
     */
    public static final String SESSION_DRIFT = "session_drift";
    /** How many sessions the reference pooled, the baseline's included, when it pooled earlier ones. */
    public static final String POOLED_SESSIONS = "pooled_sessions";

    private LatencyMetrics() {
    }
}
