package dev.gate.faults;

import static dev.gate.faults.Suites.NEW;
import static dev.gate.faults.Suites.OLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gate.checks.testing.TestSite;
import dev.gate.checks.testing.TestSite.Reply;
import dev.gate.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pages that never come to rest, through the real command line in a real Chromium: a script that
 * never yields the browser, and a page that keeps reloading itself. Each fails with its reason at
 * its page timeout, and the one shared browser stays usable for the other pages and for the
 * rollback's confirmation.
 */
class RunawayPagesIT {
    private static final Duration HANG = Duration.ofSeconds(120);

    @TempDir
    Path dir;
    private TestSite site;

    @BeforeEach
    void start() {
        site = TestSite.start();
        site.route("/", q -> Reply.html(TestSite.pageWithCommit(live())));
    }

    @AfterEach
    void stop() {
        site.close();
    }

    /** The release the site serves: the new one until the rollback script has run. */
    private String live() {
        return Files.exists(dir.resolve("rolled-back")) ? OLD : NEW;
    }

    private static String page(String commit, String script) {
        return "<!doctype html><html><head><title>Shop</title><meta name=\"commit\" content=\"" + commit + "\"></head>"
                + "<body><main id=\"main\">hello</main><script>" + script + "</script></body></html>";
    }

    /** The suite's one page {@code /} and a second one, {@code path}, with a 5 s page timeout. */
    private void suiteWith(String path, String extra) {
        Suites.write(dir, "suite.yaml", Suites.onePage(site.url(), "  - { id: other, path: " + path + " }\n" + extra)
                .replace("page: 20s", "page: 5s"));
    }

    private Cli.Result gate(String... args) {
        Cli gate = new Cli(dir);
        return assertTimeoutPreemptively(HANG, () -> gate.run(args));
    }

    private Cli.Result verify() {
        return gate("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run");
    }

    @ParameterizedTest
    @ValueSource(strings = {"while (true) {}", "addEventListener('load', () => setTimeout(() => { while (true) {} }, 50))"})
    void aPageWhoseScriptNeverYieldsFailsAtItsTimeoutAndTheOtherPagePasses(String script) {
        site.route("/busy", q -> Reply.html(page(NEW, script)));
        suiteWith("/busy", "");

        Cli.Result r = verify();

        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        JsonNode record = RunFolders.record(dir.resolve("run"), 1);
        JsonNode busy = RunFolders.check(record, "other");
        assertThat(busy.path("status").asText()).isEqualTo("FAIL");
        assertThat(busy.path("summary").asText()).isEqualTo("/busy did not finish in 5s: the page's script kept the browser busy");
        assertThat(RunFolders.check(record, "home").path("status").asText()).as(r.all()).isEqualTo("PASS");
        assertThat(record.path("reason").asText()).isEqualTo("other: /busy did not finish in 5s: the page's script kept the browser busy");
        RunFolders.assertNothingHalfWritten(dir.resolve("run"));
    }

    @Test
    void aRollbackAfterAPageWhoseScriptNeverYieldsIsConfirmedInTheSameBrowser() throws Exception {
        // the old release's /busy is a normal page; the new one's never yields
        site.route("/busy", q -> Reply.html(page(live(), live().equals(NEW) ? "while (true) {}" : "")));
        Path rollback = Suites.script(dir, "rollback.sh", "touch " + dir.resolve("rolled-back"));
        Files.createFile(dir.resolve("rolled-back"));
        suiteWith("/busy", "on_failure: { rollback: " + Suites.argv(rollback.toString()) + ", rollback_timeout: 10s }\n");
        assertThat(gate("baseline", "--suite", "suite.yaml").exit()).as("a baseline of the old release").isZero();
        Files.delete(dir.resolve("rolled-back"));

        Cli.Result r = verify();

        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        JsonNode record = RunFolders.record(dir.resolve("run"), 1);
        assertThat(RunFolders.check(record, "other").path("summary").asText())
                .isEqualTo("/busy did not finish in 5s: the page's script kept the browser busy");
        JsonNode actions = record.path("actions");
        assertThat(actions.get(1).path("outcome").asText()).as(r.all()).isEqualTo("succeeded");
        assertThat(actions.get(1).path("summary").asText())
                .startsWith("rolled back to " + OLD.substring(0, 7) + " and confirmed: it is live on every key page and they render");
        assertThat(r.out()).contains("rollback succeeded: rolled back to " + OLD.substring(0, 7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<meta http-equiv=\"refresh\" content=\"0\">", "<script>addEventListener('load', () => location.reload())</script>",
            "<script>addEventListener('load', () => { location.href = '/loop?' + Date.now(); })</script>"})
    void aPageThatKeepsReloadingItselfNeverSettles(String reload) {
        site.route("/loop", q -> Reply.html("<!doctype html><html><head><title>Shop</title>" + reload
                + "<meta name=\"commit\" content=\"" + NEW + "\"></head><body><main id=\"main\">hello</main></body></html>"));
        suiteWith("/loop", "");

        Cli.Result r = verify();

        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        JsonNode loop = RunFolders.check(RunFolders.record(dir.resolve("run"), 1), "other");
        assertThat(loop.path("status").asText()).isEqualTo("FAIL");
        assertThat(loop.path("summary").asText()).matches("/loop never settled: it navigated \\d+ times in 5s \\(meta refresh / script reload\\)");
        assertThat(site.requests("/loop").size()).as("it did reload").isGreaterThan(5);
    }

    @Test
    void aPageThatSendsTheVisitorOnOnceByScriptPasses() {
        site.route("/hop", q -> Reply.html(page(NEW, "addEventListener('load', () => { location.href = '/'; })")));
        suiteWith("/hop", "");

        Cli.Result r = verify();

        assertThat(r.exit()).as(r.all()).isZero();
        JsonNode hop = RunFolders.check(RunFolders.record(dir.resolve("run"), 0), "other");
        assertThat(hop.path("status").asText()).isEqualTo("PASS");
        assertThat(hop.path("metrics").path("final_url").asText()).isEqualTo(site.url("/"));
    }
}
