package dev.gate.checks.page;

import dev.gate.checks.Artifact;
import dev.gate.checks.Check;
import dev.gate.checks.CheckContext;
import dev.gate.checks.CheckResult;
import dev.gate.checks.LoginOutcome;
import dev.gate.checks.Redactor;
import dev.gate.checks.SessionSource;
import dev.gate.checks.Severity;
import dev.gate.checks.Status;
import dev.gate.checks.commit.CommitMarker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Renders one key page in the run's browser and judges it as a user would see it: the main
 * response, required content, console errors, uncaught exceptions, failed requests, and the
 * commit in the rendered page. A first attempt renders in a kept tab wiped of everything an earlier
 * page left ({@link PageTab}); when the runner tries a page again, the second attempt gets a new
 * browser context, so it shares no cookie, cache or connection with the first. A page with
 * {@code auth: true} gets a new context too, seeded with the session the suite's login made; when
 * the login made none, the page is skipped with the login's reason.
 */
public final class PageCheck implements Check {
    public static final String KIND = "page";
    /** Time for the screenshot and trace after the page's own timeout. */
    private static final Duration EVIDENCE_MARGIN = Duration.ofSeconds(60);

    private final PageSpec spec;
    private final BrowserSession session;
    private final Duration timeout;
    private final Optional<PageJudge.ExpectedCommit> commit;
    private final boolean screenshotAlways;
    private final Optional<SessionSource> login;
    private final Optional<PageWeightJudge> weight;

    public PageCheck(PageSpec spec, BrowserSession session, Duration timeout,
                     Optional<PageJudge.ExpectedCommit> commit, boolean screenshotAlways) {
        this(spec, session, timeout, commit, screenshotAlways, Optional.empty());
    }

    /** @param login where a page with {@code auth: true} gets its session; without one such a page is skipped */
    public PageCheck(PageSpec spec, BrowserSession session, Duration timeout,
                     Optional<PageJudge.ExpectedCommit> commit, boolean screenshotAlways, Optional<SessionSource> login) {
        this(spec, session, timeout, commit, screenshotAlways, login, Optional.empty());
    }

    private PageCheck(PageSpec spec, BrowserSession session, Duration timeout, Optional<PageJudge.ExpectedCommit> commit,
                      boolean screenshotAlways, Optional<SessionSource> login, Optional<PageWeightJudge> weight) {
        this.weight = weight;
        this.login = login;
        this.spec = spec;
        this.session = session;
        this.timeout = timeout;
        this.commit = commit;
        this.screenshotAlways = screenshotAlways;
    }

    /** The same check, also comparing what the page's code weighs with what it weighed before the deploy. */
    public PageCheck comparingWeight(PageWeightJudge judge) {
        return new PageCheck(spec, session, timeout, commit, screenshotAlways, login, Optional.of(judge));
    }

