package dev.gate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gate.checks.testing.TestSite;
import dev.gate.checks.testing.TestSite.Reply;
import dev.gate.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line through its real entry point, against a real local site. */
class CliIT {
    private static final String NEW = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432";
    private static final String OLD = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";

    @TempDir
    Path dir;
    private TestSite site;
    private Cli cli;
    private volatile String live = NEW;

    @BeforeEach
    void start() throws Exception {
        site = TestSite.start();
        site.route("/", r -> Reply.html(TestSite.pageWithCommit(live)));
        site.route("/p/1", r -> Reply.html(TestSite.pageWithCommit(live)));
        cli = new Cli(dir);
        writeSuite("suite.yaml", "");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private void writeSuite(String name, String extra) throws Exception {
        Files.writeString(dir.resolve(name), "name: shop\ntarget: " + site.url() + "\n"
                + "commit: { converge: { consecutive: 2, timeout: 6s, interval: 1s } }\n"
                + "pages:\n  - { id: home, path: / }\n  - { id: product, path: /p/1 }\n" + extra);
    }

    private JsonNode result(String runDir) throws Exception {
        return Json.mapper().readTree(dir.resolve(runDir).resolve("result.json").toFile());
    }

    @Test
    void printsItsVersion() {
        Cli.Result r = cli.run("--version");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("gate ");
    }

    @Test
    void everyCommandHasHelpWithTheExitStatuses() {
        Cli.Result top = cli.run("--help");
        assertThat(top.exit()).isZero();
        assertThat(top.out()).contains("verify", "baseline", "demo", "3  BLOCK and the rollback failed");
        for (String command : new String[] {"verify", "baseline", "demo"}) {
            Cli.Result r = cli.run(command, "--help");
            assertThat(r.exit()).as(command).isZero();
            assertThat(r.out()).as(command).contains("Usage: gate " + command);
        }
        assertThat(cli.run("verify", "--help").out()).contains("--expect-commit=SHA", "--repo=DIR", "--shard=K/N");
    }

    @Test
    void aMistypedCommandIsAUsageErrorWithASuggestion() {
        Cli.Result r = cli.run("verfy", "--suite", "suite.yaml");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("gate: Unmatched arguments from index 0: 'verfy'", "Did you mean: gate verify");
    }

    @Test
    void verifyPassesWhenTheExpectedCommitIsLiveAndWritesTheRunRecord() throws Exception {
        Cli.Result r = cli.run("verify", "--suite", "suite.yaml", "--expect-commit", NEW.substring(0, 7), "--out", "run");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("PASS  all 3 checks passed");
        JsonNode result = result("run");
        assertThat(result.path("schema").asText()).isEqualTo("gate.run/1");
        assertThat(result.path("verdict").asText()).isEqualTo("PASS");
        assertThat(result.path("exit_status").asInt()).isZero();
        assertThat(result.path("expected_commit").asText()).isEqualTo("9f8e7d6");
        assertThat(result.path("observed_commit").asText()).isEqualTo("9f8e7d6");
        assertThat(result.path("release").asText()).isEqualTo("LIVE");
        assertThat(result.path("suite").path("name").asText()).isEqualTo("shop");
        assertThat(result.path("started_at").asText()).isEqualTo("2026-11-25T10:00:00Z");
        JsonNode check = result.path("checks").get(0);
        assertThat(check.path("id").asText()).isEqualTo("commit");
        assertThat(check.path("kind").asText()).isEqualTo("commit");
        assertThat(check.path("status").asText()).isEqualTo("PASS");
        assertThat(check.has("details") && check.has("metrics") && check.has("artifacts") && check.has("playbook")).isTrue();
        assertThat(result.path("actions").isArray()).isTrue();
        try (Stream<Path> files = Files.list(dir.resolve("run"))) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no lock or temporary file left")
                    .containsExactlyInAnyOrder("result.json", "junit.xml", "report.html", "summary.md");
        }
    }

    @Test
    void verifyBlocksWhenTheReleaseIsNotLiveAndSaysWhy() throws Exception {
        live = OLD;

        Cli.Result r = cli.run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("BLOCK  commit: the deploy did not go live: no response in 6s served 9f8e7d6; "
                + "/: 7 of 7 responses served 1a2b3c4");
        assertThat(result("run").path("release").asText()).isEqualTo("NEVER_LIVE");
        assertThat(result("run").path("exit_status").asInt()).isEqualTo(1);
    }

    @Test
    void theDefaultRunFolderIsNamedByTimeAndCommit() {
        Cli.Result r = cli.run("verify", "--suite", "suite.yaml", "--expect-commit", NEW);

        assertThat(r.exit()).isZero();
        assertThat(dir.resolve(".gate/runs/20261125T100000Z-9f8e7d6/result.json")).exists();
    }

