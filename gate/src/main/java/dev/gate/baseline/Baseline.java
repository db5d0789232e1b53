package dev.gate.baseline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.latency.LatencySamples;
import dev.gate.run.Before;
import dev.gate.run.EndpointSamples;
import java.util.List;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What was observed before the deploy, schema {@value #SCHEMA}.
 *
 * @param liveCommit the commit the site served when the baseline was taken
 * @param suiteFile  the suite it was taken for (absent in baselines of older gates): a default
 *                   baseline of another suite is refused, not compared with
 */
public record Baseline(
        String schema,
        Instant takenAt,
        String target,
        Optional<String> liveCommit,
        Map<String, EndpointSamples> endpoints,
        Map<String, PageFacts> pages,
        Optional<String> suiteFile) {

    public static final String SCHEMA = "gate.baseline/1";

    public Baseline {
        liveCommit = liveCommit == null ? Optional.empty() : liveCommit;
        endpoints = endpoints == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(endpoints));
        pages = pages == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pages));
        suiteFile = suiteFile == null ? Optional.empty() : suiteFile;
    }

    /** The live commit, when the baseline read one. */
    @JsonIgnore
    public Optional<CommitId> liveCommitId() {
        return liveCommit.flatMap(CommitId::parse);
    }

    /** What a verification compares with: the live commit, the assets the pages loaded, the samples. */
    @JsonIgnore
    public Before before() {
        List<String> assets = pages.values().stream().flatMap(p -> p.assets().stream()).distinct().toList();
        List<LatencySamples> latency = endpoints.values().stream().map(EndpointSamples::forDecision)
                .flatMap(Optional::stream).toList();
        return new Before(liveCommitId(), assets, latency, Optional.ofNullable(takenAt));
    }
}
