package dev.gate.faults;

import dev.gate.cli.Cli;
import static dev.gate.faults.Suites.NEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gate.checks.testing.TestSite;
import dev.gate.checks.testing.TestSite.Reply;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fail-closed: when a check itself breaks, the result is an ERROR that blocks, and the run
 * record is written all the same. The faults are ones a suite can really cause: a selector the
 * browser cannot parse, and commit marker regexes that are fine on a small page and pathological
 * on a real one.
 */
class FailClosedIT {
    @TempDir
    Path dir;
    private TestSite site;

    @BeforeEach
    void start() {
        site = TestSite.start();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private Cli.Result verify(String yaml) {
        Suites.write(dir, "suite.yaml", yaml);
        Cli gate = new Cli(dir);
        return assertTimeoutPreemptively(Duration.ofSeconds(90),
                () -> gate.run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run"));
    }

    private JsonNode blockedWithAnError(Cli.Result r, String id) {
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        JsonNode record = RunFolders.record(dir.resolve("run"), 1);
        assertThat(RunFolders.check(record, id).path("status").asText()).isEqualTo("ERROR");
        assertThat(record.path("reason").asText()).startsWith(id + ": ");
        RunFolders.assertNothingHalfWritten(dir.resolve("run"));
        return record;
    }

    @Test
    void aPageCheckThatThrowsIsAnErrorThatBlocks() {
        site.route("/", q -> Reply.html(TestSite.pageWithCommit(NEW)));

        Cli.Result r = verify(Suites.onePage(site.url(), "")
                .replace("{ id: home, path: / }", "{ id: home, path: /, expect: { selectors: [\"main[[\"] } }"));

        JsonNode record = blockedWithAnError(r, "home");
        assertThat(RunFolders.check(record, "home").path("summary").asText()).isEqualTo("/: the page could not be rendered: "
                + "Unexpected token \"\" while parsing css selector \"main[[\". Did you mean to CSS.escape it?");
    }

    @Test
    void aMarkerRegexThatOverflowsTheStackIsAnErrorThatBlocks() {
        // "the last build marker in the page": harmless on a small page, a recursion per character on a real one
        String filler = "<p>Rope, lanterns and foghorns since 1911.</p>\n".repeat(8_000);
        site.route("/", q -> Reply.html("<!doctype html><html><head><title>Shop</title></head><body><main id=\"main\">"
                + filler + "</main><footer>build " + NEW + "</footer></body></html>"));

        Cli.Result r = verify(Suites.onePage(site.url(), "")
                .replace("commit: { converge:", "commit: { marker: { regex: \"(?:.|\\\\n)*build ([0-9a-f]{7,40})\" }, converge:"));

        JsonNode record = blockedWithAnError(r, "commit");
        assertThat(RunFolders.check(record, "commit").path("summary").asText())
                .isEqualTo("the check could not run: StackOverflowError");
    }

    @Test
    void aMarkerRegexThatBacktracksForeverDoesNotHangTheGate() {
        // Java's engine defuses most nested quantifiers, not a repeated ".*": on 40 digits without the dot
        // the regex wants, this one would run for days
        site.route("/", q -> Reply.html("<!doctype html><html><head><title>Shop</title></head><body><main id=\"main\">"
                + "hello</main><!-- version: " + NEW + " --></body></html>"));

        Cli.Result r = verify(Suites.onePage(site.url(), "").replace("timeout: 3s, interval: 500ms", "timeout: 1s, interval: 1s")
                .replace("commit: { converge:", "commit: { marker: { regex: \"version: ((?:.*[0-9a-f]){16})\\\\.\" }, converge:"));

        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        JsonNode record = RunFolders.record(dir.resolve("run"), 1);
        assertThat(record.path("reason").asText()).isEqualTo("commit: could not read the commit from the site for 1s: "
                + "/: 2 of 2 responses failed: regex /version: ((?:.*[0-9a-f]){16})\\./ took more than 2s on the page "
                + "(it backtracks too much): simplify it");
    }
}
