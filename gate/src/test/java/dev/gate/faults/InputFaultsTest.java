package dev.gate.faults;

import dev.gate.cli.Cli;
import static dev.gate.faults.Suites.NEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.gate.checks.testing.TestSite;
import dev.gate.checks.testing.TestSite.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input is refused before anything is probed: exit 2, every problem on its own line, no run
 * folder. The cases {@code dev.gate.cli.CliIT} already proves through the same entry point (an
 * unknown top-level key, a zero duration, a missing variable, "main" as a commit, a plain folder
 * as {@code --repo}, the three bad baselines, a folder another run holds) are not repeated here;
 * ids that would leave the run folder are {@code SuiteLoaderTest.idsThatCouldLeaveTheRunFolderAreRefused}.
 * The site here is healthy: without the fault, each of these runs would pass.
 */
class InputFaultsTest {
    @TempDir
    Path dir;
    private TestSite site;
    private Cli gate;

    @BeforeEach
    void start() {
        site = TestSite.start();
        site.route("/version", q -> Reply.json("{\"commit\":\"" + NEW + "\"}"));
        site.route("/api/health", q -> Reply.json("{\"status\":\"ok\"}"));
        Suites.write(dir, "suite.yaml", Suites.apisOnly(site.url(), ""));
        gate = new Cli(dir);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private Cli.Result run(String... args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> gate.run(args));
    }