    @Test
    void theExpectedCommitCanComeFromTheHeadOfACheckout() throws Exception {
        Path repo = dir.resolve("checkout");
        try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
            Files.writeString(repo.resolve("app.txt"), "v2");
            git.add().addFilepattern(".").call();
            PersonIdent me = new PersonIdent("Dev", "dev@example.com", java.time.Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
            RevCommit commit = git.commit().setMessage("v2").setAuthor(me).setCommitter(me).setSign(false).call();
            live = commit.getName();
        }

        Cli.Result r = cli.run("verify", "--suite", "suite.yaml", "--repo", "checkout", "--out", "run");

        assertThat(r.exit()).isZero();
        assertThat(result("run").path("expected_commit").asText()).isEqualTo(live);
    }

    @Test
    void aFolderThatIsNotARepositoryIsRefused() throws Exception {
        Files.createDirectories(dir.resolve("plain"));

        Cli.Result r = cli.run("verify", "--suite", "suite.yaml", "--repo", "plain");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("gate: --repo: " + dir.resolve("plain") + " is not a git repository (no .git here or above)");
        assertThat(site.requests()).as("nothing probed").isEmpty();
    }

    @Test
    void theExpectedCommitMustBeNamedExactlyOnce() {
        Cli.Result both = cli.run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--repo", ".");
        Cli.Result neither = cli.run("verify", "--suite", "suite.yaml");
        Cli.Result invalid = cli.run("verify", "--suite", "suite.yaml", "--expect-commit", "main");

        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("give either --expect-commit or --repo, not both");
        assertThat(neither.exit()).isEqualTo(2);
        assertThat(neither.err()).contains("name the commit that was deployed: --expect-commit SHA, or --repo DIR");
        assertThat(invalid.exit()).isEqualTo(2);
        assertThat(invalid.err()).contains("--expect-commit: \"main\" is not a commit id: expected 7 to 40 or 64 hex digits");
        assertThat(site.requests()).isEmpty();
    }

    @Test
    void anInvalidSuiteExitsTwoWithEveryProblemAndProbesNothing() throws Exception {
        Files.writeString(dir.resolve("bad.yaml"), "target: " + site.url() + "\npage:\n  - { id: home, path: / }\n"
                + "timeouts: { request: 0s }\n");

        Cli.Result r = cli.run("verify", "--suite", "bad.yaml", "--expect-commit", NEW);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(
                "gate: bad.yaml:2:1: unknown key \"page\"; did you mean \"pages\"?",
                "gate: bad.yaml:4:22: timeouts.request: must be more than 0, got 0s");
        assertThat(site.requests()).isEmpty();
        assertThat(dir.resolve(".gate")).doesNotExist();
    }

    @Test
    void aMissingSuiteFileIsNamed() {
        Cli.Result r = cli.run("verify", "--suite", "nope.yaml", "--expect-commit", NEW);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("gate: nope.yaml:1:1: no such file");
    }

    @Test
    void aMissingEnvironmentVariableIsExitTwoNamingIt() throws Exception {
        writeSuite("env.yaml", "secrets: [\"${env:GATE_TEST_TOKEN}\"]\n");

        Cli.Result r = cli.run("verify", "--suite", "env.yaml", "--expect-commit", NEW);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("environment variable GATE_TEST_TOKEN is not set");
    }

    @Test
    void twoSuitesInOneRepositoryKeepTheirOwnBaselines() throws Exception {
        live = OLD;
        // another suite in the same folder: it must not read the shop's baseline as its own
        Files.writeString(dir.resolve("admin.yaml"), "name: admin\ntarget: " + site.url() + "\n"
                + "commit: { converge: { consecutive: 2, timeout: 6s, interval: 1s } }\npages:\n  - { id: home, path: / }\n");
        assertThat(cli.run("baseline", "--suite", "suite.yaml").exit()).isZero();
        live = NEW;

        Cli.Result admin = cli.run("verify", "--suite", "admin.yaml", "--expect-commit", NEW, "--out", "run");

        assertThat(admin.exit()).as(admin.out() + admin.err()).isZero();
        assertThat(admin.out()).contains("· no baseline");
        assertThat(dir.resolve(".gate/shop/baseline.json")).isRegularFile();
        assertThat(dir.resolve(".gate/admin/baseline.json")).doesNotExist();
        assertThat(cli.run("baseline", "--suite", "admin.yaml", "--print-path").out().strip())
                .isEqualTo(dir.resolve(".gate/admin/baseline.json").toString());
    }

