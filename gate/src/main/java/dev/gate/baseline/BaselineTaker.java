package dev.gate.baseline;

import dev.gate.checks.CheckContext;
import dev.gate.checks.CheckResult;
import dev.gate.checks.Redactor;
import dev.gate.checks.Status;
import dev.gate.checks.commit.CommitConvergence;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.commit.MarkerReading;
import dev.gate.checks.page.BrowserSession;
import dev.gate.checks.page.BrowserUnavailableException;
import dev.gate.checks.page.PageCheck;
import dev.gate.checks.page.AssetWeight;
import dev.gate.checks.page.PageMetrics;
import dev.gate.io.Io;
import dev.gate.report.ConsoleReporter;
import dev.gate.report.Style;
import dev.gate.run.BrowserSupply;
import dev.gate.run.CheckExecutor;
import dev.gate.run.EndpointSamples;
import dev.gate.run.ExitStatus;
import dev.gate.run.LatencyStage;
import dev.gate.run.RunListener;
import dev.gate.run.Runner;
import dev.gate.suite.Suite;
import dev.gate.checks.assets.ManifestException;
import dev.gate.checks.assets.ManifestReader;
import dev.gate.checks.assets.ReleaseAsset;
import java.io.IOException;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes a baseline before a deploy: the commit that is live now, and (with the latency and page
 * checks) samples and page facts to compare with afterwards.
 */
public final class BaselineTaker {
    private final Io io;

    public BaselineTaker(Io io) {
        this.io = io;
    }

    /** What a baseline run produced: the baseline, or the exit status that says why there is none. */
    public record Outcome(Optional<Baseline> baseline, int exitStatus) {
    }

    /**
     * @param browser the command's browser, which this uses and does not close
     * @throws BrowserUnavailableException when the suite has pages and no browser can be started
     */
    public Outcome take(Suite suite, Path file, BrowserSupply browser)
            throws InterruptedException, BrowserUnavailableException {
        Redactor redactor = suite.redactor();
        ConsoleReporter console = new ConsoleReporter(io.out(), Style.of(io), redactor);
        console.line(Style.of(io).bold("gate baseline") + " · " + suite.name() + " · " + suite.target());
        Path folder = file.toAbsolutePath().getParent();
        CheckContext context = Runner.context(suite, folder, io.clock(), io.sleeper(), console);
        console.stage("Reading the live commit from " + suite.markerLocations().size() + " location(s)");
        Map<String, MarkerReading> readings = new CommitConvergence(suite.marker(), suite.markerLocations(),
                suite.converge()).readAll(context);
        Optional<CommitId> live = majority(readings);
        boolean anyAnswer = false;
        for (Map.Entry<String, MarkerReading> e : readings.entrySet()) {
            MarkerReading r = e.getValue();
            if (r.commit().isPresent()) {
                anyAnswer = true;
                if (live.isPresent() && !r.commit().get().sameCommitAs(live.get())) {
                    console.line("  warning: " + e.getKey() + " serves " + r.commit().get().shortHex()
                            + ", most of the site serves " + live.get().shortHex() + ": a rollout may be under way");
                }
            } else {
                anyAnswer |= r.answered();
                console.line("  warning: " + e.getKey() + ": no commit read: " + r.problem());
            }
        }
        if (!anyAnswer) {
            io.err().println(redactor.redact("gate: the site did not answer; no baseline written: "
                    + readings.values().iterator().next().problem()));
            return new Outcome(Optional.empty(), ExitStatus.BLOCK);
        }
        Map<String, PageFacts> pages;
        try {
            pages = pageFacts(suite, context, console, browser);
        } catch (IOException e) {
            io.err().println("gate: cannot create a scratch folder for the baseline: " + e.getMessage());
            return new Outcome(Optional.empty(), ExitStatus.INVALID);
        }
        Optional<ManifestFacts> manifest = suite.oldAssets().manifest()
                .map(m -> manifest(suite, context, console, m, pages));
        Map<String, EndpointSamples> samples = Map.of();
        if (suite.latency().enabled()) {
            LatencyStage latency = new LatencyStage(suite, List.of(), dev.gate.checks.trend.EndpointTrend.NONE);
            console.stage("Sampling latency: " + suite.latency().maxSamples() + " samples of each of "
                    + suite.latency().endpoints().size() + " endpoint(s), after " + suite.latency().warmup().describe() + " warm-up");
            samples = latency.sampleForBaseline(context);
            samples.forEach((id, s) -> console.line("  " + id + ": " + s.totalMs().size() + " samples, median "
                    + String.format(java.util.Locale.ROOT, "%.1f ms",
                    dev.gate.checks.latency.Quantiles.median(s.totalMs().stream().mapToDouble(Double::doubleValue).toArray()))));
        }
        Baseline baseline = new Baseline(Baseline.SCHEMA, io.clock().instant(), suite.target().toString(),
                live.map(CommitId::hex), samples, pages, Optional.of(suite.location()), manifest);
        try {
            BaselineStore.write(file, baseline, redactor);
        } catch (IOException e) {
            io.err().println("gate: cannot write the baseline " + file + ": " + e.getMessage());
            return new Outcome(Optional.empty(), ExitStatus.BLOCK);
        }
        console.line("Baseline written to " + io.display(file) + ": live commit "
                + live.map(CommitId::shortHex).orElse("unknown"));
        return new Outcome(Optional.of(baseline), ExitStatus.PASS);
    }

