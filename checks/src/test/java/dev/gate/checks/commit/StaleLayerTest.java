package dev.gate.checks.commit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.checks.CheckContext;
import dev.gate.checks.CheckResult;
import dev.gate.checks.Progress;
import dev.gate.checks.Redactor;
import dev.gate.checks.Status;
import dev.gate.checks.http.HttpProbe;
import dev.gate.checks.http.TlsPolicy;
import dev.gate.checks.testing.ManualClock;
import dev.gate.checks.testing.TestSite;
import dev.gate.checks.testing.TestSite.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The failure line of a rollout that does not converge names the layer holding the old release. */
class StaleLayerTest {
    private static final String NEW = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432";
    private static final String OLD = "ec366e6d5e6f708192a3b4c5d6e7f8091a2b3c4d";
    private static final String SECRET = "s3cr3t-t0ken-xyz";
    private static final CommitMarker META = new CommitMarker.Meta("commit");
    private static final ConvergeSpec FAST = new ConvergeSpec(3, Duration.ofSeconds(19), Duration.ofSeconds(1));

    @TempDir
    Path runDir;
    private final TestSite site = TestSite.start();
    private final ManualClock clock = ManualClock.at("2026-12-01T10:00:00Z");

    @AfterEach
    void stop() {
        site.close();
    }

    private CheckResult check(List<String> pages, ConvergeSpec spec) throws Exception {
        CheckContext context = new CheckContext(site.url(), new HttpProbe(Duration.ofSeconds(5), TlsPolicy.VERIFY), clock, clock,
                runDir, Redactor.of(Set.of(SECRET)), Progress.silent());
        return new CommitCheck(META, pages, spec, new CommitId(NEW), Optional.of(new CommitId(OLD))).run(context);
    }

    @Test
    void anOldPageThatACacheKeepsServingNamesTheCacheAndWhatToPurge() throws Exception {
        AtomicInteger age = new AtomicInteger(1824);
        site.route("/", r -> Reply.html(TestSite.pageWithCommit(NEW)));
        site.route("/p/42", r -> Reply.html(TestSite.pageWithCommit(OLD)).withHeader("X-Cache", "HIT")
                .withHeader("Age", String.valueOf(age.incrementAndGet())).withHeader("Via", "1.1 varnish"));

        CheckResult result = check(List.of("/", "/p/42"), FAST);

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("9f8e7d6 is only partly live after 19s: /p/42: 20 of 20 responses served "
                + "ec366e6 (previous) with X-Cache: HIT, Age up to 1844 s: an edge cache holds the old page; purge /p/42");
        assertThat(result.playbook()).isEqualTo("stale-instance");
        assertThat(result.metrics()).containsEntry("stale_layer", "edge-cache");
        assertThat(result.details()).containsExactly("/: 20 of 20 responses served 9f8e7d6 (expected)",
                "/p/42: 20 of 20 responses served ec366e6 (previous) with X-Cache: HIT, Age up to 1844 s: "
                        + "an edge cache holds the old page; purge /p/42",
                "/p/42: the responses that served ec366e6 came with Age: 1844, X-Cache: HIT, Via: 1.1 varnish");
    }

    @Test
    void aStaleInstanceIsNamedByTheSuitesInstanceHeader() throws Exception {
        AtomicInteger n = new AtomicInteger();
        site.route("/", r -> {
            int i = n.getAndIncrement();
            boolean stale = i % 3 == 2;
            return Reply.html(TestSite.pageWithCommit(stale ? OLD : NEW))
                    .withHeader("X-Instance", stale ? "web-3" : "web-" + (1 + i % 3)).withHeader("X-Cache", "MISS");
        });

        CheckResult result = check(List.of("/"), FAST.withInstanceHeader(Optional.of("X-Instance")));

        assertThat(result.summary()).isEqualTo("9f8e7d6 is only partly live after 19s: /: 14 of 20 responses served "
                + "9f8e7d6 (expected), 6 served ec366e6 (previous): instance web-3 still serves ec366e6 (6 of 20 responses)");
        assertThat(result.metrics()).containsEntry("stale_layer", "instance");
    }

    @Test
    void withoutAnySignTheLineSaysWhatItAlwaysSaidAndWhichHeaderWasMissing() throws Exception {
        AtomicInteger n = new AtomicInteger();
        site.route("/", r -> Reply.html(TestSite.pageWithCommit(n.getAndIncrement() % 2 == 0 ? NEW : OLD)));

        assertThat(check(List.of("/"), FAST).summary()).endsWith("10 served ec366e6 (previous): an instance or a cache is stale");
        assertThat(check(List.of("/"), FAST.withInstanceHeader(Optional.of("X-Instance"))).summary())
                .endsWith(": an instance or a cache is stale (its responses carry no X-Instance header)");
    }

    @Test
    void aCacheThatHidesTheWholeReleaseIsNamedInsteadOfANeverLiveDeploy() throws Exception {
        site.route("/", r -> Reply.html(TestSite.pageWithCommit(OLD)).withHeader("X-Cache-Status", "STALE"));

        CheckResult result = check(List.of("/"), FAST);

        assertThat(result.summary()).isEqualTo("no response in 19s served 9f8e7d6, but a cache answered: /: 20 of 20 responses "
                + "served ec366e6 (previous) with X-Cache-Status: STALE: an edge cache holds the old page; purge /");
        assertThat(result.playbook()).isEqualTo("stale-instance");
    }

    @Test
    void instanceNamesFromTheSiteAreMaskedAndCut() throws Exception {
        String longName = "web-" + SECRET + "-" + "x".repeat(300);
        AtomicInteger n = new AtomicInteger();
        site.route("/", r -> n.getAndIncrement() % 2 == 0 ? Reply.html(TestSite.pageWithCommit(NEW))
                : Reply.html(TestSite.pageWithCommit(OLD)).withHeader("X-Instance", longName));

        String summary = check(List.of("/"), FAST.withInstanceHeader(Optional.of("X-Instance"))).summary();

        assertThat(summary).doesNotContain(SECRET, "s3cr").contains("instance web-•••-xxx").doesNotContain("x".repeat(100));
        assertThat(summary.length()).isLessThan(300);
    }

    @Test
    void hitsAreReadFromEveryCacheHeaderThatSaysSo() {
        assertThat(servedBy("CF-Cache-Status", "HIT").hit()).contains("CF-Cache-Status: HIT");
        assertThat(servedBy("Server-Timing", "cdn-cache; desc=HIT, edge; dur=1").hit()).contains("Server-Timing: HIT");
        assertThat(servedBy("X-Cache", "Hit from cloudfront").hit()).contains("X-Cache: HIT");
        assertThat(servedBy("X-Cache", "Miss from cloudfront").fromCache()).isFalse();
        assertThat(servedBy("Age", "0").fromCache()).isFalse();
        assertThat(servedBy("Age", "12").fromCache()).isTrue();
        assertThat(servedBy("Via", "1.1 varnish").fromCache()).as("a proxy on the way is no hit").isFalse();
    }

    private static ServedBy servedBy(String header, String value) {
        dev.gate.checks.http.ProbeResponse r = new dev.gate.checks.http.ProbeResponse(java.net.URI.create("http://a.test/"), 200,
                java.util.Map.of(header, List.of(value)), new byte[0], false, Duration.ZERO, Duration.ZERO);
        return ServedBy.of(r, Optional.empty(), Redactor.none());
    }
}
