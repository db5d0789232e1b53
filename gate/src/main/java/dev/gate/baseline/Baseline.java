package dev.gate.baseline;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What was observed before the deploy, schema {@value #SCHEMA}.
 *
 * @param liveCommit the commit the site served when the baseline was taken
 */
public record Baseline(
        String schema,
        Instant takenAt,
        String target,
        Optional<String> liveCommit,
        Map<String, EndpointSamples> endpoints,
        Map<String, PageFacts> pages) {

    public static final String SCHEMA = "gate.baseline/1";

    public Baseline {
        liveCommit = liveCommit == null ? Optional.empty() : liveCommit;
        endpoints = endpoints == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(endpoints));
        pages = pages == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pages));
    }
}
