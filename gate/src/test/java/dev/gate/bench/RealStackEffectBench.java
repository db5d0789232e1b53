package dev.gate.bench;

import dev.gate.checks.Progress;
import dev.gate.checks.http.TlsPolicy;
import dev.gate.checks.latency.LatencyEndpoint;
import dev.gate.checks.latency.LatencySampler;
import dev.gate.checks.latency.LatencySamples;
import dev.gate.checks.latency.Quantiles;
import dev.gate.checks.latency.WarmUp;
import dev.gate.realstack.RealShopSuite;
import dev.gate.realstack.ShopStack;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How much slower the real shop's N+1 release really is, so that {@link RealStackLatencyBench}'s
 * "1.5× slower release" is one: each pair deploys the healthy code and then the N+1 code (each a
 * HUP, so each its own generation of workers, whose speed differs from the last by about ±15%),
 * and samples both endpoints the way the gate does. One pair's ratio is mostly that generation
 * noise; the median over many pairs is the release's effect.
 * Run: {@code bin/bench RealStackEffectBench [pairs [extra,extra,...]]}.
 */
public final class RealStackEffectBench {
    private static final int SAMPLES = 60;

    private RealStackEffectBench() {
    }

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        double[] extras = Arrays.stream((args.length > 1 ? args[1] : "0.5,0.75").split(","))
                .mapToDouble(Double::parseDouble).toArray();
        Path work = Files.createTempDirectory("gate-effect-");
        int n = 1;
        System.out.println("| extra queries a product | pairs | endpoint | median ratio | geometric mean | "
                + "95% CI of the geometric mean | generations' spread (log SD) |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        try (ShopStack shop = ShopStack.start(work.resolve("shop"), RealShopSuite.commit(n++))) {
            List<LatencyEndpoint> endpoints = List.of(
                    endpoint("listing", shop.url() + "/products/"), endpoint("products", shop.url() + "/api/products"));
            for (double extra : extras) {
                // per endpoint and pair: log(N+1 median / healthy median), and the healthy generation's level
                double[][] logRatios = new double[endpoints.size()][pairs];
                double[][] healthyLevels = new double[endpoints.size()][pairs];
                for (int p = 0; p < pairs; p++) {
                    shop.deploy(RealShopSuite.commit(n++), 0);
                    double[] healthy = medians(endpoints);
                    shop.deploy(RealShopSuite.commit(n++), extra);
                    double[] slow = medians(endpoints);
                    for (int i = 0; i < endpoints.size(); i++) {
                        logRatios[i][p] = Math.log(slow[i] / healthy[i]);
                        healthyLevels[i][p] = Math.log(healthy[i]);
                    }
                }
                for (int i = 0; i < endpoints.size(); i++) {
                    double mean = Arrays.stream(logRatios[i]).average().orElseThrow();
                    double sd = sd(logRatios[i]);
                    double se = sd / Math.sqrt(pairs);
                    System.out.printf(Locale.ROOT, "| %.2f | %d | %s | %.2f× | %.2f× | %.2f–%.2f× | %.3f |%n", extra, pairs,
                            endpoints.get(i).label(), Math.exp(Quantiles.of(logRatios[i], 0.5)), Math.exp(mean),
                            Math.exp(mean - 1.96 * se), Math.exp(mean + 1.96 * se), sd(healthyLevels[i]));
                }
            }
        }
    }

    private static LatencyEndpoint endpoint(String id, String url) {
        URI uri = URI.create(url);
        return new LatencyEndpoint(id, "GET " + uri.getRawPath(), "GET", uri, Map.of(), Optional.empty());
    }

    /** The median of each endpoint in this generation of workers, sampled as the gate samples. */
    private static double[] medians(List<LatencyEndpoint> endpoints) throws InterruptedException {
        try (LatencySampler sampler = new LatencySampler(Duration.ofSeconds(10), TlsPolicy.VERIFY, endpoints,
                WarmUp.DEFAULT, Progress.silent())) {
            List<String> ids = endpoints.stream().map(LatencyEndpoint::id).toList();
            List<double[]> values = new ArrayList<>();
            for (LatencySamples s : sampler.sample(ids, SAMPLES)) {
                values.add(s.values());
            }
            return values.stream().mapToDouble(v -> Quantiles.of(v, 0.5)).toArray();
        }
    }

    private static double sd(double[] v) {
        double mean = Arrays.stream(v).average().orElseThrow();
        return Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1));
    }
}
