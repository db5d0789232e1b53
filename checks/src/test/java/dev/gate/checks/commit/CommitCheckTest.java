package dev.gate.checks.commit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.checks.CheckContext;
import dev.gate.checks.CheckResult;
import dev.gate.checks.Status;
import dev.gate.checks.testing.Contexts;
import dev.gate.checks.testing.ManualClock;
import dev.gate.checks.testing.TestSite;
import dev.gate.checks.testing.TestSite.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commit check against a real local server, with time on a manual clock. */
class CommitCheckTest {
    private static final String NEW = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432";
    private static final String OLD = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";
    private static final ConvergeSpec FAST = new ConvergeSpec(3, Duration.ofSeconds(10), Duration.ofSeconds(1));

    @TempDir
    Path runDir;
    private final TestSite site = TestSite.start();
    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");

    @AfterEach
    void stop() {
        site.close();
    }

    private CheckContext context() {
        return Contexts.of(site.url(), clock, runDir);
    }

    private CheckResult check(CommitMarker marker, List<String> pages, String expected) throws Exception {
        return new CommitCheck(marker, pages, FAST, new CommitId(expected), Optional.of(new CommitId(OLD)))
                .run(context());
    }

    private static final CommitMarker META = new CommitMarker.Meta("commit");

    @Test
    void passesWhenEveryPageServesTheExpectedCommit() throws Exception {
        site.route("/", r -> Reply.html(TestSite.pageWithCommit(NEW)));
        site.route("/p/1", r -> Reply.html(TestSite.pageWithCommit(NEW)));

        CheckResult result = check(META, List.of("/", "/p/1"), NEW);

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.summary()).isEqualTo("9f8e7d6 is live on 2 locations (3 rounds in a row, 2s)");
        assertThat(result.metrics()).containsEntry("liveness", "LIVE").containsEntry("rounds", 3);
        // three busted rounds, then one plain read as a user's, which served the new release too
        assertThat(site.requests("/")).hasSize(4);
        assertThat(site.requests("/").get(3).uri().getQuery()).isNull();
    }

    @Test
    void aPlainRequestServedTheOldPageOnceLiveFailsNamingTheCacheKeyedOnTheFullUrl() throws Exception {
        // a cache keyed on the full URL: the busted reads always miss it, a user's plain request hits it
        site.route("/p/1", r -> r.uri().getQuery() == null
                ? Reply.html(TestSite.pageWithCommit(OLD)).withHeader("X-Cache", "HIT").withHeader("Age", "1843")
                : Reply.html(TestSite.pageWithCommit(NEW)));
        site.route("/", r -> Reply.html(TestSite.pageWithCommit(NEW)));

        CheckResult result = check(META, List.of("/", "/p/1"), NEW);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("/p/1: served 1a2b3c4 (previous) to a plain request with X-Cache: HIT, Age 1843 s, "
                + "though the release is live: a cache keyed on the full URL holds the old page; purge /p/1");
        assertThat(result.metrics()).containsEntry("liveness", "LIVE").containsEntry("stale_to_users", 1);
        assertThat(result.playbook()).isEqualTo("stale-instance");
    }

    @Test
    void aShortExpectedCommitMatchesTheFullOneServedAndTheOtherWayRound() throws Exception {
        site.route("/", r -> Reply.html(TestSite.pageWithCommit(NEW.substring(0, 12).toUpperCase())));

        assertThat(check(META, List.of("/"), NEW).status()).isEqualTo(Status.PASS);
        assertThat(check(META, List.of("/"), NEW.substring(0, 7)).status()).isEqualTo(Status.PASS);
    }

    @Test
    void aReleaseThatNeverWentLiveFailsWithWhatWasServedInstead() throws Exception {
        site.route("/", r -> Reply.html(TestSite.pageWithCommit(OLD)));

        CheckResult result = check(META, List.of("/"), NEW);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.metrics()).containsEntry("liveness", "NEVER_LIVE");
        assertThat(result.summary()).isEqualTo("the deploy did not go live: no response in 10s served 9f8e7d6; "
                + "/: 11 of 11 responses served 1a2b3c4 (previous)");
        assertThat(result.playbook()).isEqualTo("commit-not-live");
        assertThat(clock.slept()).isEqualTo(Duration.ofSeconds(10));
    }

    private static String pageWithTwoCommits(String first, String second) {
        return "<!doctype html><html><head><title>t</title><meta name=\"commit\" content=\"" + first + "\">"
                + "<meta name=\"commit\" content=\"" + second + "\"></head><body><main id=\"main\">hello</main></body></html>";
    }

    @Test
    void aPageThatClaimsTwoCommitsIsTakenForNeitherAndNamesBoth() throws Exception {
        site.route("/", r -> Reply.html(pageWithTwoCommits(NEW, OLD)));

        CheckResult result = check(META, List.of("/"), NEW);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.metrics()).containsEntry("liveness", "UNKNOWN");
        assertThat(result.summary()).isEqualTo("could not read the commit from the site for 10s: /: 11 of 11 responses failed: "
                + "the page has two <meta name=\"commit\"> tags that disagree, 9f8e7d6 and 1a2b3c4: a broken build or a cache mix");
    }

    @Test
    void twoTagsNamingTheSameCommitShortAndLongAreOneMarker() throws Exception {
        site.route("/", r -> Reply.html(pageWithTwoCommits(NEW, NEW.substring(0, 7))));

        assertThat(check(META, List.of("/"), NEW).status()).isEqualTo(Status.PASS);
    }

    @Test
    void convergesWhenTheRolloutFinishesLate() throws Exception {
        site.route("/", r -> Reply.html(TestSite.pageWithCommit(r.n() <= 4 ? OLD : NEW)));

        CheckResult result = check(META, List.of("/"), NEW);

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.metrics()).containsEntry("rounds", 7).containsEntry("served_before", OLD);
        assertThat(result.details()).containsExactly("/: 4 of 7 responses served 1a2b3c4 (previous), 3 served 9f8e7d6 (expected)");
    }

    @Test
    void mixedVersionsTimeOutWithTheDistributionSeen() throws Exception {
        // two instances behind a round-robin balancer, one of them stale
        site.route("/", r -> Reply.html(TestSite.pageWithCommit(NEW)));
        site.route("/p/1", r -> Reply.html(TestSite.pageWithCommit(r.n() % 3 == 0 ? OLD : NEW)));

        CheckResult result = check(META, List.of("/", "/p/1"), NEW);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.metrics()).containsEntry("liveness", "PARTLY_LIVE");
        assertThat(result.summary()).isEqualTo("9f8e7d6 is only partly live after 10s: /p/1: 8 of 11 responses "
                + "served 9f8e7d6 (expected), 3 served 1a2b3c4 (previous): an instance or a cache is stale");
        assertThat(result.details()).containsExactly(
                "/: 11 of 11 responses served 9f8e7d6 (expected)",
                "/p/1: 8 of 11 responses served 9f8e7d6 (expected), 3 served 1a2b3c4 (previous)");
        assertThat(result.playbook()).isEqualTo("stale-instance");
    }

    @Test
    void afterARollbackThePreviousReleaseAndTheBlockedOneAreNamedByTheirRoles() throws Exception {
        // the rollback waits for OLD to come back; one instance still serves the blocked NEW
        site.route("/", r -> Reply.html(TestSite.pageWithCommit(r.n() % 3 == 0 ? NEW : OLD)));
        site.route("/p/1", r -> Reply.html(TestSite.pageWithCommit(NEW)));

        CheckResult half = new CommitCheck(META, List.of("/"), FAST, new CommitId(OLD), Optional.of(new CommitId(NEW)),
                CommitRoles.AFTER_ROLLBACK).run(context());
        CheckResult none = new CommitCheck(META, List.of("/p/1"), FAST, new CommitId(OLD), Optional.of(new CommitId(NEW)),
                CommitRoles.AFTER_ROLLBACK).run(context());

        assertThat(half.summary()).isEqualTo("1a2b3c4 is only partly live after 10s: /: 8 of 11 responses served "
                + "1a2b3c4 (previous release), 3 served 9f8e7d6 (blocked release): an instance or a cache is stale");
        assertThat(none.summary()).isEqualTo("no response in 10s served 1a2b3c4; /p/1: 11 of 11 responses served 9f8e7d6 (blocked release)");
    }

    @Test
    void onePageServedStaleByACacheBlocksTheDeploy() throws Exception {
        site.route("/", r -> Reply.html(TestSite.pageWithCommit(NEW)));
        site.route("/checkout", r -> Reply.html(TestSite.pageWithCommit(OLD)).withHeader("X-Cache", "HIT"));

        CheckResult result = check(META, List.of("/", "/checkout"), NEW);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).contains("/checkout: 11 of 11 responses served 1a2b3c4 (previous)");
    }

    @Test
    void everyRequestUsesAFreshConnectionAndBustsCaches() throws Exception {
        site.route("/", r -> Reply.html(TestSite.pageWithCommit(NEW)));

        check(META, List.of("/"), NEW);

        List<TestSite.Request> requests = site.requests("/");
        Set<String> queries = new HashSet<>();
        Set<Integer> ports = new HashSet<>();
        // the last is the plain read made once live, as a user asks: no buster, no no-cache
        TestSite.Request plain = requests.remove(requests.size() - 1);
        assertThat(plain.uri().getQuery()).isNull();
        assertThat(plain.header("Cache-Control")).isNull();
        for (TestSite.Request r : requests) {
            assertThat(r.header("Cache-Control")).isEqualTo("no-cache");
            assertThat(r.uri().getQuery()).startsWith("_gate=");
            queries.add(r.uri().getQuery());
            ports.add(r.remotePort());
        }
        assertThat(queries).as("a new cache-busting value each time").hasSize(requests.size());
        assertThat(ports).as("a new connection (client port) each time").hasSize(requests.size());
    }

    @Test
    void readsTheCommitFromASelectorAndAttribute() throws Exception {
        site.route("/", r -> Reply.html("<footer><span data-commit=\"" + NEW + "\">build</span></footer>"));
        CommitMarker marker = new CommitMarker.Selector("footer [data-commit]", "data-commit");

        assertThat(check(marker, List.of("/"), NEW).status()).isEqualTo(Status.PASS);
    }

    @Test
    void readsTheCommitFromTheSelectedElementsTextWithoutAnAttribute() throws Exception {
        site.route("/", r -> Reply.html("<footer><code id=\"rev\"> " + NEW + " </code></footer>"));

        assertThat(check(new CommitMarker.Selector("#rev", ""), List.of("/"), NEW).status()).isEqualTo(Status.PASS);
    }

    @Test
    void readsTheCommitFromGroupOneOfARegex() throws Exception {
        site.route("/", r -> Reply.html("<!-- build " + NEW.substring(0, 10) + " at noon -->"));
        CommitMarker marker = new CommitMarker.Regex(Pattern.compile("build ([0-9a-f]{7,40})"));

        assertThat(check(marker, List.of("/"), NEW).status()).isEqualTo(Status.PASS);
    }

    @Test
    void readsTheCommitFromAResponseHeader() throws Exception {
        site.route("/", r -> Reply.html("<p>no marker in the body</p>").withHeader("X-Commit", NEW));

        assertThat(check(new CommitMarker.Header("X-Commit"), List.of("/"), NEW).status()).isEqualTo(Status.PASS);
    }

    @Test
    void readsTheCommitFromAFieldOfAJsonVersionEndpoint() throws Exception {
        site.route("/version", r -> Reply.json("{\"build\":{\"commit\":\"" + NEW + "\"}}"));
        CommitMarker marker = new CommitMarker.JsonField("/version", "build.commit");

        assertThat(check(marker, List.of("/version"), NEW).status()).isEqualTo(Status.PASS);
    }

    @Test
    void aPageWithoutItsMarkerIsNotTakenForTheNewRelease() throws Exception {
        site.route("/", r -> Reply.html("<html><head><title>maintenance</title></head></html>"));

        CheckResult result = check(META, List.of("/"), NEW);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.metrics()).containsEntry("liveness", "UNKNOWN");
        assertThat(result.summary()).isEqualTo("could not read the commit from the site for 10s: "
                + "/: 11 of 11 responses failed: no <meta name=\"commit\"> in the page");
    }

    @Test
    void anUnreachableSiteFailsSayingSo() throws Exception {
        int port = site.url().getPort();
        site.close();
        CheckContext context = Contexts.of(java.net.URI.create("http://127.0.0.1:" + port), clock, runDir);

        CheckResult result = new CommitCheck(META, List.of("/"), FAST, new CommitId(NEW), Optional.empty()).run(context);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).contains("responses failed: connection refused by 127.0.0.1:" + port);
    }

    @Test
    void anErrorStatusIsReportedAsSuch() throws Exception {
        site.route("/", r -> Reply.status(503, "upstream down"));

        CheckResult result = check(META, List.of("/"), NEW);

        assertThat(result.summary()).endsWith("/: 11 of 11 responses failed: HTTP 503");
    }
}
