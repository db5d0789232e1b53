package dev.gate.checks.latency;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the suite says about latency.
 *
 * @param endpoints      ids of pages (their HTML document) or APIs to sample
 * @param samples        current samples per endpoint at the first look
 * @param maxSamples     the most current samples per endpoint, sampling again while inconclusive;
 *                       also what the baseline takes
 * @param roundSize      samples per round: the unit across which drift is measured
 * @param confirmSamples fresh samples that must agree before a slowdown blocks; 0 blocks without
 * @param warmup         requests thrown away first: at least {@code min}, until latency stops falling,
 *                       at most {@code max}
 * @param minEffect      the smallest slowdown worth blocking for, as a proportion (0.10 for 10%)
 * @param minDeltaMs     and the smallest in milliseconds: +0.3 ms on a 3 ms endpoint is not a rollback
 * @param confidence     for example 0.99: at most 1% of deploys of an unchanged release are blocked
 * @param inconclusive   what an endpoint that could neither be cleared nor blocked does
 * @param budgets        endpoint id to percentile ({@code p50}, {@code p95}, {@code p99}) to limit
 */
public record LatencySpec(
        List<String> endpoints,
        int samples,
        int maxSamples,
        int roundSize,
        int confirmSamples,
        WarmUp warmup,
        double minEffect,
        double minDeltaMs,
        double confidence,
        Inconclusive inconclusive,
        Map<String, Map<String, Duration>> budgets) {

    public static final int SAMPLES = 40;
    public static final int MAX_SAMPLES = 200;
    public static final int ROUND_SIZE = 10;
    public static final int CONFIRM_SAMPLES = 30;
    public static final double MIN_DELTA_MS = 2;

    public static final LatencySpec NONE = new LatencySpec(List.of(), SAMPLES, MAX_SAMPLES, ROUND_SIZE,
            CONFIRM_SAMPLES, WarmUp.DEFAULT, 0.10, MIN_DELTA_MS, 0.99, Inconclusive.PASS, Map.of());

    /** What an inconclusive endpoint does to the verdict. */
    public enum Inconclusive {
        PASS,
        WARN,
        BLOCK
    }

    public LatencySpec {
        endpoints = List.copyOf(endpoints);
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(inconclusive, "inconclusive");
        if (samples < 2 || maxSamples < samples || roundSize < 1 || confirmSamples < 0) {
            throw new IllegalArgumentException("latency samples " + samples + ", max_samples " + maxSamples
                    + ", round " + roundSize + ", confirm " + confirmSamples);
        }
        Map<String, Map<String, Duration>> copy = new LinkedHashMap<>();
        budgets.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        budgets = Collections.unmodifiableMap(copy);
    }

    public boolean enabled() {
        return !endpoints.isEmpty() || !budgets.isEmpty();
    }

    /**
     * Samples per round as the decision cuts them: the suite's round, or less when the first look
     * would otherwise have fewer than two rounds, since drift is measured between rounds.
     */
    public int effectiveRoundSize() {
        return Math.max(1, Math.min(roundSize, samples / 2));
    }
}
