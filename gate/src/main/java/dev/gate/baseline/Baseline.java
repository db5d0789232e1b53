package dev.gate.baseline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.latency.LatencySamples;
import dev.gate.checks.page.PageWeight;
import dev.gate.run.Before;
import dev.gate.run.EndpointSamples;
import dev.gate.checks.assets.ReleaseAsset;
import java.util.LinkedHashMap;
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
 * @param manifest   the build manifest the suite's {@code old_assets.manifest} names (absent when
 *                   it names none, and in baselines of older gates, which read as before)
 */
public record Baseline(
        String schema,
        Instant takenAt,
        String target,
        Optional<String> liveCommit,
        Map<String, EndpointSamples> endpoints,
        Map<String, PageFacts> pages,
        Optional<String> suiteFile,
        Optional<ManifestFacts> manifest) {

    public static final String SCHEMA = "gate.baseline/1";

    public Baseline {
        liveCommit = liveCommit == null ? Optional.empty() : liveCommit;
        endpoints = endpoints == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(endpoints));
        pages = pages == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pages));
        suiteFile = suiteFile == null ? Optional.empty() : suiteFile;
        manifest = manifest == null ? Optional.empty() : manifest;
    }

    /** A baseline without a build manifest. */
    public Baseline(String schema, Instant takenAt, String target, Optional<String> liveCommit,
                    Map<String, EndpointSamples> endpoints, Map<String, PageFacts> pages, Optional<String> suiteFile) {
        this(schema, takenAt, target, liveCommit, endpoints, pages, suiteFile, Optional.empty());
    }

    /** The live commit, when the baseline read one. */
    @JsonIgnore
    public Optional<CommitId> liveCommitId() {
        return liveCommit.flatMap(CommitId::parse);
    }

    /**
     * What a verification compares with: the live commit, the assets (those the pages loaded, then
     * the manifest's others), the samples.
     */
    @JsonIgnore
    public Before before() {
        Map<String, ReleaseAsset> assets = new LinkedHashMap<>();
        pages.values().stream().flatMap(p -> p.assets().stream())
                .forEach(url -> assets.putIfAbsent(url, ReleaseAsset.loadedByPage(url)));
        manifest.ifPresent(m -> m.assets().forEach(a -> assets.merge(a.url(), a,
                (page, listed) -> new ReleaseAsset(a.url(), listed.lazy(), true))));
        List<LatencySamples> latency = endpoints.values().stream().map(EndpointSamples::forDecision)
                .flatMap(Optional::stream).toList();
        Map<String, PageWeight> weights = new LinkedHashMap<>();
        pages.forEach((id, p) -> weights.put(id, p.weight()));
        return new Before(liveCommitId(), List.copyOf(assets.values()), manifest.flatMap(ManifestFacts::problem), latency,
                Optional.ofNullable(takenAt), weights);
    }
}
