package dev.gate.checks.page;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Tracing;
import dev.gate.checks.Targets;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One page in flight in the browser session: its context, what its listeners saw, and the steps
 * from navigation to a finished {@link PageRender}. Driven only from the session's thread.
 */
final class PageRenderer {
    /** After the load event, wait this long without network activity for late requests. */
    private static final long QUIET_MS = 300;
    /** ... but no longer than this after the load event, for pages that poll forever. */
    private static final long SETTLE_MAX_MS = 3_000;
    private static final long CHECK_EVERY_MS = 150;
    /**
     * A page still in flight this long after its timeout is held up by its own script: every call
     * the gate makes on it waits for a renderer that never yields. Long enough for the last checks
     * and the evidence of a page that reached its timeout normally.
     */
    private static final long OVERDUE_MS = 2_000;
    private static final Set<String> ASSET_TYPES = Set.of("script", "stylesheet", "image", "font", "media");

    private final PageJob job;
    private final CompletableFuture<PageRender> result;
    private final BrowserContext context;
    private final Page page;
    /** The kept tab the page renders in; null when it has a context of its own. */
    private final PageTab tab;
    private final boolean tracing;
    private final long deadline;

    private Request mainRequest;
    private Response mainResponse;
    private String mainFailure = "";
    private boolean loaded;
    private long loadedAt;
    private int pending;
    private long lastActivity = System.nanoTime();
    private long lastContentCheck;
    private int requests;
    private final List<String> consoleErrors = new ArrayList<>();
    private final List<String> pageErrors = new ArrayList<>();
    private final List<String> consoleLog = new ArrayList<>();
    private final List<FailedRequest> failed = new ArrayList<>();
    private final Set<String> assets = new LinkedHashSet<>();
    /**
     * The requests this page made: in a kept tab, a beacon or keep-alive request of the page before
     * can end after this one began, and is not this page's to count or to fail.
     */
    private final Set<Request> ours = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** Requests already reported by their error status; the browser then also aborts some of them. */
    private final Set<Request> answeredWithError = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** What the content check saw in this step, for the observation when the page is done; null when it did not look. */
    private Map<?, ?> lastLook;
    private int looks;
    private List<String> missingSelectors;
    private List<String> missingTexts;
    /** Main-frame navigations: more than {@link PageJudge#MAX_NAVIGATIONS} and the page never settles. */
    private int navigations;
    /** What was seen is taken: a page closed after this point keeps its observation. */
    private boolean observed;
    /** The page was closed over its timeout before it could be observed: its script kept the browser busy. */
    private boolean scriptBusy;
    private boolean closed;
    /** The trace was stopped (and written when there was evidence): the tab may trace the next page. */
    private boolean traceStopped;

    private PageRenderer(PageJob job, CompletableFuture<PageRender> result, BrowserContext context, Page page,
                         PageTab tab, boolean tracing) {
        this.job = job;
        this.result = result;
        this.context = context;
        this.page = page;
        this.tab = tab;
        this.tracing = tracing;
        this.deadline = System.nanoTime() + job.timeout().toNanos();
        this.missingSelectors = job.selectors();
        this.missingTexts = job.texts();
    }

    /** DOM snapshots only: a screencast in every trace would slow every page down for the rare failure. */
    static Tracing.StartOptions traceOptions() {
        return new Tracing.StartOptions().setScreenshots(false).setSnapshots(true).setSources(false);
    }

    static Browser.NewContextOptions contextOptions(boolean ignoreHttpsErrors) {
        return new Browser.NewContextOptions().setIgnoreHTTPSErrors(ignoreHttpsErrors).setViewportSize(1280, 900);
    }

