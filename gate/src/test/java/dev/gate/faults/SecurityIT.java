package dev.gate.faults;

import dev.gate.cli.Cli;
import static dev.gate.faults.Suites.NEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gate.checks.testing.TestSite;
import dev.gate.checks.testing.TestSite.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One hostile run, as a real process under {@code umask 000}: a canary secret comes from the
 * environment into an API's Authorization header; the site echoes it in its page, its console and
 * the API's body, and puts markup in its title and console; the rollback command prints it. Each
 * test checks one promise against what that run left behind. The ids that would leave the run
 * folder are refused by the suite loader: {@code SuiteLoaderTest.idsThatCouldLeaveTheRunFolderAreRefused}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityIT {
    private static final String MARKUP = "<script>alert(1)</script>";
    private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
    /** A line that GitHub Actions would run as a workflow command if the gate printed it as a line of its own. */
    private static final String INJECTED = "::error title=pwned::injected by the site";

    @TempDir
    static Path dir;
    private final String canary = "canary-" + HexFormat.of().formatHex(new byte[] {
        (byte) new Random(8).nextInt(), 0x5e, 0x7a, 0x11, 0x2c});
    private TestSite site;
    private int exit;
    private String out;
    private String err;

    @BeforeAll
    void runTheHostileSite() {
        site = TestSite.start();
        site.route("/", q -> Reply.html("<!doctype html><html><head><title>&lt;script&gt;alert(1)&lt;/script&gt; " + canary
                + "</title><meta name=\"commit\" content=\"" + NEW + "\"></head><body><main id=\"main\">signed in with "
                + canary + "</main><script>console.error('<script>alert(1)<\\/script> token ' + '" + canary
                + "')</script></body></html>"));
        site.route("/cart", q -> Reply.html("<!doctype html><html><head><title>Shop</title><meta name=\"commit\" content=\""
                + NEW + "\"></head><body><main id=\"main\">cart</main><script>console.error('cart failed' + '\\n"
                + INJECTED + "')</script></body></html>"));
        site.route("/api/echo", q -> Reply.json("{\"status\":\"degraded\",\"you_sent\":\"" + q.header("Authorization") + "\"}"));
        Suites.script(dir, "rollback.sh", "echo \"rolling back with token $GATE_CANARY\"\nexit 1");
        Suites.write(dir, "suite.yaml", "name: shop\ntarget: " + site.url() + "\n"
                + "timeouts: { request: 2s, page: 20s, run: 2m }\n"
                + "commit: { converge: { consecutive: 1, timeout: 3s, interval: 500ms } }\n"
                + "pages:\n  - { id: home, path: /, expect: { title: \"^Shop\" } }\n  - { id: cart, path: /cart }\n"
                + "apis:\n  - id: echo\n    request: { path: /api/echo, headers: { Authorization: \"Bearer ${env:GATE_CANARY}\" } }\n"
                + "    expect: { json: { status: ok } }\n"
                + "on_failure: { rollback: [\"./rollback.sh\"], rollback_timeout: 30s }\n");
        try (GateProcess gate = GateProcess.in(dir).umask("000").env("GATE_CANARY", canary)
                .start("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run")) {
            exit = gate.awaitExit(Duration.ofSeconds(120));
            out = gate.out();
            err = gate.err();
        }
    }

    @AfterAll
    void stop() {
        site.close();
    }

    @Test
    void theRunBlocksBecauseTheRollbackFailed() {
        assertThat(exit).as(out + err).isEqualTo(3);
        JsonNode record = RunFolders.record(dir.resolve("run"), 3);
        assertThat(RunFolders.check(record, "home").path("status").asText()).isEqualTo("FAIL");
        assertThat(RunFolders.check(record, "echo").path("status").asText()).isEqualTo("FAIL");
        assertThat(site.requests("/api/echo").get(0).header("Authorization")).as("the secret did reach the site")
                .isEqualTo("Bearer " + canary);
    }

    @Test
    void theCanaryIsInNoFileAndInNoOutput() {
        assertThat(RunFolders.filesContaining(dir, canary)).as("files holding the canary").isEmpty();
        assertThat(out).doesNotContain(canary).contains("•••");
        assertThat(err).doesNotContain(canary);
        assertThat(dir.resolve("run/artifacts/rollback.log")).content().isEqualTo("rolling back with token •••\n");
        assertThat(dir.resolve("run/artifacts/home/console.log")).content().contains("token •••");
        try (var stubs = Files.list(dir.resolve("run"))) {
            assertThat(stubs.filter(p -> p.getFileName().toString().startsWith("2026-")).toList())
                    .as("the post-mortem stub, checked above with every other file").hasSize(1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void textFromTheSiteNeverStartsALineOfTheGatesOutput() {
        assertThat((out + "\n" + err).lines()).as("lines a CI runner would read as commands").noneMatch(l -> l.startsWith("::"));
        assertThat(out).contains("injected by the site");
    }

    @Test
    void noTraceIsRecordedWhenTheSuiteHasSecrets() {
        assertThat(RunFolders.files(dir.resolve("run"))).as("traces hold headers and page content")
                .noneMatch(p -> p.getFileName().toString().endsWith(".zip"));
        assertThat(RunFolders.check(RunFolders.record(dir.resolve("run"), 3), "home").path("details").toString())
                .contains("no Playwright trace was recorded: the suite has secrets");
    }

    @Test
    void markupFromTheSiteIsEscapedInEveryReport() throws Exception {
        for (String report : List.of("report.html", "summary.md", "junit.xml")) {
            String text = Files.readString(dir.resolve("run").resolve(report));
            assertThat(text).as(report).doesNotContain(MARKUP).contains(ESCAPED);
        }
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("run/junit.xml").toFile());
        assertThat(Files.readString(dir.resolve("run/result.json"))).as("the record keeps what the site said, as data")
                .contains(MARKUP);
    }

    @Test
    void everyFileIs0644AndEveryFolder0755EvenUnderUmask000() {
        RunFolders.assertPermissions(dir.resolve("run"));
        RunFolders.assertNothingHalfWritten(dir.resolve("run"));
    }

    @Test
    void aRollbackCommandRunsWithoutAShell(@TempDir Path other) {
        String pwned = "/tmp/pwned-" + HexFormat.of().formatHex(new byte[] {(byte) new Random(17).nextInt(), 0x3b, 0x4f});
        try (TestSite broken = TestSite.start()) {
            broken.route("/version", q -> Reply.json("{\"commit\":\"" + NEW + "\"}"));
            broken.route("/api/health", q -> Reply.status(503, "{\"status\":\"degraded\"}"));
            Suites.write(other, "suite.yaml", Suites.apisOnly(broken.url(), "on_failure: { rollback: "
                    + Suites.argv("echo", "$HOME; touch " + pwned) + " }\n"));

            Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> new Cli(other)
                    .run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run"));

            assertThat(r.exit()).as(r.all()).isEqualTo(3);
            assertThat(other.resolve("run/artifacts/rollback.log")).content().isEqualTo("$HOME; touch " + pwned + "\n");
            assertThat(Path.of(pwned)).as("no shell ran the text").doesNotExist();
            RunFolders.record(other.resolve("run"), 3);
        }
    }
}
