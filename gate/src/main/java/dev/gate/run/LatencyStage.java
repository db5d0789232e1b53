package dev.gate.run;

import dev.gate.checks.Stage;
import dev.gate.checks.CheckContext;
import dev.gate.checks.CheckResult;
import dev.gate.checks.Targets;
import dev.gate.checks.api.ApiSpec;
import dev.gate.checks.latency.EndpointVerdict;
import dev.gate.checks.latency.LatencyDecision;
import dev.gate.checks.latency.LatencyEndpoint;
import dev.gate.checks.latency.LatencySampler;
import dev.gate.checks.latency.LatencySamples;
import dev.gate.checks.latency.LatencySpec;
import dev.gate.checks.latency.SessionDrift;
import dev.gate.checks.page.PageSpec;
import dev.gate.checks.trend.EndpointTrend;
import dev.gate.checks.trend.DriftEstimate;
import dev.gate.checks.trend.Tripwire;
import dev.gate.suite.Suite;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Latency: sampling the suite's endpoints and deciding against the baseline's samples. All
 * endpoints are decided together, because the correction for comparing several endpoints needs
 * all their p-values at once; so in a sharded run they stay together in one shard.
 */
public final class LatencyStage implements Stage {
    /** The id that places the whole latency stage in one shard. */
    public static final String SHARD_ID = "latency";

    private final Suite suite;
    private final List<LatencySamples> before;
    private final EndpointTrend trend;

    /**
     * @param before the baseline's samples, compared with the live release's
     * @param trend  the endpoints' medians in earlier deploys, for the trip-wire
     */
    public LatencyStage(Suite suite, List<LatencySamples> before, EndpointTrend trend) {
        this.suite = suite;
        this.before = List.copyOf(before);
        this.trend = trend;
    }

    @Override
    public String id() {
        return SHARD_ID;
    }

    @Override
    public String description() {
        return "Sampling latency of " + suite.latency().endpoints().size() + " endpoint(s)";
    }

    /** Samples the live release and decides; a failure of the sampler is an ERROR per endpoint. */
    @Override
    public List<CheckResult> run(CheckContext context) throws InterruptedException {
        LatencySpec spec = suite.latency();
        // earlier deploys show how far the median moves between sessions, which this run's rounds cannot
        Map<String, SessionDrift> drifts = DriftEstimate.of(trend, spec.endpoints(), suite.tripwire().deploys());
        try (LatencySampler sampler = sampler(context, endpoints(context))) {
            KeptSamples kept = new KeptSamples(sampler);
            return withTripwires(LatencyDecision.run(spec, before, kept, drifts), kept);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            List<CheckResult> errors = new ArrayList<>();
            for (String id : wanted()) {
                errors.add(CheckResult.error(EndpointVerdict.checkId(id), EndpointVerdict.KIND, id,
                        "latency sampling failed: " + CheckExecutor.oneLine(e)));
            }
            return errors;
        }
    }

    /**
     * The trip-wire on each latency endpoint measured, when there is a history to judge against. A
     * trip is a check of its own; otherwise what it found is a line of the latency result, so a
     * quiet history adds no checks to count.
     */
    private List<CheckResult> withTripwires(List<CheckResult> decided, KeptSamples kept) {
        if (!suite.tripwire().enabled() || trend.unavailable().isPresent()) {
            return decided;
        }
        Tripwire tripwire = new Tripwire(suite.tripwire(), suite.latency().minDeltaMs());
        List<CheckResult> out = new ArrayList<>(decided);
        for (String id : suite.latency().endpoints()) {
            Optional<LatencySamples> samples = kept.of(id).filter(x -> x.size() > 0);
            if (samples.isEmpty()) {
                continue;
            }
            CheckResult judged = tripwire.judge(samples.get(), trend.of(id));
            if (judged.status() != dev.gate.checks.Status.PASS) {
                out.add(judged);
                continue;
            }
            for (int i = 0; i < out.size(); i++) {
                CheckResult r = out.get(i);
                if (r.id().equals(EndpointVerdict.checkId(id))) {
                    List<String> details = new ArrayList<>(r.details());
                    details.add("trip-wire: " + judged.summary());
                    Map<String, Object> metrics = new LinkedHashMap<>(r.metrics());
                    judged.metrics().forEach((k, v) -> metrics.put(Tripwire.METRIC_PREFIX + k, v));
                    out.set(i, r.withDetails(details).withMetrics(metrics));
                }
            }
        }
        return out;
    }

    /**
     * Samples for the baseline: {@code max_samples} per endpoint, since before the deploy there is
     * no hurry and a larger baseline is what lets sequential sampling stop early afterwards.
     */
    public Map<String, EndpointSamples> sampleForBaseline(CheckContext context) throws InterruptedException {
        LatencySpec spec = suite.latency();
        List<LatencyEndpoint> endpoints = endpoints(context);
        List<LatencySamples> taken;
        Map<String, List<Double>> ttfb;
        try (LatencySampler sampler = sampler(context, endpoints)) {
            taken = sampler.sample(wanted(), spec.maxSamples());
            ttfb = sampler.ttfb();
        }
        Map<String, EndpointSamples> out = new LinkedHashMap<>();
        for (LatencySamples s : taken) {
            LatencyEndpoint e = endpoints.stream().filter(x -> x.id().equals(s.endpointId())).findFirst().orElseThrow();
            out.put(s.endpointId(), new EndpointSamples(s.endpointId(), e.method(), e.uri().toString(), s.ms(),
                    ttfb.getOrDefault(s.endpointId(), List.of())));
        }
        return out;
    }

    private LatencySampler sampler(CheckContext context, List<LatencyEndpoint> endpoints) {
        return new LatencySampler(context.http().timeout(), context.http().tls(), endpoints, suite.latency().warmup(),
                context.progress());
    }

    private List<String> wanted() {
        Set<String> ids = new LinkedHashSet<>(suite.latency().endpoints());
        ids.addAll(suite.latency().budgets().keySet());
        return List.copyOf(ids);
    }

    private List<LatencyEndpoint> endpoints(CheckContext context) {
        List<LatencyEndpoint> out = new ArrayList<>();
        for (String id : wanted()) {
            Optional<PageSpec> page = suite.page(id);
            if (page.isPresent()) {
                URI uri = context.resolve(page.get().path());
                out.add(new LatencyEndpoint(id, label("GET", uri), "GET", uri, Map.of("Accept", "text/html"), Optional.empty()));
                continue;
            }
            ApiSpec api = suite.api(id).orElseThrow();
            URI uri = Targets.withQuery(context.resolve(api.path()), api.query());
            Map<String, String> headers = new LinkedHashMap<>(api.headers());
            api.contentType().ifPresent(t -> headers.putIfAbsent("Content-Type", t));
            out.add(new LatencyEndpoint(id, label(api.method(), uri), api.method(), uri, headers, api.body()));
        }
        return out;
    }

    static String label(String method, URI uri) {
        return method + " " + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
    }
}
