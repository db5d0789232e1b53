package dev.gate.checks.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.checks.Redactor;
import dev.gate.checks.Severity;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.commit.CommitMarker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page rules, without a browser: the same observation always gives the same findings. */
class PageJudgeTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static PageObservation seen(int status, List<String> consoleErrors, List<FailedRequest> failed, String html) {
        return new PageObservation("http://shop.test/checkout", "http://shop.test/checkout", true, status, "", List.of(),
                "Shop · Checkout", List.of(), List.of(), consoleErrors, List.of(), failed, Optional.of(html), Optional.empty(),
                Map.of(), List.of(), List.of(), 1, false);
    }

    private static PageSpec spec(Severity console, Severity sameOrigin, Severity thirdParty) {
        return new PageSpec("checkout", "/checkout", 200, List.of(), List.of(), Optional.of(Pattern.compile("^Shop")),
                console, sameOrigin, thirdParty);
    }

    @Test
    void aCleanPageHasNoFindings() {
        PageJudge judge = new PageJudge(spec(Severity.BLOCK, Severity.BLOCK, Severity.WARN), TIMEOUT, Optional.empty(), Redactor.none());

        assertThat(judge.judge(seen(200, List.of(), List.of(), ""))).isEmpty();
    }

    @Test
    void eachFailureIsOneLineSayingWhatAndWhere() {
        PageJudge judge = new PageJudge(spec(Severity.WARN, Severity.BLOCK, Severity.WARN), TIMEOUT, Optional.empty(), Redactor.none());
        FailedRequest chunk = new FailedRequest("GET", "http://shop.test/static/app.3f2a.js", 404, "", "script", true);
        FailedRequest widget = new FailedRequest("GET", "https://cdn.other.test/w.js", 0, "net::ERR_NAME_NOT_RESOLVED", "script", false);

        List<PageFinding> findings = judge.judge(seen(500, List.of("cart is undefined (app.js:3)"), List.of(chunk, widget), ""));

        assertThat(findings).extracting(PageFinding::severity, PageFinding::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Severity.BLOCK, "GET /checkout → 500 (expected 200)"),
                org.assertj.core.groups.Tuple.tuple(Severity.WARN, "console error: cart is undefined (app.js:3)"),
                org.assertj.core.groups.Tuple.tuple(Severity.BLOCK, "GET /static/app.3f2a.js → 404 (script, from /checkout)"),
                org.assertj.core.groups.Tuple.tuple(Severity.WARN,
                        "GET https://cdn.other.test/w.js failed: net::ERR_NAME_NOT_RESOLVED (script, from /checkout)"));
    }

    @Test
    void ignoredKindsProduceNoFinding() {
        PageJudge judge = new PageJudge(spec(Severity.IGNORE, Severity.BLOCK, Severity.IGNORE), TIMEOUT, Optional.empty(), Redactor.none());
        FailedRequest widget = new FailedRequest("GET", "https://cdn.other.test/w.js", 404, "", "script", false);

        assertThat(judge.judge(seen(200, List.of("noise"), List.of(widget), ""))).isEmpty();
    }

    @Test
    void theRenderedCommitMustBeTheExpectedOne() {
        var expected = new PageJudge.ExpectedCommit(new CommitMarker.Meta("commit"), new CommitId("9f8e7d6"));
        PageJudge judge = new PageJudge(spec(Severity.BLOCK, Severity.BLOCK, Severity.WARN), TIMEOUT, Optional.of(expected), Redactor.none());

        assertThat(judge.judge(seen(200, List.of(), List.of(), "<meta name=commit content=9f8e7d6aa>"))).isEmpty();
        assertThat(judge.judge(seen(200, List.of(), List.of(), "<meta name=commit content=1a2b3c4>")))
                .extracting(PageFinding::line).containsExactly("the page rendered commit 1a2b3c4, expected 9f8e7d6");
        assertThat(judge.judge(seen(200, List.of(), List.of(), "<p>no marker</p>")))
                .extracting(PageFinding::line).containsExactly("no commit in the rendered page: no <meta name=\"commit\"> in the page");
    }

    @Test
    void aTitleThatDoesNotMatchIsNamed() {
        PageSpec spec = new PageSpec("p", "/", 200, List.of(), List.of(), Optional.of(Pattern.compile("^Harbor")),
                Severity.BLOCK, Severity.BLOCK, Severity.WARN);

        assertThat(new PageJudge(spec, TIMEOUT, Optional.empty(), Redactor.none()).judge(seen(200, List.of(), List.of(), "")))
                .extracting(PageFinding::line).containsExactly("title \"Shop · Checkout\" does not match /^Harbor/");
    }

    @Test
    void uncaughtErrorsAreQuotedWithTheirSource() {
        assertThat(PageErrors.describe("ReferenceError: x is not defined\n    at http://shop.test/static/app.js:12:5"))
                .isEqualTo("Uncaught ReferenceError: x is not defined (app.js:12)");
        assertThat(PageErrors.describe("Error: boom\n    at init (http://shop.test/a.js?v=2:3:9)\n    at http://shop.test/b.js:1:1"))
                .isEqualTo("Uncaught Error: boom (a.js:3)");
        assertThat(PageErrors.where("http://shop.test/static/app.js:11:4")).isEqualTo(" (app.js:12)");
    }

    @Test
    void whatAnotherRenderMayNotSeeCarriesItsCauseAndWhatThePageSaysDoesNot() {
        PageJudge judge = new PageJudge(spec(Severity.BLOCK, Severity.BLOCK, Severity.WARN), TIMEOUT, Optional.empty(), Redactor.none());
        FailedRequest missing = new FailedRequest("GET", "http://shop.test/static/app.3f2a.js", 404, "", "script", true);
        FailedRequest dropped = new FailedRequest("GET", "http://shop.test/static/app.css", 0, "net::ERR_CONNECTION_RESET",
                "stylesheet", true);
        PageObservation refused = new PageObservation("http://shop.test/checkout", "http://shop.test/checkout", false, 0,
                "net::ERR_CONNECTION_REFUSED", List.of(), "", List.of(), List.of(), List.of(), List.of(), List.of(),
                Optional.empty(), Optional.empty(), Map.of(), List.of(), List.of(), 1, false);

        assertThat(judge.judge(seen(503, List.of(), List.of(), ""))).extracting(PageFinding::transientCause)
                .containsExactly(Optional.of("HTTP 503"));
        assertThat(judge.judge(refused)).extracting(PageFinding::transientCause)
                .containsExactly(Optional.of("net::ERR_CONNECTION_REFUSED"));
        assertThat(judge.judge(seen(200, List.of("boom"), List.of(missing, dropped), "")))
                .extracting(PageFinding::line, PageFinding::transientCause).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("console error: boom", Optional.empty()),
                        org.assertj.core.groups.Tuple.tuple("GET /static/app.3f2a.js → 404 (script, from /checkout)",
                                Optional.empty()),
                        org.assertj.core.groups.Tuple.tuple(
                                "GET /static/app.css failed: net::ERR_CONNECTION_RESET (stylesheet, from /checkout)",
                                Optional.of("GET /static/app.css failed: net::ERR_CONNECTION_RESET (stylesheet, from /checkout)")));
    }

    private static PageObservation settling(int navigations, boolean scriptBusy) {
        PageObservation o = seen(200, List.of("noise"), List.of(), "");
        return new PageObservation(o.url(), o.finalUrl(), false, o.mainStatus(), "", List.of(), "", List.of(), List.of(),
                o.consoleErrors(), List.of(), List.of(), Optional.empty(), Optional.empty(), Map.of(), List.of(),
                List.of(), navigations, scriptBusy);
    }

    @Test
    void aPageClosedBecauseItsScriptNeverYieldedFailsForThatAlone() {
        PageJudge judge = new PageJudge(spec(Severity.BLOCK, Severity.BLOCK, Severity.WARN), TIMEOUT, Optional.empty(), Redactor.none());

        assertThat(judge.judge(settling(1, true))).extracting(PageFinding::line)
                .containsExactly("/checkout did not finish in 10s: the page's script kept the browser busy");
    }

    @Test
    void aPageThatNavigatesMoreThanFiveTimesNeverSettlesAndFiveAreFine() {
        PageJudge judge = new PageJudge(spec(Severity.BLOCK, Severity.BLOCK, Severity.WARN), TIMEOUT, Optional.empty(), Redactor.none());

        assertThat(judge.judge(settling(6, false))).extracting(PageFinding::line)
                .containsExactly("/checkout never settled: it navigated 6 times in 10s (meta refresh / script reload)");
        assertThat(judge.judge(settling(5, false))).extracting(PageFinding::line)
                .doesNotContain("/checkout never settled: it navigated 5 times in 10s (meta refresh / script reload)")
                .contains("console error: noise");
    }
}