    /** Exit 2, exactly these lines on stderr, nothing probed, nothing written. */
    private void refused(Cli.Result r, String... lines) {
        assertThat(r.exit()).as(r.all()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(String.join("\n", lines) + "\n");
        assertThat(site.requests()).as("nothing probed").isEmpty();
        assertThat(dir.resolve(".gate")).as("nothing written").doesNotExist();
        assertThat(dir.resolve("run")).as("no run folder").doesNotExist();
    }

    @Test
    void theHealthySiteTheseCasesUsePasses() {
        Cli.Result r = run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run");

        assertThat(r.exit()).as(r.all()).isZero();
        RunFolders.record(dir.resolve("run"), 0);
    }

    @Test
    void malformedYamlIsExitTwoWithItsPlace() {
        Suites.write(dir, "bad.yaml", "target: " + site.url() + "\npages:\n  - { id: home, path: /\n");

        Cli.Result r = run("verify", "--suite", "bad.yaml", "--expect-commit", NEW);

        refused(r, "gate: bad.yaml:4:1: invalid YAML: expected ',' or '}', but got <stream end> (while parsing a flow mapping)");
    }

    @Test
    void unknownNestedKeysAreNamedWithTheClosestKnownKey() {
        Suites.write(dir, "bad.yaml", Suites.apisOnly(site.url(), "on_failure: { rolback: [\"./rollback.sh\"] }\n")
                .replace("consecutive: 1", "consecutve: 1"));

        Cli.Result r = run("verify", "--suite", "bad.yaml", "--expect-commit", NEW);

        refused(r, "gate: bad.yaml:4:66: unknown key \"consecutve\" in commit.converge; did you mean \"consecutive\"?",
                "gate: bad.yaml:7:15: unknown key \"rolback\" in on_failure; did you mean \"rollback\"?");
    }

    @Test
    void valuesOfTheWrongTypeAreNamedAllAtOnce() {
        Suites.write(dir, "bad.yaml", Suites.apisOnly(site.url(), "pages_parallel: many\ntls: { insecure: sometimes }\n"
                + "on_failure: { rollback: ./rollback.sh }\n").replace("request: 1s", "request: soon"));

        Cli.Result r = run("verify", "--suite", "bad.yaml", "--expect-commit", NEW);

        refused(r, "gate: bad.yaml:3:22: timeouts.request: expected a duration such as 300ms, 10s or 5m, got \"soon\"",
                "gate: bad.yaml:9:25: on_failure.rollback: expected an argument vector such as [\"./deploy/rollback.sh\", "
                        + "\"--to\", \"previous\"]; gate runs no shell, so write [\"sh\", \"-c\", \"...\"] if you need one",
                "gate: bad.yaml:7:17: pages_parallel: expected a whole number, got \"many\"",
                "gate: bad.yaml:8:18: tls.insecure: expected true or false, got \"sometimes\"");
    }

    @Test
    void aRetryCountOutsideZeroToFiveIsRefusedWithItsPlaceAndNothingIsProbed() {
        Suites.write(dir, "bad.yaml", Suites.apisOnly(site.url(), "retries: 9\n")
                .replace("path: /api/health }", "path: /api/health }, retries: 1.5"));

        Cli.Result r = run("verify", "--suite", "bad.yaml", "--expect-commit", NEW);

        refused(r, "gate: bad.yaml:7:10: retries: must be between 0 and 5, got 9",
                "gate: bad.yaml:6:60: apis[0].retries: expected a whole number, got \"1.5\"");
    }

    @Test
    void aVariableWithoutItsClosingBraceIsRefusedWithItsPlace() {
        Suites.write(dir, "bad.yaml", Suites.apisOnly(site.url(), "")
                .replace("path: /api/health }", "path: /api/health, headers: { Authorization: \"Bearer ${env:SHOP_TOKEN\" } }"));

        Cli.Result r = run("verify", "--suite", "bad.yaml", "--expect-commit", NEW);

        refused(r, "gate: bad.yaml:6:75: apis[0].request.headers.Authorization: \"${env:SHOP_TOKEN\" has no closing \"}\"");
    }

    @Test
    void aCommitOfTheWrongLengthIsRefused() {
        Cli.Result r = run("verify", "--suite", "suite.yaml", "--expect-commit", NEW + "1");

        refused(r, "gate: --expect-commit: \"" + NEW + "1\" is not a commit id: expected 7 to 40 or 64 hex digits");
    }

    @Test
    void aRepositoryWithoutCommitsOrAMissingFolderIsRefusedAsRepo() throws Exception {
        Git.init().setDirectory(dir.resolve("empty").toFile()).call().close();

        Cli.Result empty = run("verify", "--suite", "suite.yaml", "--repo", "empty");
        Cli.Result missing = run("verify", "--suite", "suite.yaml", "--repo", "nowhere");

        refused(empty, "gate: --repo: " + dir.resolve("empty") + ": the repository has no commits yet");
        refused(missing, "gate: --repo: " + dir.resolve("nowhere") + " is not a folder");
    }

    @Test
    void aCorruptDefaultBaselineIsRefusedNotIgnored() throws Exception {
        Files.createDirectories(dir.resolve(".gate/api"));
        Files.writeString(dir.resolve(".gate/api/baseline.json"), "{\"schema\":\"gate.baseline/1\",\"taken_at\":");

        Cli.Result r = run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("gate: baseline: " + dir.resolve(".gate/api/baseline.json") + ": not a readable baseline "
                + "(invalid JSON at line 1); take a new one with `gate baseline`\n");
        assertThat(site.requests()).isEmpty();
        assertThat(dir.resolve("run")).doesNotExist();
    }

    /** A baseline as {@code gate baseline} writes one for the healthy site, with one field replaced. */
    private String baseline(String takenAt, String totalMs, String pageMetrics, String endpointUrl) {
        return "{\"schema\":\"gate.baseline/1\",\"taken_at\":" + takenAt + ",\"target\":\"" + site.url() + "\","
                + "\"live_commit\":\"1a2b3c4\",\"endpoints\":{\"health\":{\"id\":\"health\",\"method\":\"GET\","
                + "\"url\":" + endpointUrl + ",\"total_ms\":" + totalMs + ",\"ttfb_ms\":[3.0,4.0]}},"
                + "\"pages\":{\"home\":{\"id\":\"home\",\"url\":\"" + site.url() + "\",\"assets\":[],"
                + "\"metrics\":" + pageMetrics + "}}}";
    }

    private static final String AT = "\"2026-11-25T09:00:00Z\"";
    private static final String SAMPLES = "[12.0,14.0]";
    private static final String METRICS = "{\"load_ms\":120.0,\"requests\":4}";

    @Test
    void aBaselineWithAnImpossibleFieldIsRefusedNamingTheFieldBeforeAnythingIsProbed() throws Exception {
        String url = "\"" + site.url() + "api/health\"";
        String[][] cases = {
            {baseline(AT, "[-20.0,14.0]", METRICS, url), "endpoints.health.total_ms[0] is -20.0: a latency cannot be negative"},
            {baseline(AT, "[12.0,\"NaN\"]", METRICS, url), "endpoints.health.total_ms[1] is \"NaN\": a latency must be a number"},
            {baseline(AT, "[12.0,1e999]", METRICS, url), "endpoints.health.total_ms[1] is Infinity: a latency must be a finite number"},
            {baseline(AT, "[12.0,null]", METRICS, url), "endpoints.health.total_ms[1] is null: a latency must be a number"},
            {baseline(AT, SAMPLES, METRICS, "\"\""), "endpoints.health.url is \"\": expected a non-empty text"},
            {baseline(AT, SAMPLES, "{\"requests\":-3}", url), "pages.home.metrics.requests is -3.0: a page's timing or size cannot be negative"},
            {baseline(AT, SAMPLES, METRICS + ",\"asset_weights\":[{\"path\":\"/a.js\",\"type\":\"FONT\",\"bytes\":3}]", url),
                "pages.home.asset_weights[0].type is \"FONT\": expected SCRIPT or STYLESHEET"},
            {baseline(AT, SAMPLES, METRICS + ",\"asset_weights\":[{\"path\":\"/a.js\",\"type\":\"SCRIPT\",\"bytes\":-1}]", url),
                "pages.home.asset_weights[0].bytes is -1.0: a size cannot be negative"},
            {baseline("\"yesterday at nine\"", SAMPLES, METRICS, url),
                "taken_at is \"yesterday at nine\": expected a UTC time such as 2026-11-25T09:00:00Z"},
        };
        for (String[] c : cases) {
            Files.writeString(dir.resolve("b.json"), c[0]);

            Cli.Result r = run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--baseline", "b.json", "--out", "run");

            refused(r, "gate: --baseline: " + dir.resolve("b.json") + ": " + c[1] + "; take a new baseline with `gate baseline`");
        }
        // last, since it probes: the same baseline without the fault is used, so each refusal above is the field's
        Files.writeString(dir.resolve("good.json"), baseline(AT, SAMPLES, METRICS, url));
        Cli.Result good = run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--baseline", "good.json", "--out", "run");
        assertThat(good.exit()).as(good.all()).isZero();
    }

    @Test
    void anOutputFolderThatCannotBeCreatedIsExitTwoNeverAPass() throws Exception {
        Files.writeString(dir.resolve("somefile"), "not a folder");

        Cli.Result r = run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "somefile/run");

        refused(r, "gate: --out: cannot create the output folder " + dir.resolve("somefile/run") + ": "
                + dir.resolve("somefile") + " exists and is not a folder");
        assertThat(dir.resolve("somefile")).content().isEqualTo("not a folder");
    }

    @Test
    void aRunRecordThatCannotBeWrittenBlocksEvenWhenEveryCheckPassed() throws Exception {
        // result.json is taken by a folder: the run folder itself is fine, the evidence cannot be written
        Files.createDirectories(dir.resolve("run/result.json/occupied"));

        Cli.Result r = run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run");

        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        assertThat(r.err()).matches("gate: could not write the run record to " + java.util.regex.Pattern.quote(dir.resolve("run").toString())
                + ": .*result\\.json: Is a directory\n");
        assertThat(r.out()).containsPattern("\nBLOCK  could not write the run record to ").doesNotContain("\nPASS  ");
        RunFolders.assertNothingHalfWritten(dir.resolve("run"));
    }

    @Test
    void aBaselineThatCannotBeWrittenIsNotWritten() throws Exception {
        Files.writeString(dir.resolve("somefile"), "not a folder");

        Cli.Result r = run("baseline", "--suite", "suite.yaml", "--out", "somefile/baseline.json");

        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("gate: cannot write the baseline " + dir.resolve("somefile/baseline.json") + ": "
                + dir.resolve("somefile") + " exists and is not a folder\n");
        RunFolders.assertNothingHalfWritten(dir);
    }
}
