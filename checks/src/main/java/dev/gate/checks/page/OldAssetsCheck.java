package dev.gate.checks.page;

import dev.gate.checks.Check;
import dev.gate.checks.CheckContext;
import dev.gate.checks.CheckResult;
import dev.gate.checks.Severity;
import dev.gate.checks.Status;
import dev.gate.checks.assets.AssetProbe;
import dev.gate.checks.assets.ReleaseAsset;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.time.Durations;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Do the previous release's assets still answer? Browsers holding an old page keep requesting its
 * chunks for hours after a deploy, the lazy ones ({@code import()}) only when the user navigates, and
 * fail with ChunkLoadErrors when a deploy deleted them. The assets come from the baseline: those the
 * key pages loaded, and every one the build manifest listed.
 *
 * <p>Bounded: at most {@value #LIMIT} assets are asked for (the ones the pages loaded first, then
 * the lazy chunks), {@value #PARALLEL} at a time, each within the request timeout, all within
 * {@value #BUDGET_IN_TIMEOUTS} request timeouts; those not answered by then are counted as unchecked,
 * not as gone.
 */
public final class OldAssetsCheck implements Check {
    public static final String ID = "old-assets";
    public static final String KIND = "assets";
    static final int LIMIT = 500;
    private static final int PARALLEL = 4;
    static final int BUDGET_IN_TIMEOUTS = 12;
    /** What the pages loaded matters most, then what open tabs load when they navigate. */
    private static final Comparator<ReleaseAsset> FIRST_CHECKED = Comparator
            .comparing((ReleaseAsset a) -> !a.loaded()).thenComparing(a -> !a.lazy());

    private final List<ReleaseAsset> assets;
    private final int known;
    private final Optional<CommitId> previous;
    private final Optional<String> manifestProblem;
    private final Severity severity;
    private final Optional<Duration> budget;

    /**
     * @param previous        the release the assets belong to, named in the line when known
     * @param manifestProblem why the baseline could not read the build manifest, when it could not
     */
    public OldAssetsCheck(List<ReleaseAsset> assets, Optional<CommitId> previous, Optional<String> manifestProblem,
                          Severity severity) {
        this(assets, previous, manifestProblem, severity, Optional.empty());
    }

    /** @param budget how long all the requests may take; by default {@value #BUDGET_IN_TIMEOUTS} request timeouts */
    OldAssetsCheck(List<ReleaseAsset> assets, Optional<CommitId> previous, Optional<String> manifestProblem,
                   Severity severity, Optional<Duration> budget) {
        this.budget = budget;
        this.known = assets.size();
        this.assets = assets.stream().sorted(FIRST_CHECKED).limit(LIMIT).toList();
        this.previous = previous;
        this.manifestProblem = manifestProblem;
        this.severity = severity;
    }

    /** The assets the key pages loaded, without a manifest or a known previous commit. */
    public OldAssetsCheck(List<String> urls, Severity severity) {
        this(urls.stream().map(ReleaseAsset::loadedByPage).toList(), Optional.empty(), Optional.empty(), severity);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String name() {
        return "assets of the previous release";
    }

    @Override
    public CheckResult run(CheckContext context) throws InterruptedException {
        Duration allowed = budget.orElse(context.http().timeout().multipliedBy(BUDGET_IN_TIMEOUTS));
        List<Optional<String>> outcomes = probeAll(new AssetProbe(context.http()), allowed);
        List<String> missing = new ArrayList<>();
        int unchecked = 0;
        int lazyMissing = 0;
        Optional<String> firstLazy = Optional.empty();
        for (int i = 0; i < assets.size(); i++) {
            if (outcomes.get(i) == null) {
                unchecked++;
            } else if (outcomes.get(i).isPresent()) {
                ReleaseAsset a = assets.get(i);
                String line = PageJudge.pathOf(a.url()) + " → " + outcomes.get(i).get();
                missing.add(line + (a.lazy() ? " (lazy chunk)" : ""));
                if (a.lazy()) {
                    lazyMissing++;
                    firstLazy = firstLazy.or(() -> Optional.of(line));
                }
            }
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("known", known);
        metrics.put("checked", assets.size());
        metrics.put("lazy", assets.stream().filter(ReleaseAsset::lazy).count());
        metrics.put("missing", missing.size());
        metrics.put("missing_lazy", lazyMissing);
        metrics.put("unchecked", unchecked);
        String of = previous.map(c -> "of " + c.shortHex()).orElse("of the previous release");
        String checked = (known > assets.size() ? " (the first " + assets.size() + " of " + known + " checked: the cap)" : "")
                + (unchecked > 0 ? "; " + unchecked + " did not answer within " + Durations.format(allowed) + " and are unchecked" : "");
        String noManifest = manifestProblem.map(p -> "; the baseline could not read the build manifest (" + p
                + "), so its lazy chunks were not checked").orElse("");
        if (missing.isEmpty()) {
            int answered = assets.size() - unchecked;
            String summary = answered == 0 && unchecked > 0
                    ? "none of the " + unchecked + " assets " + of + " answered within " + Durations.format(allowed)
                            + ", so none is known to still load" + noManifest
                    : (answered == 1 ? "1 asset " + of + " still loads" : answered + " assets " + of + " still load")
                            + checked + noManifest;
            boolean incomplete = manifestProblem.isPresent() || unchecked > 0;
            return CheckResult.of(ID, KIND, name(), incomplete ? Status.WARN : Status.PASS, summary)
                    .withMetrics(metrics);
        }
        String summary;
        if (lazyMissing > 0) {
            summary = missing.size() + " of " + assets.size() + " assets " + of + " are gone, " + lazyMissing
                    + (lazyMissing == 1 ? " of them a lazy chunk (" : " of them lazy chunks (") + firstLazy.get()
                    + "): open tabs of the previous release fail when they navigate";
        } else {
            summary = missing.size() + " of " + assets.size() + " assets " + of + " are gone ("
                    + missing.get(0) + (missing.size() > 1 ? ", ..." : "") + "): browsers with the old page open will fail to load them";
        }
        return CheckResult.of(ID, KIND, name(), severity.status(), summary + checked + noManifest)
                .withDetails(missing).withMetrics(metrics).withPlaybook("missing-asset");
    }

    /** Each asset's failure, empty when it answered, null when it was not asked or answered in time. */
    private List<Optional<String>> probeAll(AssetProbe probe, Duration allowed) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(PARALLEL, assets.size())), r -> {
            Thread t = new Thread(r, "old-assets");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Callable<Optional<String>>> asks = assets.stream()
                    .<Callable<Optional<String>>>map(a -> () -> probe.failure(URI.create(a.url()))).toList();
            List<Optional<String>> outcomes = new ArrayList<>();
            for (Future<Optional<String>> f : pool.invokeAll(asks, allowed.toNanos(), TimeUnit.NANOSECONDS)) {
                if (f.isCancelled()) {
                    outcomes.add(null);
                    continue;
                }
                try {
                    outcomes.add(f.get());
                } catch (ExecutionException e) {
                    outcomes.add(Optional.of(String.valueOf(e.getCause().getMessage())));
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