    /** A context whose every document records its vitals ({@link PageScripts#OBSERVE_VITALS}), with its page. */
    static Page observedPage(Browser browser, Browser.NewContextOptions options) {
        BrowserContext context = browser.newContext(options);
        try {
            context.addInitScript(PageScripts.OBSERVE_VITALS);
            return context.newPage();
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    /** Renders the job in a context of its own, closed when the page is done: for a page seeded with the session. */
    static PageRenderer start(Browser browser, PageJob job, CompletableFuture<PageRender> result, boolean ignoreHttpsErrors) {
        Browser.NewContextOptions options = contextOptions(ignoreHttpsErrors);
        job.storageState().ifPresent(options::setStorageState);
        Page page = observedPage(browser, options);
        try {
            return begin(page.context(), page, null, job, result);
        } catch (RuntimeException e) {
            page.context().close();
            throw e;
        }
    }

    /** Renders the job in a kept tab, wiped before it ({@link PageTab}); the tab is closed if anything fails. */
    static PageRenderer start(PageTab tab, PageJob job, CompletableFuture<PageRender> result) {
        if (job.needsOwnContext()) {
            throw new IllegalArgumentException("a page seeded with the session, or tried again, needs a context of its own");
        }
        try {
            return begin(tab.context(), tab.page(), tab, job, result);
        } catch (RuntimeException e) {
            tab.close();
            throw e;
        }
    }

    private static PageRenderer begin(BrowserContext context, Page page, PageTab tab, PageJob job,
                                      CompletableFuture<PageRender> result) {
        boolean tracing = job.recordTrace();
        if (tab == null) {
            if (tracing) {
                context.tracing().start(traceOptions());
            }
        } else if (tracing) {
            tab.beginTrace();
        } else {
            tab.stopTracing();
        }
        page.setDefaultTimeout(Math.max(1, job.timeout().toMillis()));
        PageRenderer r = new PageRenderer(job, result, context, page, tab, tracing);
        r.listen();
        // navigate without blocking the session's thread, so other pages load meanwhile
        // replace, not push: in a kept tab, history.length then reads 1 as on a first visit
        page.evaluate("u => { window.location.replace(u); }", job.url().toString());
        return r;
    }

    private final Consumer<Request> onRequest = this::onRequest;
    private final Consumer<Request> onRequestFinished = this::settled;
    private final Consumer<Response> onResponse = this::onResponse;
    private final Consumer<Request> onRequestFailed = r -> {
        if (!settled(r)) {
            return;
        }
        if (isMain(r)) {
            mainFailure = String.valueOf(r.failure());
        } else if (!browserOwn(r.url()) && !answeredWithError.contains(r)) {
            failed.add(new FailedRequest(r.method(), r.url(), 0, String.valueOf(r.failure()), r.resourceType(),
                    sameOrigin(r.url())));
        }
    };
    private final Consumer<ConsoleMessage> onConsole = this::onConsole;
    private final Consumer<String> onPageError = error -> {
        pageErrors.add(PageErrors.describe(error));
        consoleLog.add("[uncaught] " + error);
    };
    private final Consumer<Frame> onFrameNavigated = this::onFrameNavigated;
    private final Consumer<Page> onLoad = p -> {
        if (mainResponse != null || mainRequest != null) {
            loaded = true;
            loadedAt = System.nanoTime();
        }
    };

    private void onRequest(Request r) {
        ours.add(r);
        requests++;
        pending++;
        lastActivity = System.nanoTime();
        if (isMain(r)) {
            mainRequest = r;
        }
    }

    /** A request of this page ended; false for one it did not make. */
    private boolean settled(Request r) {
        if (!ours.contains(r)) {
            return false;
        }
        pending--;
        lastActivity = System.nanoTime();
        return true;
    }

    private void onFrameNavigated(Frame frame) {
        if (frame == page.mainFrame()) {
            navigations++;
        }
    }

    private void listen() {
        page.onRequest(onRequest);
        page.onRequestFinished(onRequestFinished);
        page.onResponse(onResponse);
        page.onRequestFailed(onRequestFailed);
        page.onConsoleMessage(onConsole);
        page.onPageError(onPageError);
        page.onFrameNavigated(onFrameNavigated);
        page.onLoad(onLoad);
    }

    /** What a kept tab's next page does is not this page's: nothing of it reaches these lists. */
    private void stopListening() {
        try {
            unsubscribe();
        } catch (RuntimeException e) {
            // a tab whose listeners cannot be removed is not reused
            closeContext();
        }
    }

    private void unsubscribe() {
        page.offRequest(onRequest);
        page.offRequestFinished(onRequestFinished);
        page.offResponse(onResponse);
        page.offRequestFailed(onRequestFailed);
        page.offConsoleMessage(onConsole);
        page.offPageError(onPageError);
        page.offFrameNavigated(onFrameNavigated);
        page.offLoad(onLoad);
    }

    private void onResponse(Response response) {
        Request r = response.request();
        if (!ours.contains(r)) {
            return;
        }
        if (isMain(r)) {
            mainResponse = response;
            return;
        }
        if (browserOwn(r.url())) {
            return;
        }
        if (response.status() >= 400) {
            answeredWithError.add(r);
            failed.add(new FailedRequest(r.method(), r.url(), response.status(), "", r.resourceType(), sameOrigin(r.url())));
        } else if (response.status() < 300 && sameOrigin(r.url()) && ASSET_TYPES.contains(r.resourceType())) {
            assets.add(r.url());
        }
    }

    private void onConsole(ConsoleMessage m) {
        String location = m.location() == null ? "" : m.location();
        if (browserOwn(location.replaceAll(":\\d+:\\d+$", ""))) {
            return;
        }
        consoleLog.add("[" + m.type() + "] " + m.text() + (location.isEmpty() ? "" : " (" + location + ")"));
        // "Failed to load resource" duplicates a failed request, which is judged on its own (and a
        // missing favicon must not fail a page through the back door)
        if ("error".equals(m.type()) && !m.text().startsWith("Failed to load resource")) {
            consoleErrors.add(m.text() + PageErrors.where(location));
        }
    }

    private boolean isMain(Request r) {
        return r.isNavigationRequest() && r.frame() == page.mainFrame();
    }

    /** Requests the browser makes on its own account, not the page's. */
    private static boolean browserOwn(String url) {
        return url.endsWith("/favicon.ico") || url.startsWith("data:") || url.startsWith("chrome-error:");
    }

    private boolean sameOrigin(String url) {
        try {
            return Targets.sameOrigin(URI.create(url), job.url());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Closes the page's context when it is over its timeout by {@value #OVERDUE_MS} ms, or at once
     * when {@code now} the session closes. Called from the session's heartbeat, also while the
     * session's thread waits in a call on this page: the close ends that call. True when it closed it.
     */
    boolean closeIfOverdue(long now, boolean sessionClosing) {
        if (closed || !(sessionClosing || now - deadline > OVERDUE_MS * 1_000_000L)) {
            return false;
        }
        scriptBusy = !observed && !sessionClosing;
        closeContext();
        return true;
    }

    /** Moves the page on; true when it is finished and its result delivered. */
    boolean advance() {
        lastLook = null;
        try {
            long now = System.nanoTime();
            boolean timedOut = now >= deadline;
            boolean failedToArrive = !mainFailure.isEmpty() && mainResponse == null;
            boolean neverSettles = navigations > PageJudge.MAX_NAVIGATIONS;
            if (!timedOut && !failedToArrive) {
                // a page that keeps navigating is watched to its timeout, to say how often it did
                if (!loaded || neverSettles || !settled(now)) {
                    return false;
                }
                if (now - lastContentCheck < CHECK_EVERY_MS * 1_000_000L) {
                    return false;
                }
                lastContentCheck = now;
                checkContent();
                if (!missingSelectors.isEmpty() || !missingTexts.isEmpty()) {
                    return false;
                }
            } else if (loaded && !failedToArrive && !neverSettles) {
                checkContent();
            }
            finish();
        } catch (RuntimeException e) {
            if (scriptBusy || navigations > PageJudge.MAX_NAVIGATIONS) {
                // the call failed because the page was closed over its timeout, or navigated away
                // under it: what was seen says why
                finish();
            } else {
                fail("the page could not be rendered: " + BrowserSession.firstLine(e));
            }
        }
        return true;
    }

    private boolean settled(long now) {
        boolean quiet = pending <= 0 && now - lastActivity >= QUIET_MS * 1_000_000L;
        return quiet || now - loadedAt >= SETTLE_MAX_MS * 1_000_000L;
    }

    /**
     * Looks at the page once ({@link PageScripts#LOOK}): what it shows, kept for the observation if
     * the page is done, and which of the selectors and texts still miss. Only the selectors a plain
     * query could not confirm are asked of Playwright.
     */
    private void checkContent() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("selectors", missingSelectors);
        args.put("text", !missingTexts.isEmpty());
        // the HTML with the first look only: a page waited on for a selector is looked at again and again
        args.put("html", job.wantHtml() && looks == 0);
        looks++;
        Map<?, ?> look = page.evaluate(PageScripts.LOOK, args) instanceof Map<?, ?> m ? m : Map.of();
        lastLook = look;
        List<String> unconfirmed = look.get("unconfirmed") instanceof List<?> l
                ? l.stream().map(String::valueOf).toList() : missingSelectors;
        List<String> selectors = new ArrayList<>();
        for (String s : unconfirmed) {
            if (!page.locator(s).first().isVisible()) {
                selectors.add(s);
            }
        }
        missingSelectors = selectors;
        if (!missingTexts.isEmpty()) {
            String body = String.valueOf(look.get("text"));
            missingTexts = missingTexts.stream().filter(t -> !body.contains(t)).toList();
        }
    }

    private void finish() {
        PageObservation observation = observe();
        observed = true;
        boolean evidence = job.needsEvidence().test(observation);
        Optional<Path> screenshot = Optional.empty();
        Optional<Path> trace = Optional.empty();
        Optional<Path> log = Optional.empty();
        try {
            if (evidence || job.screenshotAlways() || !consoleLog.isEmpty()) {
                Files.createDirectories(job.artifactDir());
            }
            if (evidence || job.screenshotAlways()) {
                screenshot = screenshot();
            }
            if (tracing) {
                Optional<Path> file = evidence ? Optional.of(job.artifactDir().resolve("trace.zip")) : Optional.empty();
                if (tab != null) {
                    tab.endTrace(file);
                } else {
                    context.tracing().stop(file.map(f -> new Tracing.StopOptions().setPath(f)).orElse(null));
                }
                trace = file;
                traceStopped = true;
            }
            if (!consoleLog.isEmpty()) {
                Path file = job.artifactDir().resolve("console.log");
                List<String> lines = consoleLog.stream().map(job.redactor()::redact).toList();
                Files.write(file, lines, StandardCharsets.UTF_8);
                log = Optional.of(file);
            }
        } catch (IOException | RuntimeException e) {
            // evidence is a bonus: a page judged without its screenshot is still judged
        } finally {
            if (tab == null || (tracing && !traceStopped)) {
                // a kept tab still tracing would fail the next traced page: it is not reused
                closeContext();
            } else {
                stopListening();
            }
        }
        result.complete(new PageRender(observation, screenshot, trace, log));
    }

    private Optional<Path> screenshot() {
        try {
            Path file = job.artifactDir().resolve("screenshot.png");
            page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true).setTimeout(10_000));
            return Optional.of(file);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private PageObservation observe() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        List<AssetWeight> weights = List.of();
        String title = "";
        Optional<String> html = Optional.empty();
        boolean alive = mainResponse != null && !closed && !page.isClosed();
        if (alive) {
            try {
                // one call, not three: each is a round trip of the session's one thread; none when
                // the content check just looked
                boolean looked = lastLook != null && lastLook.containsKey("title")
                        && (!job.wantHtml() || lastLook.get("html") != null);
                Object seen = looked ? lastLook : page.evaluate(PageScripts.OBSERVE, job.wantHtml());
                if (seen instanceof Map<?, ?> all) {
                    title = String.valueOf(Objects.requireNonNullElse(all.get("title"), ""));
                    if (all.get("metrics") instanceof Map<?, ?> map) {
                        map.forEach((k, v) -> {
                            if (v instanceof Number n) {
                                metrics.put(k.toString(), n.doubleValue());
                            }
                        });
                        weights = assetWeights(map.get(PageMetrics.ASSET_WEIGHTS));
                    }
                    // the marker is near the top; a 50 MB page must not come into the gate's memory whole
                    html = Optional.ofNullable(all.get("html")).map(String::valueOf);
                }
            } catch (RuntimeException e) {
                // a page that navigated away or crashed while being measured keeps what was seen
            }
        }
        metrics.put(PageMetrics.REQUESTS, (double) requests);
        List<String> redirects = new ArrayList<>();
        if (mainResponse != null) {
            for (Request r = mainResponse.request().redirectedFrom(); r != null; r = r.redirectedFrom()) {
                redirects.add(0, r.url());
            }
        }
        Optional<String> commitHeader = job.commitHeader().flatMap(h ->
                mainResponse == null ? Optional.empty() : Optional.ofNullable(mainResponse.headerValue(h)));
        return new PageObservation(job.url().toString(), mainResponse == null ? job.url().toString() : mainResponse.url(),
                loaded, mainResponse == null ? 0 : mainResponse.status(), mainFailure, redirects, title,
                loaded ? missingSelectors : job.selectors(), loaded ? missingTexts : job.texts(), consoleErrors,
                pageErrors, failed, html, commitHeader, metrics, List.copyOf(assets), weights, navigations, scriptBusy);
    }

    /** The {@code [path, type, bytes]} triples the metrics script lists; what is not one is left out. */
    private static List<AssetWeight> assetWeights(Object listed) {
        List<AssetWeight> weights = new ArrayList<>();
        if (listed instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof List<?> t && t.size() == 3 && t.get(0) instanceof String path
                        && t.get(1) instanceof String type && t.get(2) instanceof Number bytes) {
                    WeighedType.ofMetricPrefix(type).ifPresent(w ->
                            weights.add(new AssetWeight(path, w, Math.max(0, bytes.longValue()))));
                }
            }
        }
        return weights;
    }

    void fail(String why) {
        closeContext();
        result.completeExceptionally(new IllegalStateException(why));
    }

    /**
     * The kept tab, for the session to wipe and give to the next page, once this one finished
     * normally; empty when the page had a context of its own, or its tab had to be closed.
     */
    Optional<PageTab> reusableTab() {
        return tab == null || closed || !observed ? Optional.empty() : Optional.of(tab);
    }

    private void closeContext() {
        closed = true;
        if (tab != null) {
            tab.close();
            return;
        }
        try {
            context.close();
        } catch (RuntimeException e) {
            // the browser may be gone; nothing left to close
        }
    }
}
