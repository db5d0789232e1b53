package dev.gate.baseline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.gate.checks.page.AssetWeight;
import dev.gate.checks.page.PageWeight;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a key page loaded before the deploy.
 *
 * @param assets       same-origin asset URLs the page requested: browsers holding the old page keep
 *                     asking for them after the deploy
 * @param metrics      timings and sizes (ttfb_ms, load_ms, requests, bytes, script_bytes, ...)
 * @param assetWeights each script and stylesheet with its transferred bytes; absent in baselines of
 *                     gates that did not weigh them, whose pages' weight is then unknown
 */
public record PageFacts(String id, String url, List<String> assets, Map<String, Double> metrics,
                        Optional<List<AssetWeight>> assetWeights) {
    public PageFacts {
        assets = assets == null ? List.of() : List.copyOf(assets);
        metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        assetWeights = assetWeights == null ? Optional.empty() : assetWeights.map(List::copyOf);
    }

    /** A page whose code was not weighed. */
    public PageFacts(String id, String url, List<String> assets, Map<String, Double> metrics) {
        this(id, url, assets, metrics, Optional.empty());
    }

    /** What the page's code weighed before the deploy; unknown in a baseline that did not weigh it. */
    @JsonIgnore
    public PageWeight weight() {
        return assetWeights.map(w -> PageWeight.of(metrics, w)).orElse(PageWeight.UNKNOWN);
    }
}
