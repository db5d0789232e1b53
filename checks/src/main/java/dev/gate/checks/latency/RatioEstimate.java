package dev.gate.checks.latency;

/**
 * How much slower the current release is, as a ratio of current to baseline latency.
 *
 * @param ratio      the Hodges-Lehmann estimate: the median of all pairwise ratios current / baseline
 * @param low        the lower end of the distribution-free confidence interval
 * @param high       the upper end
 * @param confidence the coverage the interval actually has: the one asked for, or less when the
 *                   samples are too few for any interval to reach it (then the interval is the whole
 *                   range of the pairwise ratios)
 * @param tooFewSamples true when the interval falls short of the confidence asked for
 */
public record RatioEstimate(double ratio, double low, double high, double confidence, boolean tooFewSamples) {
}
