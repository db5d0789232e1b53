package dev.gate.checks.latency;

import dev.gate.checks.Progress;
import dev.gate.checks.Targets;
import dev.gate.checks.http.LeanHttp;
import dev.gate.checks.http.TlsPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Latency samples over HTTP, taken by an {@link InterleavedSampler}: on kept-alive connections,
 * each sample timed to the last byte and to the first. Only answers below 400 count: an error page
 * is often fast and would hide a slowdown. Requests go through {@link LeanHttp}, whose own overhead
 * is within a millisecond of curl's.
 */
public final class LatencySampler implements CurrentSampler, AutoCloseable {
    private final Duration timeout;
    private final TlsPolicy tls;
    private final Map<String, LeanHttp> connections = new LinkedHashMap<>();
    private final Map<String, LatencyEndpoint> endpoints = new LinkedHashMap<>();
    private final Map<String, String> failures = new LinkedHashMap<>();
    private final InterleavedSampler sampler;

    public LatencySampler(Duration timeout, TlsPolicy tls, List<LatencyEndpoint> endpoints, WarmUp warmUp,
            Progress progress) {
        this.timeout = timeout;
        this.tls = tls;
        endpoints.forEach(e -> this.endpoints.put(e.id(), e));
        Map<String, String> labels = new LinkedHashMap<>();
        endpoints.forEach(e -> labels.put(e.id(), e.label()));
        this.sampler = new InterleavedSampler(labels, warmUp, this::time, progress);
    }

    @Override
    public List<LatencySamples> sample(List<String> endpointIds, int count) throws InterruptedException {
        return sampler.sample(endpointIds.stream().filter(endpoints::containsKey).toList(), count);
    }

    @Override
    public Map<String, ColdStart> coldStarts() {
        return sampler.coldStarts();
    }

    /** Times to the first byte of every kept sample so far, per endpoint. */
    public Map<String, List<Double>> ttfb() {
        return sampler.ttfb();
    }

    /** The last reason a request of an endpoint did not count, per endpoint. */
    public Map<String, String> failures() {
        return Map.copyOf(failures);
    }

    @Override
    public void close() {
        connections.values().forEach(LeanHttp::close);
        connections.clear();
    }

    private InterleavedSampler.Timing time(String id) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        LatencyEndpoint e = endpoints.get(id);
        try {
            String origin = Targets.origin(e.uri());
            LeanHttp http = connections.computeIfAbsent(origin, o -> new LeanHttp(timeout, tls));
            LeanHttp.Timing t = http.send(e.method(), e.uri(), e.headers(), e.body());
            if (t.status() >= 400) {
                failures.put(id, "HTTP " + t.status());
                return null;
            }
            return new InterleavedSampler.Timing(t.total().toNanos() / 1e6, t.ttfb().toNanos() / 1e6);
        } catch (IOException ex) {
            failures.put(id, ex.getMessage());
            return null;
        }
    }
}
