package dev.gate.run;

import dev.gate.checks.latency.ColdStart;
import dev.gate.checks.latency.CurrentSampler;
import dev.gate.checks.latency.LatencySamples;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sampler that keeps every sample it hands out, so that what the decision measured of the live
 * release can be judged again against the deploy history, on the same samples.
 */
final class KeptSamples implements CurrentSampler {
    private final CurrentSampler sampler;
    private final Map<String, LatencySamples> kept = new LinkedHashMap<>();

    KeptSamples(CurrentSampler sampler) {
        this.sampler = sampler;
    }

    @Override
    public List<LatencySamples> sample(List<String> endpointIds, int count) throws Exception {
        List<LatencySamples> taken = sampler.sample(endpointIds, count);
        for (LatencySamples s : taken) {
            kept.merge(s.endpointId(), s, (had, more) -> had.plus(more.ms()));
        }
        return taken;
    }

    @Override
    public Map<String, ColdStart> coldStarts() {
        return sampler.coldStarts();
    }

    Optional<LatencySamples> of(String endpointId) {
        return Optional.ofNullable(kept.get(endpointId));
    }
}
