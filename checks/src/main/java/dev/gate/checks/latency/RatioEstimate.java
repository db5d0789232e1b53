package dev.gate.checks.latency;

/**
 * How much slower the current release is, as a ratio of current to baseline latency.
 *
 * @param ratio      the estimate: the exponential of the difference of the sides' mean round summaries
 * @param low        the lower end of its two-sided confidence interval
 * @param high       the upper end
 * @param confidence the interval's coverage
 */
public record RatioEstimate(double ratio, double low, double high, double confidence) {
}
