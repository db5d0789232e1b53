package dev.gate.bench;

import dev.gate.checks.latency.Quantiles;
import dev.gate.cli.Cli;
import dev.gate.realstack.CpuBurner;
import dev.gate.realstack.RealShopSuite;
import dev.gate.realstack.ShopStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The gate's latency decision end to end on a real stack (gunicorn and SQLite behind nginx with
 * gzip, {@link ShopStack}), through the real command line with the default latency settings: for
 * each deploy `gate baseline`, the deploy (symlink flip and HUP: cold workers), `gate verify
 * --no-rollback`. An unchanged release 20 times, 10 of them with a CPU-burning process beside the
 * server from before the baseline to after the verify; then a release with an N+1 query bug, each
 * followed by a deploy of the healthy code again, through the gate too.
 * Run: {@code bin/bench RealStackLatencyBench [unchanged-quiet unchanged-busy slow [extra]]}.
 */
public final class RealStackLatencyBench {
    private RealStackLatencyBench() {
    }

    /**
     * Extra queries a product that make the N+1 release 1.5× slower, as {@link RealStackEffectBench}
     * measured over 16 pairs of worker generations each: 0.8 made it 1.49–1.52× (median of the pairs'
     * ratios; 0.5 made it 1.35×, 0.75 1.43×, 0.9 1.56–1.61×).
     */
    static final double SLOWER_BY_HALF = 0.8;

    private record Verify(String scenario, int exit, List<String> lines, List<Double> ratios, double wallSeconds) {
    }

    public static void main(String[] args) throws Exception {
        int quiet = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int busy = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int slow = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        double extra = args.length > 3 ? Double.parseDouble(args[3]) : SLOWER_BY_HALF;
        Path work = Files.createTempDirectory("gate-realstack-");
        List<Verify> runs = new ArrayList<>();
        try (ShopStack shop = ShopStack.start(work.resolve("shop"), RealShopSuite.commit(0))) {
            Path suite = RealShopSuite.write(work, shop);
            Cli cli = new Cli(work);
            int n = 1;
            for (int i = 0; i < quiet + busy; i++) {
                boolean burn = i >= quiet;
                CpuBurner burner = burn ? CpuBurner.start() : null;
                try {
                    runs.add(cycle(cli, shop, suite, work, RealShopSuite.commit(n++), 0,
                            burn ? "unchanged, CPU burner" : "unchanged, quiet"));
                } finally {
                    if (burner != null) {
                        burner.close();
                    }
                }
            }
            for (int i = 0; i < slow; i++) {
                runs.add(cycle(cli, shop, suite, work, RealShopSuite.commit(n++), extra,
                        "N+1 release (" + extra + " extra queries a product)"));
                // back to the healthy code through the gate, as every deploy goes: a history that
                // missed it would hold the N+1 release (when it passed) as the live one
                runs.add(cycle(cli, shop, suite, work, RealShopSuite.commit(n++), 0, "back to the healthy code"));
            }
        }
        System.out.println("Real stack: gunicorn (2 workers) + SQLite behind nginx (gzip), deploy = symlink flip + HUP;");
        System.out.println("gate baseline, deploy, gate verify --no-rollback; latency on GET /products/ (HTML) and");
        System.out.println("GET /api/products (JSON), default settings. One line per verify.");
        System.out.println();
        System.out.println("| scenario | verifies | blocked | warned | passed | median ratio (range), both endpoints |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        for (String scenario : runs.stream().map(Verify::scenario).distinct().toList()) {
            List<Verify> of = runs.stream().filter(v -> v.scenario.equals(scenario)).toList();
            double[] ratios = of.stream().flatMap(v -> v.ratios.stream()).mapToDouble(Double::doubleValue).sorted().toArray();
            String measured = ratios.length == 0 ? "–" : String.format(Locale.ROOT, "%.2f× (%.2f–%.2f×)",
                    Quantiles.median(ratios), ratios[0], ratios[ratios.length - 1]);
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %s |%n", scenario, of.size(),
                    of.stream().filter(v -> v.exit == 1).count(),
                    of.stream().filter(v -> v.exit == 0 && v.lines.stream().anyMatch(l -> l.startsWith("WARN"))).count(),
                    of.stream().filter(v -> v.exit == 0 && v.lines.stream().noneMatch(l -> l.startsWith("WARN"))).count(),
                    measured);
        }
        System.out.println();
        for (Verify v : runs) {
            System.out.printf(Locale.ROOT, "%s, exit %d, %.1f s%n", v.scenario, v.exit, v.wallSeconds);
            v.lines.forEach(l -> System.out.println("    " + l));
        }
    }

    private static Verify cycle(Cli cli, ShopStack shop, Path suite, Path work, String commit, double extra,
            String scenario)
            throws Exception {
        Cli.Result baseline = cli.run("baseline", "--suite", suite.toString());
        if (baseline.exit() != 0) {
            throw new IllegalStateException("gate baseline failed: " + baseline.all());
        }
        shop.deploy(commit, extra);
        Path out = work.resolve("runs").resolve(commit);
        long start = System.nanoTime();
        Cli.Result verify = cli.run("verify", "--suite", suite.toString(), "--expect-commit", commit, "--no-rollback",
                "--out", out.toString());
        double took = (System.nanoTime() - start) / 1e9;
        return new Verify(scenario, verify.exit(), RealShopSuite.latencyLines(out), RealShopSuite.medianRatios(out), took);
    }
}
