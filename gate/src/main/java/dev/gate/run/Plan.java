package dev.gate.run;

import dev.gate.checks.Stage;
import dev.gate.checks.Check;
import dev.gate.checks.Severity;
import dev.gate.checks.SessionSource;
import dev.gate.checks.api.ApiCheck;
import dev.gate.checks.api.ApiSpec;
import dev.gate.checks.commit.CommitCheck;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.trend.EndpointTrend;
import dev.gate.checks.http.TlsPolicy;
import dev.gate.checks.tls.TlsWarning;
import dev.gate.checks.page.BrowserLogin;
import dev.gate.checks.page.BrowserSession;
import dev.gate.checks.page.LoginCheck;
import dev.gate.checks.page.OldAssetsCheck;
import dev.gate.checks.page.PageCheck;
import dev.gate.checks.page.PageJudge;
import dev.gate.checks.page.PageSpec;
import dev.gate.checks.page.PageWeightJudge;
import dev.gate.suite.Suite;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything a verification runs, in the order the runner runs it: the checks that hold whatever
 * the site serves (the TLS warning); the commit check, which decides whether the rest runs; the
 * checks, in parallel; then the stages, alone. A new kind of check is one more line in {@link #of}.
 *
 * @param unconditional results that hold before and whatever the release does
 * @param release       waits for the expected commit; the rest runs only when it is live
 */
public record Plan(List<Check> unconditional, CommitCheck release, List<Check> checks, List<Stage> stages) {
    public Plan {
        unconditional = List.copyOf(unconditional);
        checks = List.copyOf(checks);
        stages = List.copyOf(stages);
    }

    /** What planning needs besides the suite. */
    public record Inputs(Suite suite, CommitId expected, Before before, Shard shard, Optional<BrowserSession> browser,
                         EndpointTrend trend) {
        public Inputs(Suite suite, CommitId expected, Before before, Shard shard, Optional<BrowserSession> browser) {
            this(suite, expected, before, shard, browser, EndpointTrend.NONE);
        }
    }

    public static Plan of(Inputs in) {
        Suite suite = in.suite();
        List<Check> unconditional = new ArrayList<>();
        if (suite.tls() == TlsPolicy.INSECURE) {
            unconditional.add(new TlsWarning());
        }
        CommitCheck release = new CommitCheck(suite.marker(), suite.markerLocations(), suite.converge(), in.expected(),
                in.before().liveCommit());
        List<Check> checks = new ArrayList<>();
        // first, so that it runs before what needs its session (which would otherwise start it itself)
        Optional<BrowserLogin> login = in.browser().flatMap(browser -> login(suite, browser));
        login.ifPresent(l -> checks.add(new LoginCheck(LoginCheck.ID, l.spec().steps().size(), l)));
        Optional<SessionSource> session = login.map(l -> l);
        in.browser().ifPresent(browser -> checks.addAll(weighed(suite, in.before(),
                pageChecks(suite, browser, in.expected(), "", session))));
        for (ApiSpec api : suite.apis()) {
            checks.add(new ApiCheck(api, session));
        }
        Before before = in.before();
        boolean oldAssetsKnown = !before.assets().isEmpty() || before.manifestProblem().isPresent();
        if (oldAssetsKnown && suite.oldAssets().check() != Severity.IGNORE) {
            checks.add(new OldAssetsCheck(before.assets(), before.liveCommit(), before.manifestProblem(),
                    suite.oldAssets().check()));
        }
        List<Stage> stages = new ArrayList<>();
        if (suite.latency().enabled()) {
            stages.add(new LatencyStage(suite, in.before().latency(), in.trend()));
        }
        if (suite.metrics().enabled()) {
            stages.add(new MetricsStage(suite, in.before().deployStarted().orElseThrow()));
        }
        // the login runs in every shard that has a check needing its session, as well as in its own
        boolean sessionNeeded = checks.stream().anyMatch(c -> in.shard().includes(c.id()) && needsSession(suite, c.id()));
        return new Plan(unconditional, release,
                checks.stream().filter(c -> in.shard().includes(c.id())
                        || (c instanceof LoginCheck && sessionNeeded)).toList(),
                stages.stream().filter(s -> in.shard().includes(s.shardId())).toList());
    }

    /**
     * A page check per key page, expecting {@code expected} in the rendered page.
     *
     * @param idPrefix prefixed to each page id, so a second round (after a rollback) keeps its own artifacts
     */
    public static List<Check> pageChecks(Suite suite, BrowserSession browser, CommitId expected, String idPrefix) {
        List<Check> checks = new ArrayList<>();
        Optional<BrowserLogin> login = suite.pages().stream().anyMatch(PageSpec::auth)
                ? login(suite, browser) : Optional.empty();
        login.ifPresent(l -> checks.add(new LoginCheck(idPrefix + LoginCheck.ID, l.spec().steps().size(), l)));
        checks.addAll(pageChecks(suite, browser, expected, idPrefix, login.map(l -> l)));
        return checks;
    }

    /** The suite's login, done once in {@code browser} for the checks that share it; empty without a {@code login:}. */
    private static Optional<BrowserLogin> login(Suite suite, BrowserSession browser) {
        return suite.login().map(spec -> new BrowserLogin(spec, browser, suite.timeouts().page()));
    }

    private static boolean needsSession(Suite suite, String id) {
        return suite.page(id).map(PageSpec::auth).orElse(false) || suite.api(id).map(ApiSpec::session).orElse(false);
    }

    private static List<Check> pageChecks(Suite suite, BrowserSession browser, CommitId expected, String idPrefix,
                                          Optional<SessionSource> session) {
        Optional<PageJudge.ExpectedCommit> commit = suite.marker().readFromPages()
                ? Optional.of(new PageJudge.ExpectedCommit(suite.marker(), expected)) : Optional.empty();
        List<Check> checks = new ArrayList<>();
        for (PageSpec page : suite.pages()) {
            PageSpec spec = idPrefix.isEmpty() ? page : page.withId(idPrefix + page.id());
            checks.add(new PageCheck(spec, browser, suite.timeouts().page(), commit, suite.browser().screenshotAlways(),
                    session));
        }
        return checks;
    }

    /** The page checks, each also comparing its page's weight with the baseline's where the suite asks it to. */
    private static List<Check> weighed(Suite suite, Before before, List<Check> pages) {
        if (!suite.pageWeight().enabled()) {
            return pages;
        }
        return pages.stream().map(c -> c instanceof PageCheck page
                ? page.comparingWeight(new PageWeightJudge(suite.pageWeight(), before.pageWeight(page.id()))) : c).toList();
    }

    /** Whether anything runs after the commit check. */
    public boolean hasMore() {
        return !checks.isEmpty() || !stages.isEmpty();
    }
}
