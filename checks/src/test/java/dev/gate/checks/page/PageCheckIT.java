package dev.gate.checks.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.checks.CheckContext;
import dev.gate.checks.CheckResult;
import dev.gate.checks.Severity;
import dev.gate.checks.Status;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.commit.CommitMarker;
import dev.gate.checks.testing.Contexts;
import dev.gate.checks.testing.ManualClock;
import dev.gate.checks.testing.TestSite;
import dev.gate.checks.testing.TestSite.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Page checks in a real headless Chromium against real local pages. */
class PageCheckIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static BrowserSession session;

    @TempDir
    Path runDir;
    private final TestSite site = TestSite.start();
    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");

    @BeforeAll
    static void openBrowser() throws Exception {
        BrowserChoice choice = new BrowserLocator(System.getenv()).locate(Optional.empty());
        session = BrowserSession.open(choice, BrowserSession.Options.of(4, false));
    }

    @AfterAll
    static void closeBrowser() {
        session.close();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private static String page(String head, String body) {
        return "<!doctype html><html><head><title>Shop</title>" + head + "</head><body><main id=\"main\">"
                + body + "</main></body></html>";
    }

    private CheckContext context() {
        return Contexts.of(site.url(), clock, runDir);
    }

    private CheckResult check(PageSpec spec) throws Exception {
        return check(spec, TIMEOUT);
    }

    private CheckResult check(PageSpec spec, Duration timeout) throws Exception {
        return new PageCheck(spec, session, timeout, Optional.empty(), false).run(context());
    }

    private record OneTab(CheckResult first, CheckResult second, int tabs) {
    }

    /** Two pages one after the other in a session of one page at a time, so the second renders in the tab the first one used. */
    private OneTab inOneTab(PageSpec first, PageSpec second) throws Exception {
        BrowserChoice choice = new BrowserLocator(System.getenv()).locate(Optional.empty());
        try (BrowserSession oneTab = BrowserSession.open(choice, BrowserSession.Options.of(1, false))) {
            CheckResult one = new PageCheck(first, oneTab, TIMEOUT, Optional.empty(), false).run(context());
            CheckResult two = new PageCheck(second, oneTab, TIMEOUT, Optional.empty(), false).run(context());
            return new OneTab(one, two, oneTab.tabsOpened());
        }
    }

    private static PageSpec spec(String path, List<String> selectors, Severity console) {
        return new PageSpec("p", path, 200, selectors, List.of(), Optional.empty(), console, Severity.BLOCK, Severity.WARN);
    }

    @Test
    void aHealthyPagePassesAndKeepsItsMeasurements() throws Exception {
        site.route("/", r -> Reply.html(page("<link rel=\"stylesheet\" href=\"/s.css\">",
                "<h1>Free shipping</h1><script src=\"/app.js\"></script>")));
        site.route("/app.js", r -> new Reply(200, Map.of("Content-Type", "application/javascript"), "document.title='Shop';", Duration.ZERO));
        site.route("/s.css", r -> new Reply(200, Map.of("Content-Type", "text/css"), "h1{color:red}", Duration.ZERO));
        PageSpec spec = new PageSpec("home", "/", 200, List.of("#main", "h1"), List.of("Free shipping"),
                Optional.of(Pattern.compile("^Shop$")), Severity.BLOCK, Severity.BLOCK, Severity.WARN);

        CheckResult result = check(spec);

        assertThat(result.status()).as(result.summary()).isEqualTo(Status.PASS);
        assertThat(result.summary()).startsWith("/ rendered in ");
        assertThat(result.metrics()).containsKeys("ttfb_ms", "dom_content_loaded_ms", "load_ms", "requests", "bytes",
                "dom_nodes", "cls");
        assertThat(result.metrics().get("requests")).isEqualTo(3.0);
        @SuppressWarnings("unchecked")
        List<String> assets = (List<String>) result.metrics().get("assets");
        assertThat(assets).containsExactlyInAnyOrder(site.url("/app.js"), site.url("/s.css"));
        assertThat(result.artifacts()).as("no evidence kept for a passing page").isEmpty();
    }

    @Test
    void aMissingScriptFailsNamingIt() throws Exception {
        site.route("/checkout", r -> Reply.html(page("", "<script src=\"/static/app.3f2a.js\"></script>")));

        CheckResult result = check(spec("/checkout", List.of(), Severity.BLOCK));

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("GET /static/app.3f2a.js → 404 (script, from /checkout)");
        assertThat(result.details()).containsExactly("block: GET /static/app.3f2a.js → 404 (script, from /checkout)");
        assertThat(result.playbook()).isEqualTo("missing-asset");
        assertThat(result.artifacts()).extracting(a -> a.kind()).contains("screenshot", "trace");
        assertThat(runDir.resolve("artifacts/p/screenshot.png")).exists();
        assertThat(runDir.resolve("artifacts/p/trace.zip")).exists();
    }

    @Test
    void aMissingFaviconIsNotThePagesFailure() throws Exception {
        site.route("/", r -> Reply.html(page("<link rel=\"icon\" href=\"/favicon.ico\">", "hello")));

        assertThat(check(spec("/", List.of(), Severity.BLOCK)).status()).isEqualTo(Status.PASS);
    }

    @Test
    void aConsoleErrorFailsOrWarnsAsTheSuiteSays() throws Exception {
        site.route("/", r -> Reply.html(page("", "<script>console.error('cart failed to load');</script>")));

        CheckResult blocking = check(spec("/", List.of(), Severity.BLOCK));
        CheckResult warning = check(spec("/", List.of(), Severity.WARN));
        CheckResult ignored = check(spec("/", List.of(), Severity.IGNORE));

        assertThat(blocking.status()).isEqualTo(Status.FAIL);
        assertThat(blocking.summary()).startsWith("console error: cart failed to load");
        assertThat(warning.status()).isEqualTo(Status.WARN);
        assertThat(ignored.status()).isEqualTo(Status.PASS);
        assertThat(runDir.resolve("artifacts/p/console.log")).content().contains("[error] cart failed to load");
    }

    @Test
    void aThrownExceptionFailsQuotingIt() throws Exception {
        site.route("/", r -> Reply.html(page("", "<script src=\"/app.js\"></script>")));
        site.route("/app.js", r -> new Reply(200, Map.of("Content-Type", "application/javascript"),
                "var a = 1;\nx.y = 2;\n", Duration.ZERO));

        CheckResult result = check(spec("/", List.of(), Severity.BLOCK));

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("Uncaught ReferenceError: x is not defined (app.js:2)");
    }

    @Test
    void aMissingSelectorFailsNamingIt() throws Exception {
        site.route("/", r -> Reply.html(page("", "<p>no cart here</p>")));

        CheckResult result = check(spec("/", List.of("#main", "#cart"), Severity.BLOCK), Duration.ofSeconds(2));

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("selector \"#cart\" not visible after 2s");
    }

    /**
     * A plain query confirms the common selectors in the page's own call; what it cannot confirm is
     * asked of Playwright: an element in a shadow root (which Playwright's CSS pierces), Playwright's
     * own text selector, and a hidden element, which must still count as missing.
     */
    @Test
    void selectorsAreJudgedByPlaywrightsRulesWhereAPlainQueryCannotTell() throws Exception {
        site.route("/", r -> Reply.html(page("", "<h1>Cart</h1><div id=\"hidden\" style=\"visibility: hidden\">x</div>"
                + "<div id=\"host\"></div><script>document.getElementById('host').attachShadow({ mode: 'open' })"
                + ".innerHTML = '<button id=\"in-shadow\">Pay</button>';</script>")));

        CheckResult seen = check(spec("/", List.of("h1", "#in-shadow", "text=Pay"), Severity.BLOCK));
        CheckResult hidden = check(spec("/", List.of("h1", "#hidden"), Severity.BLOCK), Duration.ofSeconds(2));

        assertThat(seen.status()).as(seen.summary()).isEqualTo(Status.PASS);
        assertThat(hidden.status()).isEqualTo(Status.FAIL);
        assertThat(hidden.summary()).isEqualTo("selector \"#hidden\" not visible after 2s");
    }

    @Test
    void aThirdPartyFailureWarns() throws Exception {
        try (TestSite other = TestSite.start()) {
            site.route("/", r -> Reply.html(page("", "<script src=\"" + other.url("/widget.js") + "\"></script>")));

            CheckResult result = check(spec("/", List.of(), Severity.BLOCK));

            assertThat(result.status()).isEqualTo(Status.WARN);
            assertThat(result.summary()).isEqualTo("GET " + other.url("/widget.js") + " → 404 (script, from /)");
        }
    }

    @Test
    void followsARedirectChainAndJudgesWhereItEnds() throws Exception {
        site.route("/old", r -> Reply.status(301, "").withHeader("Location", "/mid"));
        site.route("/mid", r -> Reply.status(302, "").withHeader("Location", "/new"));
        site.route("/new", r -> Reply.html(page("", "arrived")));

        CheckResult result = check(spec("/old", List.of("#main"), Severity.BLOCK));

        assertThat(result.status()).as(result.summary()).isEqualTo(Status.PASS);
        assertThat(result.metrics()).containsEntry("final_url", site.url("/new"))
                .containsEntry("redirects", List.of(site.url("/old"), site.url("/mid")));
    }

    @Test
    void aServerErrorOnTheMainResponseFails() throws Exception {
        site.route("/", r -> Reply.status(500, "boom"));

        CheckResult result = check(spec("/", List.of(), Severity.BLOCK));

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).startsWith("GET / → 500 (expected 200)");
    }

    @Test
    void aPageSlowerThanItsTimeoutFails() throws Exception {
        site.route("/", r -> Reply.html(page("", "late")).after(Duration.ofSeconds(6)));

        CheckResult result = check(spec("/", List.of(), Severity.BLOCK), Duration.ofSeconds(2));

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("GET / failed: no response within 2s");
    }

    @Test
    void pagesRenderedInParallelFailOnlyWhereBroken() throws Exception {
        for (int i = 1; i <= 6; i++) {
            int n = i;
            site.route("/p/" + i, r -> Reply.html(page("", n == 4 ? "broken<script>throw new Error('broken ' + 4)</script>" : "ok " + n)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<CheckResult>> futures = new java.util.ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                PageSpec spec = new PageSpec("p" + i, "/p/" + i, 200, List.of("#main"), List.of(), Optional.empty(),
                        Severity.BLOCK, Severity.BLOCK, Severity.WARN);
                futures.add(pool.submit(() -> new PageCheck(spec, session, TIMEOUT, Optional.empty(), false).run(context())));
            }
            for (int i = 1; i <= 6; i++) {
                CheckResult r = futures.get(i - 1).get();
                assertThat(r.status()).as("page " + i + ": " + r.summary()).isEqualTo(i == 4 ? Status.FAIL : Status.PASS);
            }
            assertThat(futures.get(3).get().summary()).startsWith("Uncaught Error: broken 4");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPageRenderingAnotherCommitFails() throws Exception {
        site.route("/", r -> Reply.html(TestSite.pageWithCommit("1a2b3c4d5e")));
        PageJudge.ExpectedCommit expected = new PageJudge.ExpectedCommit(new CommitMarker.Meta("commit"), new CommitId("9f8e7d6"));

        CheckResult result = new PageCheck(spec("/", List.of(), Severity.BLOCK), session, TIMEOUT, Optional.of(expected), false)
                .run(context());

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("the page rendered commit 1a2b3c4, expected 9f8e7d6");
    }

    @Test
    void oldAssetsThatAreGoneAreListed() throws Exception {
        site.route("/static/app.new.js", r -> Reply.html("new"));
        site.route("/static/app.old.js", r -> Reply.status(404, "deleted"));
        site.route("/static/style.old.css", r -> Reply.html("still here"));
        OldAssetsCheck check = new OldAssetsCheck(List.of(site.url("/static/app.old.js"), site.url("/static/style.old.css")),
                Severity.WARN);

        CheckResult result = check.run(context());

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.summary()).isEqualTo("1 of 2 assets of the previous release are gone (/static/app.old.js → 404): "
                + "browsers with the old page open will fail to load them");
        assertThat(result.details()).containsExactly("/static/app.old.js → 404");
    }

    /**
     * Each key page is judged as a first visit: the first page leaves a cookie, local and session
     * storage, an IndexedDB database and a script the browser may cache for an hour; the second
     * page, on the same origin, fails with a console error for anything it finds of them, and the
     * site must be asked for the script again. The first page also keeps logging errors and failing
     * requests after it is judged, none of which may be put on the second page.
     */
    @Test
    void aPageSeesNothingThePageBeforeItLeftBehind() throws Exception {
        site.route("/lib.js", r -> new Reply(200, Map.of("Content-Type", "application/javascript",
                "Cache-Control", "public, max-age=3600"), "window.libLoaded = true;", Duration.ZERO));
        site.route("/sw.js", r -> new Reply(200, Map.of("Content-Type", "application/javascript"),
                "self.addEventListener('fetch', () => {});", Duration.ZERO));
        site.route("/popup", r -> Reply.html(page("", "<script>setInterval(() => {"
                + " document.cookie = 'popup=1; path=/; max-age=3600'; }, 10);</script>")));
        site.route("/first", r -> Reply.html(page("<script src=\"/lib.js\"></script>",
                "<p>first</p><script>document.cookie = 'leak=1; path=/; max-age=3600';"
                        + "window.open('/popup');"
                        + "localStorage.setItem('leak', '1'); sessionStorage.setItem('leak', '1');"
                        + "window.name = 'leak'; history.pushState({}, '', '/first?step=2');"
                        + "const db = new Promise(done => { const o = indexedDB.open('leak-db', 1); o.onsuccess = done; o.onerror = done; });"
                        + "Promise.all([db, caches.open('leak-cache').then(c => c.put('/x', new Response('1'))),"
                        + "  navigator.serviceWorker.register('/sw.js')]).then(() =>"
                        + "  document.body.insertAdjacentHTML('beforeend', '<p id=\"stored\">stored</p>'));"
                        + "setInterval(() => { console.error('noise from the first page');"
                        + " fetch('/gone-' + Date.now()).catch(() => {}); }, 20);</script>")));
        site.route("/second", r -> Reply.html(page("<script src=\"/lib.js\"></script>",
                "<script>const seen = [];"
                        + "if (document.cookie.includes('leak')) seen.push('cookie');"
                        + "if (localStorage.getItem('leak')) seen.push('localStorage');"
                        + "if (sessionStorage.getItem('leak')) seen.push('sessionStorage');"
                        + "if (window.name) seen.push('window.name');"
                        + "if (document.cookie.includes('popup')) seen.push('a cookie from the pop-up');"
                        + "if (history.length > 1) seen.push('history');"
                        + "Promise.all([indexedDB.databases(), caches.keys(), navigator.serviceWorker.getRegistrations()])"
                        + ".then(([dbs, cacheNames, workers]) => {"
                        + "  if (dbs.some(d => d.name === 'leak-db')) seen.push('indexedDB');"
                        + "  if (cacheNames.length) seen.push('Cache Storage');"
                        + "  if (workers.length || navigator.serviceWorker.controller) seen.push('service worker');"
                        + "  if (seen.length) console.error('state leaked: ' + seen.join(', '));"
                        + "  document.body.insertAdjacentHTML('beforeend', '<p id=\"checked\">checked</p>');"
                        + "});</script>")));
        PageSpec first = new PageSpec("first", "/first", 200, List.of("#stored"), List.of(), Optional.empty(),
                Severity.IGNORE, Severity.IGNORE, Severity.IGNORE);
        PageSpec second = new PageSpec("second", "/second", 200, List.of("#checked"), List.of(), Optional.empty(),
                Severity.BLOCK, Severity.BLOCK, Severity.BLOCK);
        OneTab run = inOneTab(first, second);
        CheckResult left = run.first();
        CheckResult judged = run.second();
        int tabs = run.tabs();

        assertThat(left.status()).as(left.summary()).isEqualTo(Status.PASS);
        assertThat(tabs).as("both pages were rendered in one kept tab").isEqualTo(1);
        assertThat(judged.status()).as(judged.summary()).isEqualTo(Status.PASS);
        assertThat(judged.details()).noneMatch(d -> d.contains("noise") || d.contains("/gone-"));
        assertThat(site.requests("/lib.js")).as("the second page asked for the script again, not the cache").hasSize(2);
    }

    @Test
    void aPageInAKeptTabHasATraceOfItsOwn() throws Exception {
        site.route("/first", r -> Reply.html(page("", "<h1>first</h1>")));
        site.route("/broken", r -> Reply.html(page("", "<script src=\"/static/gone.js\"></script>")));
        PageSpec first = new PageSpec("first", "/first", 200, List.of("h1"), List.of(), Optional.empty(),
                Severity.BLOCK, Severity.BLOCK, Severity.BLOCK);
        PageSpec broken = new PageSpec("broken", "/broken", 200, List.of(), List.of(), Optional.empty(),
                Severity.BLOCK, Severity.BLOCK, Severity.BLOCK);
        OneTab run = inOneTab(first, broken);
        CheckResult passed = run.first();
        CheckResult failed = run.second();
        int tabs = run.tabs();

        assertThat(passed.status()).as(passed.summary()).isEqualTo(Status.PASS);
        assertThat(failed.status()).as(failed.summary()).isEqualTo(Status.FAIL);
        assertThat(tabs).as("both pages were rendered in one kept tab").isEqualTo(1);
        assertThat(runDir.resolve("artifacts/first/trace.zip")).doesNotExist();
        Path trace = runDir.resolve("artifacts/broken/trace.zip");
        assertThat(trace).exists();
        StringBuilder events = new StringBuilder();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(trace.toFile())) {
            // the requests; the snapshot of the blank page the tab waited on names the page before as its base
            zip.stream().filter(e -> e.getName().endsWith(".network")).forEach(e -> {
                try (var in = zip.getInputStream(e)) {
                    events.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                } catch (java.io.IOException x) {
                    throw new java.io.UncheckedIOException(x);
                }
            });
        }
        assertThat(events.toString()).as("the failing page's own requests are in its trace").contains(site.url("/broken")).contains("/static/gone.js")
                .as("the page before it in the tab is not").doesNotContain(site.url("/first"));
    }
}
