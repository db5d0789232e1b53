package dev.gate.faults;

import static dev.gate.faults.Suites.NEW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gate.checks.testing.TestSite;
import dev.gate.checks.testing.TestSite.Reply;
import dev.gate.cli.Cli;
import dev.gate.report.JUnitReport;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A healthy release behind a site that fails once, as a draining load balancer or a restarting
 * instance does: the real {@code gate verify}, with real headless Chromium, passes it with a
 * flaky warning per check that failed once, keeps the first attempt's evidence, and does not
 * roll back. The commit is read from {@code /version}, so every request to the page is the page
 * check's own.
 */
class FlakySiteIT {
    @TempDir
    Path dir;
    private final TestSite site = TestSite.start();

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void aPageThatAnswers503OnceAndAnApiThatAnswers502OnceWarnAsFlakyAndDoNotBlock() throws Exception {
        site.route("/version", r -> Reply.json("{\"commit\":\"" + NEW + "\"}"));
        site.route("/p", r -> r.n() == 1 ? Reply.status(503, "starting up") : Reply.html(TestSite.pageWithCommit(NEW)));
        site.route("/api/health", r -> r.n() == 1 ? Reply.status(502, "bad gateway") : Reply.json("{\"status\":\"ok\"}"));
        Suites.write(dir, "suite.yaml", "name: shop\ntarget: " + site.url() + "\n"
                + "timeouts: { request: 2s, page: 20s, run: 2m }\n"
                + "commit: { marker: { json: /version, field: commit }, converge: { consecutive: 1, timeout: 3s, interval: 500ms } }\n"
                + "pages:\n  - { id: home, path: /p, expect: { selectors: [\"#main\"] } }\n"
                + "apis:\n  - { id: health, request: { path: /api/health }, expect: { json: { status: ok } } }\n");

        Cli.Result r = new Cli(dir).run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run");

        assertThat(r.exit()).as(r.all()).isZero();
        JsonNode record = RunFolders.record(dir.resolve("run"), 0);
        assertThat(record.path("verdict").asText()).isEqualTo("WARN");
        assertThat(record.path("actions").size()).as("no rollback").isZero();
        JsonNode home = RunFolders.check(record, "home");
        assertThat(home.path("status").asText()).isEqualTo("WARN");
        assertThat(home.path("summary").asText())
                .isEqualTo("flaky: page /p passed on the second attempt; the first failed: HTTP 503");
        JsonNode first = home.path("earlier_attempts").get(0);
        assertThat(first.path("status").asText()).isEqualTo("FAIL");
        assertThat(first.path("summary").asText()).startsWith("GET /p → 503 (expected 200)");
        assertThat(first.path("metrics").path("status").asInt()).isEqualTo(503);
        assertThat(first.path("artifacts")).extracting(a -> a.path("path").asText())
                .contains("artifacts/home/screenshot.png");
        assertThat(dir.resolve("run/artifacts/home/screenshot.png")).isRegularFile();
        assertThat(site.requests("/p")).hasSize(2);
        JsonNode health = RunFolders.check(record, "health");
        assertThat(health.path("summary").asText())
                .isEqualTo("flaky: GET /api/health passed on the second attempt; the first failed: HTTP 502");
        assertThat(site.requests("/api/health")).hasSize(2);
        assertThat(r.out()).contains("flaky: GET /api/health passed on the second attempt; the first failed: HTTP 502");

        List<ReportTestSuite> junit = new TestSuiteXmlParser(new NullConsoleLogger())
                .parse(dir.resolve("run").resolve(JUnitReport.FILE).toString());
        assertThat(junit.stream().mapToInt(ReportTestSuite::getNumberOfFlakes).sum()).isEqualTo(2);
        assertThat(junit.stream().mapToInt(ReportTestSuite::getNumberOfFailures).sum()).isZero();
        RunFolders.assertNothingHalfWritten(dir.resolve("run"));
    }
}
