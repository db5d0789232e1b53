package dev.gate.checks.latency;

import dev.gate.checks.CheckResult;
import dev.gate.checks.Progress;
import dev.gate.checks.http.TlsPolicy;
import dev.gate.checks.testing.TestSite;
import dev.gate.checks.testing.TestSite.Reply;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * End to end against a local server with a known delay: does the sampler add bias? Prints, for a
 * few fixed delays, the median and p95 the sampler measured and their excess over the delay; then
 * the gate's decision for an unchanged endpoint and for one made 20% slower. Run:
 * {@code bin/bench SamplerBiasBench}.
 */
public final class SamplerBiasBench {
    private SamplerBiasBench() {
    }

    public static void main(String[] args) throws Exception {
        try (TestSite site = TestSite.start()) {
            System.out.println("SamplerBiasBench: 200 samples per row after 20 warm-up requests, one kept-alive connection");
            System.out.printf("%-10s %-10s %-10s %-12s %-10s%n", "delay ms", "median", "p95", "median-delay", "ttfb med");
            for (int delay : new int[] {2, 5, 20, 50}) {
                site.route("/d" + delay, r -> Reply.json("{\"ok\":true}").after(Duration.ofMillis(delay)));
                LatencySampler sampler = sampler(site, "/d" + delay);
                LatencySamples s = sampler.sample(List.of("e"), 200).get(0);
                double[] v = s.values();
                java.util.Arrays.sort(v);
                List<Double> ttfb = sampler.ttfb().get("e");
                double ttfbMedian = ttfb.stream().sorted().toList().get(ttfb.size() / 2);
                System.out.printf(Locale.ROOT, "%-10d %-10.2f %-10.2f %-12.2f %-10.2f%n", delay, v[v.length / 2],
                        v[(int) (v.length * 0.95)], v[v.length / 2] - delay, ttfbMedian);
                sampler.close();
            }
            System.out.println();
            LatencySpec spec = LatencySpecs.of(List.of("e"), 40, 120);
            site.route("/base", r -> Reply.json("{}").after(Duration.ofMillis(20)));
            site.route("/same", r -> Reply.json("{}").after(Duration.ofMillis(20)));
            site.route("/slow", r -> Reply.json("{}").after(Duration.ofMillis(24)));
            LatencySamples baseline = sampler(site, "/base").sample(List.of("e"), 120).get(0);
            for (String path : new String[] {"/same", "/slow"}) {
                CheckResult r = LatencyDecision.run(spec, List.of(baseline), sampler(site, path)).get(0);
                System.out.println(path + " (" + (path.equals("/same") ? "20 ms, as the baseline" : "24 ms, +20%") + "): "
                        + r.status() + " " + r.summary());
            }
        }
    }

    private static LatencySampler sampler(TestSite site, String path) {
        LatencyEndpoint e = new LatencyEndpoint("e", "GET " + path, "GET", URI.create(site.url(path)), Map.of(), Optional.empty());
        return new LatencySampler(Duration.ofSeconds(5), TlsPolicy.VERIFY, List.of(e), WarmUp.fixed(20), Progress.silent());
    }
}