    /**
     * Renders the key pages once to record what they load now; after the deploy, the old-assets
     * check asks for these URLs again.
     */
    private Map<String, PageFacts> pageFacts(Suite suite, CheckContext context, ConsoleReporter console,
                                             BrowserSupply supply)
            throws IOException, InterruptedException, BrowserUnavailableException {
        Map<String, PageFacts> facts = new LinkedHashMap<>();
        Optional<BrowserSession> browser = supply.get();
        if (browser.isEmpty()) {
            return facts;
        }
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("gate-baseline-");
            CheckContext inScratch = new CheckContext(context.target(), context.http(), context.clock(), context.sleeper(),
                    scratch, context.redactor(), context.progress());
            console.stage("Rendering " + suite.pages().size() + " page(s) to record what they load");
            // before the deploy any commit is fine: the pages are rendered without a commit expectation
            // pages behind the login are left out: the baseline makes no session
            List<PageCheck> checks = suite.pages().stream().filter(p -> !p.auth())
                    .map(p -> new PageCheck(p, browser.get(), suite.timeouts().page(), Optional.empty(), false))
                    .toList();
            List<CheckResult> results = new CheckExecutor(suite.pagesParallel(), suite.timeouts().run(), RunListener.SILENT)
                    .runAll(checks, inScratch, io.clock().instant().plus(suite.timeouts().run()));
            for (CheckResult r : results) {
                if (r.status() != Status.PASS) {
                    console.line("  warning: " + r.id() + ": " + r.summary());
                }
                facts.put(r.id(), toFacts(suite, r));
            }
            return facts;
        } finally {
            deleteQuietly(scratch);
        }
    }

    /**
     * Reads the live release's build manifest, so that after the deploy its lazy chunks are asked
     * for too. One that cannot be read is recorded with the reason: the verification then warns
     * that the lazy chunks went unchecked, instead of passing as if there were none.
     */
    private static ManifestFacts manifest(Suite suite, CheckContext context, ConsoleReporter console, String where,
                                          Map<String, PageFacts> pages) {
        URI url = dev.gate.checks.Targets.resolve(suite.target(), where);
        Set<String> loaded = new HashSet<>();
        pages.values().forEach(p -> loaded.addAll(p.assets()));
        console.stage("Reading the build manifest " + where);
        try {
            ManifestReader.Inventory inventory = new ManifestReader(context.http()).read(url, loaded);
            long lazy = inventory.assets().stream().filter(ReleaseAsset::lazy).count();
            console.line("  " + inventory.format().label() + ": " + inventory.listed() + " assets, " + lazy + " of them lazy chunks"
                    + (inventory.listed() > inventory.assets().size() ? " (the first " + inventory.assets().size() + " kept)" : ""));
            return new ManifestFacts(url.toString(), Optional.of(inventory.format()), inventory.listed(), inventory.assets(),
                    Optional.empty());
        } catch (ManifestException e) {
            String problem = where + ": " + e.getMessage();
            console.line("  warning: the build manifest " + problem + ": the lazy chunks of this release will not be checked");
            return ManifestFacts.unreadable(url.toString(), problem);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ManifestFacts.unreadable(url.toString(), where + ": interrupted");
        }
    }

    private static PageFacts toFacts(Suite suite, CheckResult r) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        List<String> assets = new java.util.ArrayList<>();
        List<AssetWeight> weights = new java.util.ArrayList<>();
        r.metrics().forEach((k, v) -> {
            if (v instanceof Number n && !k.equals(PageMetrics.STATUS)) {
                numbers.put(k, n.doubleValue());
            } else if (k.equals(PageMetrics.ASSETS) && v instanceof List<?> list) {
                list.forEach(a -> assets.add(String.valueOf(a)));
            } else if (k.equals(PageMetrics.ASSET_WEIGHTS) && v instanceof List<?> list) {
                list.stream().filter(AssetWeight.class::isInstance).map(AssetWeight.class::cast).forEach(weights::add);
            }
        });
        String url = suite.page(r.id()).map(p -> dev.gate.checks.Targets.resolve(suite.target(), p.path()).toString()).orElse("");
        // a page that never loaded was not weighed: its weight stays unknown rather than nothing
        Optional<List<AssetWeight>> weighed = numbers.containsKey(PageMetrics.BYTES) ? Optional.of(weights) : Optional.empty();
        return new PageFacts(r.id(), url, assets, numbers, weighed);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a scratch folder left in the system's temporary folder is harmless
        }
    }

    /** The commit most locations served, when any served one. */
    public static Optional<CommitId> majority(Map<String, MarkerReading> readings) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        readings.values().forEach(r -> r.commit().ifPresent(c -> counts.merge(c.hex(), 1, Integer::sum)));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> new CommitId(e.getKey()));
    }

}
