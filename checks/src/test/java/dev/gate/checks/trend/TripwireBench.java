package dev.gate.checks.trend;

import dev.gate.checks.CheckResult;
import dev.gate.checks.Status;
import dev.gate.checks.latency.LatencySamples;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How well the trip-wire and its change-point search decide, on seeded histories of deploy
 * medians (log-normal noise around a level):
 * <ul>
 *   <li>a flat history and an unchanged release: how often it trips (it should not);</li>
 *   <li>a release 10%, 20%, 40% above a flat history: how often it trips;</li>
 *   <li>30 deploys with +20% at deploy 10 and again at 22: how often exactly those two are named;</li>
 *   <li>creep of +4% per deploy for ten deploys, each of which a baseline comparison lets through.</li>
 * </ul>
 * {@code bin/bench TripwireBench [histories]} (default 2000 per cell).
 */
public final class TripwireBench {
    private TripwireBench() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Tripwire tripwire = new Tripwire(TripwireSpec.DEFAULT, 2.0);
        System.out.printf(Locale.ROOT, "%d seeded histories per cell; normal 20 ms; trip-wire deploys 20, sigma 3, min_delta 2 ms%n%n", n);
        System.out.println("| noise between deploys | unchanged: trips | +10% | +20% | +40% | two +20% steps named exactly | +4%/deploy creep: trips |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (double noise : new double[] {0.02, 0.05, 0.10}) {
            int[] trips = new int[4];
            double[] effects = {1.0, 1.1, 1.2, 1.4};
            int exact = 0;
            int creep = 0;
            for (int seed = 1; seed <= n; seed++) {
                Random random = new Random(seed * 7919L + Math.round(noise * 1000));
                double[] flat = new double[20];
                for (int i = 0; i < flat.length; i++) {
                    flat[i] = 20 * Math.exp(noise * random.nextGaussian());
                }
                for (int e = 0; e < effects.length; e++) {
                    double now = 20 * effects[e] * Math.exp(noise * random.nextGaussian());
                    if (tripwire.judge(samples(now), TripwireTest.history(flat)).status() != Status.PASS) {
                        trips[e]++;
                    }
                }
                double[] steps = new double[30];
                for (int i = 0; i < steps.length; i++) {
                    steps[i] = 20 * (i >= 10 ? 1.2 : 1) * (i >= 22 ? 1.2 : 1) * Math.exp(noise * random.nextGaussian());
                }
                List<Integer> named = ChangePoints.of(steps).stream().map(ChangePoints.Step::index).toList();
                if (named.equals(List.of(10, 22))) {
                    exact++;
                }
                // 20 flat deploys, then 10 deploys each 4% slower than the one before; the live one continues the slope
                double[] crept = new double[30];
                for (int i = 0; i < crept.length; i++) {
                    crept[i] = 20 * Math.pow(1.04, Math.max(0, i - 19)) * Math.exp(noise * random.nextGaussian());
                }
                double now = 20 * Math.pow(1.04, 11) * Math.exp(noise * random.nextGaussian());
                CheckResult r = tripwire.judge(samples(now), TripwireTest.history(crept));
                if (r.status() != Status.PASS) {
                    creep++;
                }
            }
            System.out.printf(Locale.ROOT, "| %.0f%% | %s | %s | %s | %s | %s | %s |%n", noise * 100, pct(trips[0], n), pct(trips[1], n),
                    pct(trips[2], n), pct(trips[3], n), pct(exact, n), pct(creep, n));
        }
    }

    private static LatencySamples samples(double median) {
        return LatencySamples.of("api", "GET /api", median * 0.98, median, median * 1.02);
    }

    private static String pct(int k, int n) {
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * k / n);
    }
}
