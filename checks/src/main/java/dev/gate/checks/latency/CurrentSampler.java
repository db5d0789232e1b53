package dev.gate.checks.latency;

import java.util.List;

/**
 * What {@link LatencyDecision#run} needs from the sampler: more samples of the live release.
 */
@FunctionalInterface
public interface CurrentSampler {
    /**
     * Takes {@code count} more samples of each endpoint, interleaved round-robin so that drift hits
     * all alike, and returns only the new ones, one entry per endpoint (an endpoint whose requests
     * all failed may come back with fewer samples, or none).
     */
    List<LatencySamples> sample(List<String> endpointIds, int count) throws Exception;
}
