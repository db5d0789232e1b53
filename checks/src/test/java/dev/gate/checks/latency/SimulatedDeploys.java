package dev.gate.checks.latency;

import java.util.random.RandomGenerator;

/**
 * Latency as a deploy would see it, drawn in-process: lognormal around a median, which is what
 * request latency roughly looks like, and where a slowdown multiplies every request.
 */
final class SimulatedDeploys {
    static final double MEDIAN_MS = 30;

    private SimulatedDeploys() {
    }

    /** n samples with median {@code MEDIAN_MS · factor} and log-scale spread sigma. */
    static double[] lognormal(RandomGenerator random, int n, double sigma, double factor) {
        double[] ms = new double[n];
        double mu = Math.log(MEDIAN_MS * factor);
        for (int i = 0; i < n; i++) {
            ms[i] = Math.exp(mu + sigma * random.nextGaussian());
        }
        return ms;
    }

    static LatencySamples samples(String id, double[] ms) {
        return LatencySamples.of(id, "GET /api/" + id, ms);
    }
}
