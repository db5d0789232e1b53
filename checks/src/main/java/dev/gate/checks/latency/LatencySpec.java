package dev.gate.checks.latency;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the suite says about latency.
 *
 * @param endpoints   ids of pages (their HTML document) or APIs to sample
 * @param minEffect   the smallest slowdown worth blocking for, as a proportion (0.10 for 10%)
 * @param confidence  for example 0.99: at most 1% of deploys of an unchanged release are blocked
 * @param maxSamples  with more than {@code samples}, inconclusive endpoints are sampled again
 * @param budgets     endpoint id to percentile ({@code p50}, {@code p95}, {@code p99}) to limit
 */
public record LatencySpec(
        List<String> endpoints,
        int samples,
        int warmup,
        double minEffect,
        double confidence,
        int maxSamples,
        Map<String, Map<String, Duration>> budgets) {

    public static final LatencySpec NONE = new LatencySpec(List.of(), 30, 3, 0.10, 0.99, 30, Map.of());

    public LatencySpec {
        endpoints = List.copyOf(endpoints);
        Map<String, Map<String, Duration>> copy = new LinkedHashMap<>();
        budgets.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        budgets = Collections.unmodifiableMap(copy);
    }

    public boolean enabled() {
        return !endpoints.isEmpty() || !budgets.isEmpty();
    }
}
