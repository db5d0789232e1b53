package dev.gate.checks.latency;

import dev.gate.checks.CheckResult;
import dev.gate.checks.Progress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * How often the gate's latency decision blocks, warns or stays inconclusive, on simulated deploys
 * that drift the way real servers do: lognormal latency whose log-median shifts by N(0, τ²) every
 * {@value #DRIFT_EVERY} requests (load, CPU contention, caches), and a cold start after the deploy
 * (the first requests of the live release up to 2.5× slower, decaying). Every deploy runs the gate's
 * own sampler loop ({@link InterleavedSampler}, warm-up included) and {@link LatencyDecision#run}
 * with the default suite settings. Run with {@code bin/bench LatencyDecisionBench [deploys]}.
 */
public final class LatencyDecisionBench {
    private static final long SEED = 20261201L;
    private static final double MEDIAN_MS = 30;
    static final int DRIFT_EVERY = 10;
    private static final double COLD_EXTRA = 1.5;
    private static final double COLD_DECAY = 6;
    private static final double[] TAUS = {0, 0.05, 0.1, 0.2};
    private static final double[] SIGMAS = {0.1, 0.25, 0.5};
    private static final double[] CHANGES = {0, 0.10, 0.20, 0.50};
    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);
    private static final LatencySpec SPEC = new LatencySpec(List.of("e"), LatencySpec.SAMPLES, LatencySpec.MAX_SAMPLES,
            LatencySpec.ROUND_SIZE, LatencySpec.CONFIRM_SAMPLES, WarmUp.DEFAULT, 0.10, LatencySpec.MIN_DELTA_MS, 0.99,
            LatencySpec.Inconclusive.PASS, Map.of());

    private LatencyDecisionBench() {
    }

    public static void main(String[] args) throws Exception {
        int deploys = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            long start = System.nanoTime();
            table(pool, deploys, true, SPEC, CHANGES, "Table 1. The defaults, after a deploy with a cold start.");
            table(pool, deploys, true, fixedWarmUp(SPEC), new double[] {0},
                    "Table 2. Unchanged releases with the old fixed warm-up of 3 requests (what warming until stable buys).");
            table(pool, deploys, false, SPEC, new double[] {0},
                    "Table 3. Unchanged releases without a cold start (the test across rounds on its own).");
            System.out.printf(Locale.ROOT, "%n%d deploys per cell, seed %d, %.0f s%n", deploys, SEED,
                    (System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static LatencySpec fixedWarmUp(LatencySpec s) {
        return new LatencySpec(s.endpoints(), s.samples(), s.maxSamples(), s.roundSize(), s.confirmSamples(),
                WarmUp.fixed(3), s.minEffect(), s.minDeltaMs(), s.confidence(), s.inconclusive(), s.budgets());
    }

    private record Cell(double tau, double sigma, double change, int blocks, int warns, int inconclusive,
            int unconfirmed, int naive, int[] used) {
    }

    private static void table(ExecutorService pool, int deploys, boolean cold, LatencySpec spec, double[] changes,
            String title) throws Exception {
        List<Future<Cell>> cells = new ArrayList<>();
        int n = 0;
        for (double tau : TAUS) {
            for (double sigma : SIGMAS) {
                for (double change : changes) {
                    long seed = SEED + 7919L * n++;
                    cells.add(pool.submit(() -> cell(spec, tau, sigma, change, cold, deploys, seed)));
                }
            }
        }
        System.out.println(title);
        System.out.println("  baseline " + spec.maxSamples() + " samples; current " + spec.samples() + " at first, up to "
                + spec.maxSamples() + " while inconclusive, + " + spec.confirmSamples()
                + " to confirm a block; rounds of " + spec.roundSize() + "; min_effect 10%, min_delta 2 ms, confidence 99%;");
        System.out.println("  median latency " + (int) MEDIAN_MS + " ms. Rates in % of deploys. For +0% `block` is the FALSE-BLOCK rate.");
        System.out.println("  block / warn / incon. = the gate's BLOCK, WARN and inconclusive (which passes by default);");
        System.out.println("  unconf. = a block the confirming samples did not agree with (a WARN, counted in warn too);");
        System.out.println("  n used  = current samples taken, confirmation included (median);");
        System.out.println("  limit   = the best any test can do: a z-test on mean log latency knowing σ and τ, with");
        System.out.println("            " + spec.maxSamples() + " samples a side and no cold start, at 1%;");
        System.out.println("  naive   = blocks when current p95 > 1.2 × baseline p95 (" + spec.samples()
                + " current samples after 3 thrown away).");
        System.out.println();
        System.out.println("  τ     σ     change |  block   warn  incon.  unconf. | n used |  limit |  naive | target");
        System.out.println("  ----  ----  ------ | ------  -----  ------  ------- | ------ | ------ | ------ | ------");
        for (Future<Cell> f : cells) {
            Cell c = f.get();
            double block = rate(c.blocks, deploys);
            double warn = rate(c.warns, deploys);
            double limit = c.change == 0 ? 0.01 : limit(c.sigma, c.tau, spec, c.change);
            String target = "";
            if (c.tau <= 0.1 && c.change == 0) {
                target = block <= 0.01 + slack(0.01, deploys) && warn <= 0.02 + slack(0.02, deploys) ? "ok" : "MISS";
            } else if (c.tau <= 0.1 && c.change == 0.5) {
                target = block >= 0.99 - slack(0.01, deploys) ? "ok" : "MISS";
            } else if (c.tau == 0 && c.sigma == 0.25 && c.change == 0.2) {
                target = block >= 0.95 - slack(0.05, deploys) && median(c.used) <= 70 ? "ok" : "MISS";
            }
            System.out.printf(Locale.ROOT, "  %-4s  %-4s  %+5.0f%% | %5.1f%%  %4.1f%%  %5.1f%%  %6.1f%% | %6d | %5.1f%% | %5.1f%% | %s%n",
                    trim(c.tau), trim(c.sigma), 100 * c.change, 100 * block, 100 * warn,
                    100 * rate(c.inconclusive, deploys), 100 * rate(c.unconfirmed, deploys), median(c.used),
                    100 * limit, 100 * rate(c.naive, deploys), target);
        }
        System.out.println();
    }

    /** Two simulation standard errors of a rate p over this many deploys. */
    private static double slack(double p, int deploys) {
        return 2 * Math.sqrt(p * (1 - p) / deploys);
    }

    private static Cell cell(LatencySpec spec, double tau, double sigma, double change, boolean cold, int deploys,
            long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        int blocks = 0;
        int warns = 0;
        int inconclusive = 0;
        int unconfirmed = 0;
        int naive = 0;
        int[] used = new int[deploys];
        for (int d = 0; d < deploys; d++) {
            Server before = new Server(random.split(), tau, sigma, 1, false);
            InterleavedSampler baselineSampler = new InterleavedSampler(Map.of(), spec.warmup(), before, Progress.silent());
            LatencySamples baseline = baselineSampler.sample(List.of("e"), spec.maxSamples()).get(0);
            Server after = new Server(random.split(), tau, sigma, 1 + change, cold);
            InterleavedSampler currentSampler = new InterleavedSampler(Map.of(), spec.warmup(), after, Progress.silent());
            CheckResult r = LatencyDecision.run(spec, List.of(baseline), currentSampler).get(0);
            switch (r.status()) {
                case FAIL -> blocks++;
                case WARN -> warns++;
                default -> { }
            }
            String finding = String.valueOf(r.metrics().get(LatencyMetrics.FINDING));
            if (finding.equals(LatencyFinding.INCONCLUSIVE.key())) {
                inconclusive++;
            }
            if (finding.equals(LatencyFinding.UNCONFIRMED.key())) {
                unconfirmed++;
            }
            used[d] = after.counted - currentSampler.coldStarts().get("e").thrownAway();
            Server naiveServer = new Server(random.split(), tau, sigma, 1 + change, cold);
            for (int i = 0; i < 3; i++) {
                naiveServer.time("e");
            }
            double[] now = new double[spec.samples()];
            for (int i = 0; i < now.length; i++) {
                now[i] = naiveServer.time("e").totalMs();
            }
            if (Quantiles.of(now, 0.95) > 1.2 * Quantiles.of(baseline.values(), 0.95)) {
                naive++;
            }
        }
        return new Cell(tau, sigma, change, blocks, warns, inconclusive, unconfirmed, naive, used);
    }

    /** A server whose speed drifts every {@value #DRIFT_EVERY} requests, and that may start cold. */
    private static final class Server implements InterleavedSampler.Timer {
        private final SplittableRandom random;
        private final double tau;
        private final double sigma;
        private final double logMedian;
        private final boolean cold;
        private double shift;
        /** Requests answered so far, warm-up included. */
        int counted;

        Server(SplittableRandom random, double tau, double sigma, double factor, boolean cold) {
            this.random = random;
            this.tau = tau;
            this.sigma = sigma;
            this.logMedian = Math.log(MEDIAN_MS * factor);
            this.cold = cold;
        }

        @Override
        public InterleavedSampler.Timing time(String endpointId) {
            if (counted % DRIFT_EVERY == 0) {
                shift = tau * gaussian();
            }
            double transient_ = cold ? 1 + COLD_EXTRA * Math.exp(-counted / COLD_DECAY) : 1;
            counted++;
            double ms = Math.exp(logMedian + shift + sigma * gaussian()) * transient_;
            return new InterleavedSampler.Timing(ms, ms / 2);
        }

        private double gaussian() {
            // Box-Muller on the seeded generator, so that every run draws the same deploys
            double u = 1 - random.nextDouble();
            double v = random.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }
    }

    /** The σ- and τ-known z-test on mean log latency over rounds, with max_samples a side, at 1%. */
    static double limit(double sigma, double tau, LatencySpec spec, double change) {
        int rounds = spec.maxSamples() / spec.roundSize();
        double perRound = tau * tau + sigma * sigma / spec.roundSize();
        double se = Math.sqrt(perRound * 2.0 / rounds);
        double z = STANDARD.inverseCumulativeProbability(0.99);
        return STANDARD.cumulativeProbability(Math.log(1 + change) / se - z);
    }

    private static double rate(int count, int of) {
        return (double) count / of;
    }

    private static int median(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String trim(double v) {
        return String.valueOf(v).replaceAll("\\.0$", "");
    }
}