    @Override
    public String id() {
        return spec.id();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String name() {
        return "page " + spec.path();
    }

    @Override
    public CheckResult run(CheckContext context) throws Exception {
        Optional<String> storageState = Optional.empty();
        if (spec.auth()) {
            if (login.isEmpty()) {
                return CheckResult.skipped(spec.id(), KIND, name(), "the page needs the session (auth: true), and no login ran");
            }
            LoginOutcome outcome = login.get().obtain(context);
            if (outcome instanceof LoginOutcome.NotLoggedIn failed) {
                return CheckResult.skipped(spec.id(), KIND, name(), context.redactor().redact(LoginCheck.skipReason(failed)));
            }
            LoginOutcome.LoggedIn session = (LoginOutcome.LoggedIn) outcome;
            storageState = Optional.of(session.storageState());
            // the session's cookies are credentials: hidden in whatever this page reports
            context = new CheckContext(context.target(), context.http(), context.clock(), context.sleeper(),
                    context.runDir(), context.redactor().with(session.secrets()), context.progress(), context.attempt());
        }
        Path dir = context.artifactPath(spec.id());
        // traces hold request headers (the session's cookies among them) and page content: where
        // secrets are in play, record none
        boolean trace = context.redactor().isEmpty() && !spec.auth();
        PageJudge judge = new PageJudge(spec, timeout, commit, context.redactor());
        Optional<String> header = commit.map(PageJudge.ExpectedCommit::marker)
                .filter(m -> m instanceof CommitMarker.Header).map(m -> ((CommitMarker.Header) m).name());
        PageJob job = new PageJob(spec.id(), context.resolve(spec.path()), timeout, spec.selectors(), spec.texts(),
                judge.needsHtml(), header, dir, o -> worst(judge.judge(o)) != Status.PASS, screenshotAlways,
                trace, context.redactor(), storageState, context.attempt() > 1);
        context.progress().note(spec.id(), "rendering " + spec.path());
        CompletableFuture<PageRender> future = session.render(job);
        PageRender render;
        try {
            render = future.get(timeout.plus(EVIDENCE_MARGIN).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return CheckResult.error(spec.id(), KIND, name(), "the browser did not finish " + spec.path()
                    + " within " + timeout.plus(EVIDENCE_MARGIN).toSeconds() + "s");
        } catch (ExecutionException e) {
            return CheckResult.error(spec.id(), KIND, name(), spec.path() + ": " + BrowserSession.firstLine(e.getCause()));
        }
        return toResult(judge, render, context, trace);
    }

    private CheckResult toResult(PageJudge judge, PageRender render, CheckContext context, boolean traceAllowed) {
        List<PageFinding> findings = new ArrayList<>(judge.judge(render.observation()));
        weight.ifPresent(w -> findings.addAll(w.judge(spec.path(), render.observation().weight())));
        Status status = worst(findings);
        String summary;
        String playbook = "";
        if (findings.isEmpty()) {
            summary = spec.path() + " rendered" + timing(render.observation());
        } else {
            PageFinding first = findings.stream().filter(f -> f.severity().status() == status).findFirst().orElseThrow();
            summary = first.line() + (findings.size() > 1 ? " (and " + (findings.size() - 1) + " more)" : "");
            playbook = first.playbook();
        }
        List<String> details = new ArrayList<>();
        findings.forEach(f -> details.add(f.severity().word() + ": " + f.line()));
        if (!traceAllowed && status != Status.PASS) {
            details.add("no Playwright trace was recorded: the suite has secrets, and traces hold headers and content");
        }
        List<Artifact> artifacts = new ArrayList<>();
        render.screenshot().ifPresent(p -> artifacts.add(new Artifact("screenshot", context.relativeToRun(p), "screenshot of " + spec.path())));
        render.trace().ifPresent(p -> artifacts.add(new Artifact("trace", context.relativeToRun(p),
                "Playwright trace: npx playwright show-trace " + context.relativeToRun(p))));
        render.consoleLog().ifPresent(p -> artifacts.add(new Artifact("console", context.relativeToRun(p), "console log of " + spec.path())));
        CheckResult result = new CheckResult(spec.id(), KIND, name(), status, context.redactor().redact(summary),
                details.stream().map(context.redactor()::redact).toList(), metrics(render.observation(), context.redactor()), artifacts,
                playbook, Duration.ZERO);
        return transientCause(findings, status).map(c -> result.withTransientCause(context.redactor().redact(c)))
                .orElse(result);
    }

    /**
     * Why a failed page may render next time: the first failing finding with a passing cause (an
     * answer of 503 also leaves the selectors missing, and those follow from it). Empty when the page
     * passed, or when nothing failing can pass by itself.
     */
    private static Optional<String> transientCause(List<PageFinding> findings, Status status) {
        if (!status.isProblem()) {
            return Optional.empty();
        }
        return findings.stream().filter(f -> f.severity().status() == status)
                .flatMap(f -> f.transientCause().stream()).findFirst();
    }

    private static Status worst(List<PageFinding> findings) {
        Status s = Status.PASS;
        for (PageFinding f : findings) {
            s = s.worst(f.severity() == Severity.BLOCK ? Status.FAIL : f.severity().status());
        }
        return s;
    }

    private static String timing(PageObservation o) {
        Double load = o.metrics().get(PageMetrics.LOAD_MS);
        return load == null ? "" : String.format(java.util.Locale.ROOT, " in %.0f ms (%d requests)", load,
                o.metrics().getOrDefault(PageMetrics.REQUESTS, 0.0).intValue());
    }

    private static Map<String, Object> metrics(PageObservation o, Redactor redactor) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(PageMetrics.STATUS, o.mainStatus());
        o.metrics().forEach((k, v) -> m.put(k, k.equals(PageMetrics.CLS) ? v : Double.valueOf(Math.round(v * 10) / 10.0)));
        m.put(PageMetrics.ASSETS, o.assets());
        // the record's redaction reads strings, lists and maps, not these records: their paths are masked here
        m.put(PageMetrics.ASSET_WEIGHTS, o.assetWeights().stream()
                .map(w -> new AssetWeight(redactor.redact(w.path()), w.type(), w.bytes())).toList());
        if (!o.redirects().isEmpty()) {
            m.put(PageMetrics.REDIRECTS, o.redirects());
        }
        m.put(PageMetrics.FINAL_URL, o.finalUrl());
        return m;
    }
}
