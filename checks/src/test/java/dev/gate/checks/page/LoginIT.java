package dev.gate.checks.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.checks.CheckContext;
import dev.gate.checks.CheckResult;
import dev.gate.checks.Progress;
import dev.gate.checks.Redactor;
import dev.gate.checks.Severity;
import dev.gate.checks.Status;
import dev.gate.checks.api.ApiCheck;
import dev.gate.checks.api.ApiSpec;
import dev.gate.checks.http.HttpProbe;
import dev.gate.checks.http.TlsPolicy;
import dev.gate.checks.testing.LoginSite;
import dev.gate.checks.testing.ManualClock;
import dev.gate.checks.testing.TestSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suite's login in a real headless Chromium against a real local site with a login form. */
class LoginIT {
    private static final Duration STEP = Duration.ofSeconds(3);
    private static final String PASSWORD = "hunter2-c0rrect-h0rse";
    private static final String COMMIT = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432";
    private static BrowserSession browser;

    @TempDir
    Path runDir;
    private final LoginSite site = LoginSite.start(PASSWORD, COMMIT);
    private final ManualClock clock = ManualClock.at("2026-12-01T10:00:00Z");

    @BeforeAll
    static void openBrowser() throws Exception {
        BrowserChoice choice = new BrowserLocator(System.getenv()).locate(Optional.empty());
        browser = BrowserSession.open(choice, BrowserSession.Options.of(2, false));
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private static LoginSpec steps(String password) {
        return new LoginSpec(List.of(
                new LoginStep.Goto("/login"),
                new LoginStep.Fill("#user", LoginSite.USER),
                new LoginStep.Fill("#password", password),
                new LoginStep.Click("button[type=submit]"),
                new LoginStep.WaitForUrl(new UrlPattern("/account"))));
    }

    /** A context whose redactor knows the password, as a suite's does when it comes from ${env:}. */
    private CheckContext context(String secret) {
        return new CheckContext(site.url(), new HttpProbe(Duration.ofSeconds(5), TlsPolicy.VERIFY), clock, clock,
                runDir, Redactor.of(Set.of(secret)), Progress.silent());
    }

    private static PageSpec account(boolean auth) {
        return new PageSpec("account", "/account", 200, List.of("#account"), List.of("Hello, " + LoginSite.NAME),
                Optional.empty(), Severity.BLOCK, Severity.BLOCK, Severity.WARN, auth);
    }

    /** {@code GET /api/me}, which must answer 2xx with the user's name. */
    private static ApiSpec me(boolean session) {
        java.util.Set<Integer> ok = new java.util.LinkedHashSet<>();
        for (int c = 200; c < 300; c++) {
            ok.add(c);
        }
        ApiSpec.Expect expect = new ApiSpec.Expect(new ApiSpec.StatusSet(ok, "2xx"), java.util.Map.of(),
                java.util.Map.of(), List.of(), List.of(), List.of(LoginSite.NAME), Optional.empty());
        return new ApiSpec("me", "GET", "/api/me", java.util.Map.of(), java.util.Map.of(), Optional.empty(),
                Optional.empty(), expect, 1 << 20, session);
    }

    private CheckResult page(PageSpec spec, BrowserLogin login, CheckContext context) throws Exception {
        return new PageCheck(spec, browser, STEP, Optional.empty(), false, Optional.of(login)).run(context);
    }

    @Test
    void theLoginMakesASessionAndThePageBehindItRendersWithIt() throws Exception {
        BrowserLogin login = new BrowserLogin(steps(PASSWORD), browser, STEP);
        CheckContext context = context(PASSWORD);

        CheckResult logged = new LoginCheck(LoginCheck.ID, 5, login).run(context);
        CheckResult account = page(account(true), login, context);

        assertThat(logged.status()).as(logged.summary()).isEqualTo(Status.PASS);
        assertThat(logged.summary()).isEqualTo("logged in: 5 steps, at /account, 1 cookie for the pages and APIs that need the session");
        assertThat(logged.artifacts()).isEmpty();
        assertThat(account.status()).as(account.summary()).isEqualTo(Status.PASS);
        assertThat(account.metrics().get("final_url")).isEqualTo(site.url() + "/account");
        // one login for the run: the page reused its session instead of signing in again
        assertThat(site.site().requests("/login").stream().filter(r -> r.method().equals("POST"))).hasSize(1);
    }

    private long posts() {
        return site.site().requests("/login").stream().filter(r -> r.method().equals("POST")).count();
    }

    @Test
    void aLoginPostedToAnInstanceAnswering502MayPassAgainAndTheNextAttemptLogsInAnew() throws Exception {
        site.answerBadGateway(1);
        BrowserLogin login = new BrowserLogin(steps(PASSWORD), browser, STEP);
        CheckContext context = context(PASSWORD);

        CheckResult first = new LoginCheck(LoginCheck.ID, 5, login).run(context);
        CheckResult second = new LoginCheck(LoginCheck.ID, 5, login).run(context);
        CheckResult account = page(account(true), login, context);

        assertThat(first.status()).isEqualTo(Status.FAIL);
        assertThat(first.summary()).startsWith("failed at step 5 of 5, wait_for { url: /account }: timed out after 3s");
        assertThat(first.transientCause()).contains("HTTP 502");
        assertThat(second.status()).as(second.summary()).isEqualTo(Status.PASS);
        assertThat(account.status()).as(account.summary()).isEqualTo(Status.PASS);
        assertThat(posts()).isEqualTo(2);
    }

    @Test
    void aLoginThatKeepsAnswering502IsRunTwiceAtMost() throws Exception {
        site.answerBadGateway(10);
        BrowserLogin login = new BrowserLogin(steps(PASSWORD), browser, STEP);
        CheckContext context = context(PASSWORD);

        for (int i = 0; i < 3; i++) {
            assertThat(new LoginCheck(LoginCheck.ID, 5, login).run(context).status()).isEqualTo(Status.FAIL);
        }
        assertThat(page(account(true), login, context).status()).isEqualTo(Status.SKIPPED);
        assertThat(posts()).isEqualTo(2);
    }

    @Test
    void aWrongPasswordFailsTheLoginNamingTheStepAndWhatThePageShowedAndSkipsWhatNeedsIt() throws Exception {
        String wrong = "wr0ng-passw0rd-9";
        BrowserLogin login = new BrowserLogin(steps(wrong), browser, STEP);
        CheckContext context = context(wrong);

        CheckResult logged = new LoginCheck(LoginCheck.ID, 5, login).run(context);
        CheckResult account = page(account(true), login, context);
        CheckResult me = new ApiCheck(me(true), Optional.of(login)).run(context);

        assertThat(logged.status()).isEqualTo(Status.FAIL);
        assertThat(logged.summary()).isEqualTo("failed at step 5 of 5, wait_for { url: /account }: timed out after 3s; "
                + "the page showed \"Sign in\" at /login: \"Invalid password (you typed •••)\"");
        assertThat(logged.playbook()).isEqualTo("login-failed");
        // a refused password is not tried again: the site answered, and accounts lock
        assertThat(logged.transientCause()).isEmpty();
        assertThat(logged.details()).contains("step 4 of 5, click button[type=submit]: done");
        assertThat(logged.artifacts()).isEmpty();
        assertThat(account.status()).isEqualTo(Status.SKIPPED);
        assertThat(account.summary()).isEqualTo("skipped: the login " + logged.summary());
        assertThat(me.status()).isEqualTo(Status.SKIPPED);
        assertThat(me.summary()).startsWith("skipped: the login failed at step 5 of 5, wait_for { url: /account }");
        assertThat(site.site().requests("/account").stream().filter(r -> r.header("Cookie") != null)).isEmpty();
        assertThat(site.site().requests("/api/me")).isEmpty();
        // nothing of the login page is kept: no screenshot, no trace, no console log
        try (Stream<Path> files = Files.walk(runDir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aPageWithoutAuthGetsNoSessionEvenAfterTheLogin() throws Exception {
        BrowserLogin login = new BrowserLogin(steps(PASSWORD), browser, STEP);
        CheckContext context = context(PASSWORD);
        assertThat(new LoginCheck(LoginCheck.ID, 5, login).run(context).status()).isEqualTo(Status.PASS);

        CheckResult account = page(account(false), login, context);

        assertThat(account.status()).isEqualTo(Status.FAIL);
        assertThat(account.summary()).contains("#account");
        assertThat(account.metrics().get("final_url")).isEqualTo(site.url() + "/login?next=/account");
        assertThat(site.site().requests("/account")).last().satisfies(r -> assertThat(r.header("Cookie")).isNull());
    }

    @Test
    void anApiWithTheSessionGetsItsCookieAndNeverShowsIt() throws Exception {
        BrowserLogin login = new BrowserLogin(steps(PASSWORD), browser, STEP);
        CheckContext context = context(PASSWORD);

        CheckResult me = new ApiCheck(me(true),
                Optional.of(login)).run(context);
        CheckResult without = new ApiCheck(me(false), Optional.of(login)).run(context);

        assertThat(me.status()).as(me.summary()).isEqualTo(Status.PASS);
        String token = site.sessions().iterator().next();
        assertThat(site.site().requests("/api/me").get(0).header("Cookie")).isEqualTo(LoginSite.COOKIE + "=" + token);
        assertThat(without.status()).isEqualTo(Status.FAIL);
        assertThat(without.summary()).contains("401");
        assertThat(site.site().requests("/api/me").get(1).header("Cookie")).isNull();
    }

    @Test
    void aLoginPageThatNeverAnswersFailsTheFirstStepWithinItsTimeout() throws Exception {
        site.site().route("/login", r -> TestSite.Reply.html("<title>slow</title>").after(Duration.ofSeconds(8)));
        BrowserLogin login = new BrowserLogin(steps(PASSWORD), browser, STEP);

        CheckResult logged = new LoginCheck(LoginCheck.ID, 5, login).run(context(PASSWORD));

        assertThat(logged.status()).isEqualTo(Status.FAIL);
        assertThat(logged.summary()).startsWith("failed at step 1 of 5, goto /login: timed out after 3s");
    }
}