    @Test
    void suitesWhoseNamesCollideCannotTakeEachOthersBaseline() throws Exception {
        live = OLD;
        for (String service : List.of("web", "api")) {
            Files.createDirectories(dir.resolve(service));
            // no name: both are called "gate", after their file
            Files.writeString(dir.resolve(service + "/gate.yaml"), "target: " + site.url() + "\n"
                    + "commit: { converge: { consecutive: 2, timeout: 6s, interval: 1s } }\npages:\n  - { id: home, path: / }\n");
        }
        assertThat(cli.run("baseline", "--suite", "web/gate.yaml").exit()).isZero();
        live = NEW;

        Cli.Result api = cli.run("verify", "--suite", "api/gate.yaml", "--expect-commit", NEW, "--out", "run");

        assertThat(api.exit()).isEqualTo(2);
        assertThat(api.err()).isEqualTo("gate: baseline: " + dir.resolve(".gate/gate/baseline.json") + " was taken for the suite "
                + dir.resolve("web/gate.yaml") + ", not " + dir.resolve("api/gate.yaml")
                + "; give the suites distinct names (name: in each), or pass --baseline FILE\n");
        assertThat(dir.resolve("run")).doesNotExist();
    }

    @Test
    void baselineRecordsTheLiveCommitAndVerifyLabelsItPrevious() throws Exception {
        live = OLD;
        Cli.Result b = cli.run("baseline", "--suite", "suite.yaml");
        assertThat(b.exit()).isZero();
        assertThat(b.out()).contains("Baseline written to .gate/shop/baseline.json: live commit 1a2b3c4");
        JsonNode baseline = Json.mapper().readTree(dir.resolve(".gate/shop/baseline.json").toFile());
        assertThat(baseline.path("schema").asText()).isEqualTo("gate.baseline/1");
        assertThat(baseline.path("live_commit").asText()).isEqualTo(OLD);
        assertThat(baseline.path("target").asText()).isEqualTo(site.url().toString());

        Cli.Result v = cli.run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run");

        assertThat(v.exit()).isEqualTo(1);
        assertThat(v.out()).contains("served 1a2b3c4 (previous)");
        assertThat(result("run").path("previous_commit").asText()).isEqualTo(OLD);
    }

    @Test
    void aBaselineOfAnotherTargetIsRefusedNamingTheFile() throws Exception {
        Files.createDirectories(dir.resolve(".gate"));
        Files.writeString(dir.resolve("other.json"), "{\"schema\":\"gate.baseline/1\",\"taken_at\":\"2026-11-25T09:00:00Z\","
                + "\"target\":\"https://elsewhere.example.com\",\"live_commit\":null,\"endpoints\":{},\"pages\":{}}");
        Files.writeString(dir.resolve("old.json"), "{\"schema\":\"gate.baseline/0\"}");
        Files.writeString(dir.resolve("corrupt.json"), "{\"schema\":");

        Cli.Result other = cli.run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--baseline", "other.json");
        Cli.Result old = cli.run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--baseline", "old.json");
        Cli.Result corrupt = cli.run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--baseline", "corrupt.json");

        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err()).contains("other.json: taken for https://elsewhere.example.com, but the suite's target is " + site.url());
        assertThat(old.exit()).isEqualTo(2);
        assertThat(old.err()).contains("old.json: schema is \"gate.baseline/0\", this gate reads \"gate.baseline/1\"");
        assertThat(corrupt.exit()).isEqualTo(2);
        assertThat(corrupt.err()).contains("corrupt.json: not a readable baseline (invalid JSON at line 1)");
        assertThat(site.requests()).isEmpty();
    }

    @Test
    void secretsNeverReachTheConsoleOrTheRunRecord() throws Exception {
        String canary = "canary-7f3a9c2e51";
        site.route("/p/1", r -> Reply.html("<meta name=\"commit\" content=\"" + canary + "\">"));
        writeSuite("secret.yaml", "secrets: [\"${env:GATE_CANARY}\"]\n");
        cli.env("GATE_CANARY", canary);

        Cli.Result r = cli.run("verify", "--suite", "secret.yaml", "--expect-commit", NEW, "--out", "run");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("marker value \"•••\" is not a commit id").doesNotContain(canary);
        assertThat(Files.readString(dir.resolve("run/result.json"))).contains("•••").doesNotContain(canary);
    }

    @Test
    @SuppressWarnings("try") // the folder is held by being open, not used
    void anOutputFolderAnotherRunHoldsIsRefused() throws Exception {
        try (var held = dev.gate.run.RunFolder.claim(dir.resolve("run"))) {
            Cli.Result r = cli.run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run");

            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("another gate run is writing " + dir.resolve("run"));
            assertThat(site.requests()).isEmpty();
        }
    }
}
