package dev.gate.checks.latency;

import dev.gate.checks.Progress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes samples the same way before and after the deploy: each endpoint warmed up until its latency
 * stops falling ({@link WarmUp}), then endpoints interleaved round-robin, one request each in turn,
 * so that drift in the network or the platform hits all of them alike. What a request costs is the
 * {@link Timer}'s business: HTTP for the gate, a model in the benchmarks.
 */
public final class InterleavedSampler implements CurrentSampler {
    /** Times one request of an endpoint. */
    @FunctionalInterface
    public interface Timer {
        /** @return the timing, or null when the request failed or did not count */
        Timing time(String endpointId) throws InterruptedException;
    }

    /**
     * @param totalMs to the last byte of the body
     * @param ttfbMs  to the response headers
     */
    public record Timing(double totalMs, double ttfbMs) {
    }

    private final Map<String, String> labels;
    private final WarmUp warmUp;
    private final Timer timer;
    private final Progress progress;
    private final Map<String, ColdStart> coldStarts = new LinkedHashMap<>();
    private final Map<String, List<Double>> ttfb = new LinkedHashMap<>();

    /** @param labels what a person calls each endpoint ({@code GET /api/list}), by id */
    public InterleavedSampler(Map<String, String> labels, WarmUp warmUp, Timer timer, Progress progress) {
        this.labels = Map.copyOf(labels);
        this.warmUp = warmUp;
        this.timer = timer;
        this.progress = progress;
    }

    @Override
    public List<LatencySamples> sample(List<String> endpointIds, int count) throws InterruptedException {
        warm(endpointIds.stream().filter(id -> !coldStarts.containsKey(id)).toList());
        Map<String, List<Double>> taken = new LinkedHashMap<>();
        endpointIds.forEach(id -> taken.put(id, new ArrayList<>()));
        for (int i = 0; i < count; i++) {
            for (String id : endpointIds) {
                Timing t = timer.time(id);
                if (t != null) {
                    taken.get(id).add(t.totalMs());
                    ttfb.computeIfAbsent(id, k -> new ArrayList<>()).add(t.ttfbMs());
                }
            }
            if ((i + 1) % 10 == 0) {
                progress.note("latency", "sampled " + (i + 1) + " of " + count + " requests of "
                        + (endpointIds.size() == 1 ? "1 endpoint" : "each of " + endpointIds.size() + " endpoints"));
            }
        }
        List<LatencySamples> out = new ArrayList<>();
        taken.forEach((id, ms) -> out.add(new LatencySamples(id, labels.getOrDefault(id, id), ms)));
        return out;
    }

    /** Requests thrown away, interleaved as the samples will be, until every endpoint has settled. */
    private void warm(List<String> ids) throws InterruptedException {
        Map<String, List<Double>> thrown = new LinkedHashMap<>();
        Map<String, Integer> attempts = new LinkedHashMap<>();
        List<String> warming = new ArrayList<>();
        for (String id : ids) {
            thrown.put(id, new ArrayList<>());
            attempts.put(id, 0);
            if (!warmUp.settled(List.of())) {
                warming.add(id);
            }
        }
        while (!warming.isEmpty()) {
            for (String id : List.copyOf(warming)) {
                Timing t = timer.time(id);
                int tried = attempts.merge(id, 1, Integer::sum);
                if (t != null) {
                    thrown.get(id).add(t.totalMs());
                }
                // a request that fails still counts towards the most thrown away, so a failing endpoint ends
                if (tried >= warmUp.max() || (t != null && warmUp.settled(thrown.get(id)))) {
                    warming.remove(id);
                }
            }
        }
        ids.forEach(id -> coldStarts.put(id, WarmUp.coldStart(thrown.get(id))));
        ids.stream().filter(id -> coldStarts.get(id).large())
                .forEach(id -> progress.note("latency", id + ": " + coldStarts.get(id).line()));
    }

    @Override
    public Map<String, ColdStart> coldStarts() {
        return Map.copyOf(coldStarts);
    }

    /** Times to the first byte of every kept sample so far, per endpoint. */
    public Map<String, List<Double>> ttfb() {
        return Map.copyOf(ttfb);
    }
}
