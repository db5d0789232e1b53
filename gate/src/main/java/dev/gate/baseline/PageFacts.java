package dev.gate.baseline;

import java.util.List;
import java.util.Map;

/**
 * What a key page loaded before the deploy.
 *
 * @param assets  same-origin asset URLs the page requested: browsers holding the old page keep
 *                asking for them after the deploy
 * @param metrics timings and sizes (ttfb_ms, load_ms, requests, bytes, ...)
 */
public record PageFacts(String id, String url, List<String> assets, Map<String, Double> metrics) {
    public PageFacts {
        assets = assets == null ? List.of() : List.copyOf(assets);
        metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }
}
