package dev.gate.history;

import dev.gate.checks.latency.Quantiles;
import java.util.List;

/**
 * One endpoint's latency in one run, as the history keeps it: enough to draw the trend and to
 * compare runs, without the samples.
 *
 * @param logMean mean of the natural log of the samples (milliseconds)
 * @param logSd   standard deviation of the log samples, 0 for a single sample
 */
public record EndpointStats(String endpointId, String label, int n, double medianMs, double p90Ms, double p95Ms,
                            double logMean, double logSd) {

    /** @throws IllegalArgumentException when there are no samples */
    public static EndpointStats of(String endpointId, String label, List<Double> ms) {
        double[] v = ms.stream().mapToDouble(Double::doubleValue).toArray();
        if (v.length == 0) {
            throw new IllegalArgumentException(endpointId + ": no samples");
        }
        double sum = 0;
        for (double x : v) {
            sum += Math.log(x);
        }
        double mean = sum / v.length;
        double squares = 0;
        for (double x : v) {
            squares += (Math.log(x) - mean) * (Math.log(x) - mean);
        }
        double sd = v.length > 1 ? Math.sqrt(squares / (v.length - 1)) : 0;
        return new EndpointStats(endpointId, label, v.length, Quantiles.median(v), Quantiles.of(v, 0.9),
                Quantiles.of(v, 0.95), mean, sd);
    }
}
