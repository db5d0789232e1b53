package dev.gate.checks.latency;

import dev.gate.checks.Progress;
import dev.gate.checks.http.LeanHttp;
import dev.gate.checks.http.TlsPolicy;
import java.time.Duration;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes latency samples the same way before and after the deploy: warm-up requests thrown away,
 * then endpoints interleaved round-robin (so that drift in the network or the platform hits all of
 * them alike), on kept-alive connections, each sample timed to the last byte and to the first.
 * Only answers below 400 count: an error page is often fast and would hide a slowdown. Requests go
 * through {@link LeanHttp}, whose own overhead is within a millisecond of curl's.
 */
public final class LatencySampler implements CurrentSampler, AutoCloseable {
    private final Duration timeout;
    private final TlsPolicy tls;
    private final Map<String, LeanHttp> connections = new LinkedHashMap<>();
    private final Map<String, LatencyEndpoint> endpoints = new LinkedHashMap<>();
    private final int warmup;
    private final Progress progress;
    private final Map<String, List<Double>> ttfb = new LinkedHashMap<>();
    private final Map<String, String> failures = new LinkedHashMap<>();
    private boolean warmedUp;

    public LatencySampler(Duration timeout, TlsPolicy tls, List<LatencyEndpoint> endpoints, int warmup, Progress progress) {
        this.timeout = timeout;
        this.tls = tls;
        endpoints.forEach(e -> this.endpoints.put(e.id(), e));
        this.warmup = warmup;
        this.progress = progress;
    }

    @Override
    public List<LatencySamples> sample(List<String> endpointIds, int count) throws InterruptedException {
        List<LatencyEndpoint> chosen = endpointIds.stream().filter(endpoints::containsKey).map(endpoints::get).toList();
        if (!warmedUp) {
            for (int i = 0; i < warmup; i++) {
                for (LatencyEndpoint e : chosen) {
                    time(e);
                }
            }
            warmedUp = true;
        }
        Map<String, List<Double>> total = new LinkedHashMap<>();
        chosen.forEach(e -> total.put(e.id(), new ArrayList<>()));
        for (int i = 0; i < count; i++) {
            for (LatencyEndpoint e : chosen) {
                double[] t = time(e);
                if (t != null) {
                    total.get(e.id()).add(t[0]);
                    ttfb.computeIfAbsent(e.id(), k -> new ArrayList<>()).add(t[1]);
                }
            }
            if ((i + 1) % 10 == 0) {
                progress.note("latency", "sampled " + (i + 1) + " of " + count + " rounds of " + chosen.size()
                        + (chosen.size() == 1 ? " endpoint" : " endpoints"));
            }
        }
        List<LatencySamples> out = new ArrayList<>();
        for (LatencyEndpoint e : chosen) {
            out.add(new LatencySamples(e.id(), e.label(), total.get(e.id())));
        }
        return out;
    }

    /** Times to the first byte of every kept sample so far, per endpoint. */
    public Map<String, List<Double>> ttfb() {
        return Map.copyOf(ttfb);
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

    /** {total ms, ttfb ms}, or null when the request failed or answered 400 or above. */
    private double[] time(LatencyEndpoint e) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        try {
            String origin = e.uri().getScheme() + "://" + e.uri().getRawAuthority();
            LeanHttp http = connections.computeIfAbsent(origin, o -> new LeanHttp(timeout, tls));
            LeanHttp.Timing t = http.send(e.method(), e.uri(), e.headers(), e.body());
            if (t.status() >= 400) {
                failures.put(e.id(), "HTTP " + t.status());
                return null;
            }
            return new double[] {t.total().toNanos() / 1e6, t.ttfb().toNanos() / 1e6};
        } catch (IOException ex) {
            failures.put(e.id(), ex.getMessage());
            return null;
        }
    }
}
