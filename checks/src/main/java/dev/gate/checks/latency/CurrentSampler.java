package dev.gate.checks.latency;

import java.util.List;
import java.util.Map;

/**
 * What {@link LatencyDecision#run} needs from the sampler: more samples of the live release.
 */
public interface CurrentSampler {
    /**
     * Takes {@code count} more samples of each endpoint, interleaved round-robin so that drift hits
     * all alike, and returns only the new ones, one entry per endpoint (an endpoint whose requests
     * all failed may come back with fewer samples, or none). The first call warms the endpoints up.
     */
    List<LatencySamples> sample(List<String> endpointIds, int count) throws Exception;

    /** What warming up showed, per endpoint warmed so far. */
    default Map<String, ColdStart> coldStarts() {
        return Map.of();
    }
}
