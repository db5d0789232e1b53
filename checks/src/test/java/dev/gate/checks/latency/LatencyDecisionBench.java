package dev.gate.checks.latency;

import dev.gate.checks.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Decision quality of the latency gate, measured on simulated deploys: samples drawn in-process
 * from lognormal distributions with a fixed seed, one endpoint, min_effect 10%, confidence 99%.
 *
 * <p>Table 1 compares, per cell, the gate with the theoretical limit (the one-sided z-test on log
 * latency with σ known, at the same 1% level; no test that does not know σ can beat it) and with
 * the naive rule "block when current p95 &gt; 1.2 × baseline p95". Table 2 samples sequentially up to
 * 120 current samples.
 *
 * <p>Run with {@code bin/bench LatencyDecisionBench [deploys per cell, default 2000]}.
 */
public final class LatencyDecisionBench {
    private static final long SEED = 20261125L;
    private static final double MIN_EFFECT = 0.10;
    private static final double CONFIDENCE = 0.99;
    private static final double ALPHA = 1 - CONFIDENCE;
    private static final double[] SIGMAS = {0.1, 0.25, 0.5};
    private static final int[] SIZES = {10, 20, 30, 50};
    private static final double[] CHANGES = {0, 0.05, 0.10, 0.20, 0.50};
    private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);
    private static final double Z = STANDARD.inverseCumulativeProbability(1 - ALPHA);

    private LatencyDecisionBench() {
    }

    public static void main(String[] args) throws Exception {
        int deploys = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            long start = System.nanoTime();
            fixedTable(pool, deploys);
            sequentialTable(pool, deploys);
            System.out.printf(Locale.ROOT, "%n%d deploys per cell, seed %d, %.0f s%n", deploys, SEED,
                    (System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    // ---------------------------------------------------------------- fixed number of samples

    private record Fixed(double sigma, int n, double change, int blocks, int slower, int warns, int tTest, int naive,
            int deploys) {
    }

    private static void fixedTable(ExecutorService pool, int deploys) throws Exception {
        List<Future<Fixed>> cells = new ArrayList<>();
        int cell = 0;
        for (double sigma : SIGMAS) {
            for (int n : SIZES) {
                for (double change : CHANGES) {
                    long seed = SEED + 1000L * cell++;
                    cells.add(pool.submit(() -> fixedCell(sigma, n, change, deploys, seed)));
                }
            }
        }
        System.out.println("Table 1. Fixed samples: n baseline and n current samples per deploy, one endpoint,");
        System.out.println("min_effect 10%, confidence 99%. Rates in % of deploys.");
        System.out.println("  block    = the gate blocks (FAIL). For change +0% this is the FALSE-BLOCK rate.");
        System.out.println("  slower   = the gate's one-sided U test finds the release slower at 1% (BLOCK, or WARN");
        System.out.println("             \"x% slower, under the 10% worth blocking for\"); the same question the limit answers.");
        System.out.println("  limit    = theoretical limit: one-sided z-test on log latency, σ known, rejecting at 1%:");
        System.out.println("             Φ(δ/(σ·sqrt(2/n)) − z_0.99), δ = ln(1 + change). It has no min_effect.");
        System.out.println("  vs limit = detection / limit, where detection is `block` for +20% and +50% (worth blocking)");
        System.out.println("             and `slower` for +5% and +10% (at or under min_effect the gate should warn, not block).");
        System.out.println("  t-test   = one-sided two-sample t-test on log latency at 1%: the best a test can do that,");
        System.out.println("             like the gate, does not know σ (and, unlike the gate, assumes lognormal latency).");
        System.out.println("  naive    = blocks by \"current p95 > 1.2 × baseline p95\".");
        System.out.println("  target   = false blocks <= 1% (+2 simulation SE = 1.45%); detection >= 90% of the limit where");
        System.out.println("             the limit is above 20%.");
        System.out.println();
        System.out.println("  σ     n  change |  block  slower   warn |  limit  vs limit  t-test |  naive | target");
        System.out.println("  ----  --  ------ | ------  ------  ----- | ------  --------  ------ | ------ | ------");
        for (Future<Fixed> f : cells) {
            Fixed r = f.get();
            double limit = r.change == 0 ? ALPHA : limit(r.sigma, r.n, r.n, r.change, ALPHA);
            double block = rate(r.blocks, r.deploys);
            double slower = rate(r.slower, r.deploys);
            String vs = "";
            String target = "";
            if (r.change == 0) {
                target = block <= ALPHA + 2 * Math.sqrt(ALPHA * (1 - ALPHA) / r.deploys) ? "ok" : "MISS";
            } else {
                double detection = r.change > MIN_EFFECT ? block : slower;
                vs = String.format(Locale.ROOT, "%7.0f%%", 100 * detection / limit);
                target = limit <= 0.20 ? "-" : detection >= 0.9 * limit ? "ok" : "MISS";
            }
            System.out.printf(Locale.ROOT,
                    "  %-4s  %2d  %+5.0f%% | %5.1f%%  %5.1f%%  %4.1f%% | %5.1f%%  %8s  %5.1f%% | %5.1f%% | %s%n",
                    trim(r.sigma), r.n, 100 * r.change, 100 * block, 100 * slower, 100 * rate(r.warns, r.deploys),
                    100 * limit, vs, 100 * rate(r.tTest, r.deploys), 100 * rate(r.naive, r.deploys), target);
        }
        System.out.println();
    }

    private static Fixed fixedCell(double sigma, int n, double change, int deploys, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LatencySpec spec = new LatencySpec(List.of("x"), n, 0, MIN_EFFECT, CONFIDENCE, n, Map.of());
        int blocks = 0;
        int slower = 0;
        int warns = 0;
        int tTest = 0;
        int naive = 0;
        double tCritical = new TDistribution(null, 2.0 * n - 2).inverseCumulativeProbability(1 - ALPHA);
        for (int d = 0; d < deploys; d++) {
            double[] before = SimulatedDeploys.lognormal(random, n, sigma, 1);
            double[] after = SimulatedDeploys.lognormal(random, n, sigma, 1 + change);
            EndpointVerdict v = LatencyComparison.compare(SimulatedDeploys.samples("x", before),
                    SimulatedDeploys.samples("x", after), spec);
            blocks += v.status() == Status.FAIL ? 1 : 0;
            warns += v.status() == Status.WARN ? 1 : 0;
            slower += v.pValue() < ALPHA ? 1 : 0;
            tTest += pooledT(before, after) > tCritical ? 1 : 0;
            naive += Quantiles.of(after, 0.95) > 1.2 * Quantiles.of(before, 0.95) ? 1 : 0;
        }
        return new Fixed(sigma, n, change, blocks, slower, warns, tTest, naive, deploys);
    }

    /** The two-sample t statistic on log latency with a pooled variance. */
    private static double pooledT(double[] before, double[] after) {
        double[] x = Arrays.stream(before).map(Math::log).toArray();
        double[] y = Arrays.stream(after).map(Math::log).toArray();
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double ss = Arrays.stream(x).map(v -> (v - mx) * (v - mx)).sum() + Arrays.stream(y).map(v -> (v - my) * (v - my)).sum();
        double pooled = ss / (x.length + y.length - 2);
        return (my - mx) / Math.sqrt(pooled * (1.0 / x.length + 1.0 / y.length));
    }

    // ---------------------------------------------------------------- sequential sampling

    private static final int FIRST = 30;
    private static final int MOST = 120;
    private static final int[] BASELINES = {30, 60, 120};
    private static final double[] SEQUENTIAL_CHANGES = {0, 0.05, 0.10, 0.20, 0.50};

    private record Sequential(int m, double sigma, double change, int blocks, int slower, int warns, int[] used,
            int deploys) {
    }

    private static void sequentialTable(ExecutorService pool, int deploys) throws Exception {
        LatencySpec spec = new LatencySpec(List.of("x"), FIRST, 0, MIN_EFFECT, CONFIDENCE, MOST, Map.of());
        SequentialPlan plan = SequentialPlan.of(spec, 1);
        List<Future<Sequential>> cells = new ArrayList<>();
        int cell = 0;
        for (int m : BASELINES) {
            for (double sigma : SIGMAS) {
                for (double change : SEQUENTIAL_CHANGES) {
                    long seed = SEED + 7919L * ++cell;
                    cells.add(pool.submit(() -> sequentialCell(plan, m, sigma, change, deploys, seed)));
                }
            }
        }
        System.out.println("Table 2. Sequential sampling: samples 30, max_samples 120, so looks at " + plan.sizes()
                + " current samples;");
        System.out.println("the baseline (m samples) is fixed. min_effect 10%, confidence 99%, one endpoint.");
        for (int m : BASELINES) {
            double[] levels = new double[plan.looks()];
            for (int k = 0; k < levels.length; k++) {
                levels[k] = plan.level(k, m);
            }
            System.out.printf(Locale.ROOT, "  p must be below, look by look, with m = %d: %s%n", m, formatLevels(levels));
        }
        System.out.println("  block / slower / warn as in table 1, at the look where the endpoint was decided.");
        System.out.println("  n used = current samples taken (median and mean over deploys).");
        System.out.println("  limit@30 / limit@120 = the σ-known z-test with m baseline and 30 or 120 current samples at 1%");
        System.out.println("             (a fixed-size test; detection with up to 120 samples cannot reliably exceed limit@120).");
        System.out.println("  target   = false blocks <= 1.45%; at σ 0.25 and +20%: detection >= 95% with median n <= 70.");
        System.out.println("             With a baseline of 30 samples no test can meet it: even limit@120 is 89%, because the");
        System.out.println("             fixed baseline's own noise remains however many current samples are taken.");
        System.out.println();
        System.out.println("    m  σ     change |  block  slower   warn | n used: median  mean | limit@30  limit@120 | target");
        System.out.println("  ---  ----  ------ | ------  ------  ----- | --------------------- | --------  --------- | ------");
        for (Future<Sequential> f : cells) {
            Sequential r = f.get();
            double block = rate(r.blocks, r.deploys);
            String target = "";
            if (r.change == 0) {
                target = block <= ALPHA + 2 * Math.sqrt(ALPHA * (1 - ALPHA) / r.deploys) ? "ok" : "MISS";
            } else if (r.sigma == 0.25 && r.change == 0.20) {
                target = block >= 0.95 && median(r.used) <= 70 ? "ok" : "MISS";
            }
            System.out.printf(Locale.ROOT,
                    "  %3d  %-4s  %+5.0f%% | %5.1f%%  %5.1f%%  %4.1f%% | %14d  %5.1f | %7.1f%%  %8.1f%% | %s%n",
                    r.m, trim(r.sigma), 100 * r.change, 100 * block, 100 * rate(r.slower, r.deploys),
                    100 * rate(r.warns, r.deploys), median(r.used), Arrays.stream(r.used).average().orElse(0),
                    100 * (r.change == 0 ? ALPHA : limit(r.sigma, r.m, FIRST, r.change, ALPHA)),
                    100 * (r.change == 0 ? ALPHA : limit(r.sigma, r.m, MOST, r.change, ALPHA)), target);
        }
        System.out.println();
    }

    private static Sequential sequentialCell(SequentialPlan plan, int m, double sigma, double change, int deploys,
            long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int blocks = 0;
        int slower = 0;
        int warns = 0;
        int[] used = new int[deploys];
        for (int d = 0; d < deploys; d++) {
            LatencySamples before = SimulatedDeploys.samples("x", SimulatedDeploys.lognormal(random, m, sigma, 1));
            LatencySamples after = SimulatedDeploys.samples("x", SimulatedDeploys.lognormal(random, plan.size(0), sigma,
                    1 + change));
            for (int look = 0; ; look++) {
                if (look > 0) {
                    double[] more = SimulatedDeploys.lognormal(random, plan.size(look) - plan.size(look - 1), sigma,
                            1 + change);
                    after = after.plus(Arrays.stream(more).boxed().toList());
                }
                LookDecision decision = plan.decide(look, before, after);
                if (decision.done()) {
                    EndpointVerdict v = decision.verdict();
                    blocks += v.status() == Status.FAIL ? 1 : 0;
                    warns += v.status() == Status.WARN ? 1 : 0;
                    slower += v.pValue() < v.level() ? 1 : 0;
                    used[d] = after.size();
                    break;
                }
            }
        }
        return new Sequential(m, sigma, change, blocks, slower, warns, used, deploys);
    }

    // ---------------------------------------------------------------- helpers

    /** Power of the one-sided z-test on log latency with σ known, m and n samples, at level alpha. */
    static double limit(double sigma, int m, int n, double change, double alpha) {
        double delta = Math.log(1 + change);
        double z = STANDARD.inverseCumulativeProbability(1 - alpha);
        return STANDARD.cumulativeProbability(delta / (sigma * Math.sqrt(1.0 / m + 1.0 / n)) - z);
    }

    private static double rate(int count, int of) {
        return (double) count / of;
    }

    private static int median(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String trim(double sigma) {
        return sigma == 0.25 ? "0.25" : String.format(Locale.ROOT, "%.1f", sigma);
    }

    private static String formatLevels(double[] levels) {
        StringBuilder s = new StringBuilder();
        for (double level : levels) {
            s.append(s.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", level));
        }
        return s.toString();
    }
}
