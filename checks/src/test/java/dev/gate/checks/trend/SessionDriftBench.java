package dev.gate.checks.trend;

import dev.gate.checks.CheckResult;
import dev.gate.checks.Progress;
import dev.gate.checks.Status;
import dev.gate.checks.latency.InterleavedSampler;
import dev.gate.checks.latency.LatencyDecision;
import dev.gate.checks.latency.LatencyMetrics;
import dev.gate.checks.latency.LatencySamples;
import dev.gate.checks.latency.LatencySpec;
import dev.gate.checks.latency.Quantiles;
import dev.gate.checks.latency.SessionDrift;
import dev.gate.checks.latency.WarmUp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the history's drift between sessions does to the latency decision, on simulated deploys
 * whose whole session draws its own speed: the log-median of every request of a session is shifted
 * by N(0, η²), as when each generation of workers, or each neighbour on the host, runs the app at its
 * own pace — what the real-stack measurement of issue 12 showed (sessions at about 10 or 15 ms).
 * Within a session the speed drifts too (N(0, 0.05²) every 10 requests). The gate's own sampler loop
 * and {@link LatencyDecision#run} with the default suite settings decide each deploy twice: from the
 * rounds alone, and with the drift {@link DriftEstimate} measures over the endpoint's last 20
 * deploys (each a session of 40 samples), and with that drift and the baseline pooled with the earlier
 * sessions level with it ({@code SessionPool}). Run with {@code bin/bench SessionDriftBench [deploys]}.
 */
public final class SessionDriftBench {
    private static final long SEED = 20261201L;
    private static final double MEDIAN_MS = 30;
    private static final double SIGMA = 0.25;
    private static final double TAU_WITHIN = 0.05;
    private static final int HISTORY = 20;
    private static final double[] ETAS = {0, 0.05, 0.1, 0.2};
    private static final double[] CHANGES = {0, 0.2, 0.5, 1.0, 2.0};
    private static final LatencySpec SPEC = new LatencySpec(List.of("e"), LatencySpec.SAMPLES, LatencySpec.MAX_SAMPLES,
            LatencySpec.ROUND_SIZE, LatencySpec.CONFIRM_SAMPLES, WarmUp.DEFAULT, 0.10, LatencySpec.MIN_DELTA_MS, 0.99,
            LatencySpec.Inconclusive.PASS, Map.of());

    private SessionDriftBench() {
    }

    private record Cell(double eta, double change, int blocksAlone, int blocksWithDrift, int warnsAlone,
                        int warnsWithDrift, int blocksPooled, int warnsPooled, double medianDrift, double meanPooled) {
    }

    public static void main(String[] args) throws Exception {
        int deploys = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long start = System.nanoTime();
        try {
            List<Future<Cell>> cells = new ArrayList<>();
            int n = 0;
            for (double eta : ETAS) {
                for (double change : CHANGES) {
                    long seed = SEED + 7919L * n++;
                    cells.add(pool.submit(() -> cell(eta, change, deploys, seed)));
                }
            }
            System.out.println("Latency decisions with sessions that each draw their own speed (η), from the rounds alone");
            System.out.println("and with the drift the last " + HISTORY + " deploys show. σ " + SIGMA + " within a request, "
                    + "drift " + TAU_WITHIN + " every 10 requests, median " + (int) MEDIAN_MS + " ms;");
            System.out.println("default settings (min_effect 10%, min_delta 2 ms, confidence 99%). Rates in % of deploys;");
            System.out.println("for +0% `block` is the FALSE-BLOCK rate. drift = the estimate's median, as a percentage.");
            System.out.println();
            System.out.println("  η     change | rounds alone: block  warn | with drift: block  warn | pooled: block  warn | drift | sessions pooled");
            System.out.println("  ----  ------ | -------------------  ---- | -----------------  ---- | -------------  ---- | ----- | ---------------");
            for (Future<Cell> f : cells) {
                Cell c = f.get();
                System.out.printf(Locale.ROOT, "  %-4s  %+5.0f%% |              %5.1f%% %4.1f%% |            %5.1f%% %4.1f%% |"
                                + "        %5.1f%% %4.1f%% | %4.1f%% | %.1f%n",
                        trim(c.eta), 100 * c.change, pct(c.blocksAlone, deploys), pct(c.warnsAlone, deploys),
                        pct(c.blocksWithDrift, deploys), pct(c.warnsWithDrift, deploys), pct(c.blocksPooled, deploys),
                        pct(c.warnsPooled, deploys), 100 * c.medianDrift, c.meanPooled);
            }
            System.out.printf(Locale.ROOT, "%n%d deploys per cell, seed %d, %.0f s%n", deploys, SEED, (System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static Cell cell(double eta, double change, int deploys, long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        int blocksAlone = 0;
        int blocksWithDrift = 0;
        int warnsAlone = 0;
        int warnsWithDrift = 0;
        int blocksPooled = 0;
        int warnsPooled = 0;
        double pooledSessions = 0;
        double[] drifts = new double[deploys];
        for (int d = 0; d < deploys; d++) {
            List<DeployPoint> history = new ArrayList<>();
            for (int h = 0; h < HISTORY; h++) {
                Session earlier = new Session(random.split(), eta, 1);
                double[] ms = new double[40];
                for (int i = 0; i < ms.length; i++) {
                    ms[i] = earlier.time("e").totalMs();
                }
                history.add(new DeployPoint("c" + h, Optional.empty(), Optional.empty(), Instant.EPOCH.plusSeconds(h),
                        Quantiles.median(ms), Quantiles.of(ms, 0.95), ms.length, logSd(ms)));
            }
            SessionDrift pooledDrift = DriftEstimate.of(history, HISTORY);
            // the drift alone, the baseline the only reference, as before the pool
            SessionDrift drift = new SessionDrift(pooledDrift.logSpread(), pooledDrift.deploys());
            drifts[d] = Math.expm1(drift.logSpread());
            LatencySamples baseline = new InterleavedSampler(Map.of(), SPEC.warmup(), new Session(random.split(), eta, 1),
                    Progress.silent()).sample(List.of("e"), SPEC.maxSamples()).get(0);
            // the same live session judged both ways, so the two columns differ only by the drift
            long sessionSeed = random.nextLong();
            CheckResult alone = LatencyDecision.run(SPEC, List.of(baseline), sampler(sessionSeed, eta, change)).get(0);
            CheckResult withDrift = LatencyDecision.run(SPEC, List.of(baseline), sampler(sessionSeed, eta, change),
                    Map.of("e", drift)).get(0);
            CheckResult pooled = LatencyDecision.run(SPEC, List.of(baseline), sampler(sessionSeed, eta, change),
                    Map.of("e", pooledDrift)).get(0);
            blocksPooled += pooled.status() == Status.FAIL ? 1 : 0;
            warnsPooled += pooled.status() == Status.WARN ? 1 : 0;
            pooledSessions += ((Number) pooled.metrics().getOrDefault(LatencyMetrics.POOLED_SESSIONS, 1)).doubleValue();
            blocksAlone += alone.status() == Status.FAIL ? 1 : 0;
            warnsAlone += alone.status() == Status.WARN ? 1 : 0;
            blocksWithDrift += withDrift.status() == Status.FAIL ? 1 : 0;
            warnsWithDrift += withDrift.status() == Status.WARN ? 1 : 0;
        }
        return new Cell(eta, change, blocksAlone, blocksWithDrift, warnsAlone, warnsWithDrift, blocksPooled, warnsPooled,
                Quantiles.median(drifts), pooledSessions / deploys);
    }

    private static InterleavedSampler sampler(long seed, double eta, double change) {
        return new InterleavedSampler(Map.of(), SPEC.warmup(), new Session(new SplittableRandom(seed), eta, 1 + change),
                Progress.silent());
    }

    /** As the history keeps it for each run. */
    private static double logSd(double[] ms) {
        double mean = 0;
        for (double x : ms) {
            mean += Math.log(x) / ms.length;
        }
        double squares = 0;
        for (double x : ms) {
            squares += (Math.log(x) - mean) * (Math.log(x) - mean);
        }
        return Math.sqrt(squares / (ms.length - 1));
    }

    private static double pct(int count, int of) {
        return 100.0 * count / of;
    }

    private static String trim(double v) {
        String s = String.valueOf(v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /** One session of the server: its own speed for the whole session, drifting a little within it. */
    private static final class Session implements InterleavedSampler.Timer {
        private final SplittableRandom random;
        private final double logMedian;
        private double shift;
        private int counted;

        Session(SplittableRandom random, double eta, double factor) {
            this.random = random;
            this.logMedian = Math.log(MEDIAN_MS * factor) + eta * gaussian(random);
        }

        @Override
        public InterleavedSampler.Timing time(String endpointId) {
            if (counted++ % 10 == 0) {
                shift = TAU_WITHIN * gaussian(random);
            }
            double ms = Math.exp(logMedian + shift + SIGMA * gaussian(random));
            return new InterleavedSampler.Timing(ms, ms / 2);
        }

        private static double gaussian(SplittableRandom random) {
            double u = 1 - random.nextDouble();
            double v = random.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }
    }
}
