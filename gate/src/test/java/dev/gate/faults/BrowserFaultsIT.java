package dev.gate.faults;

import dev.gate.cli.Cli;
import static dev.gate.faults.Suites.NEW;
import static dev.gate.faults.Suites.OLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gate.checks.testing.TestSite;
import dev.gate.checks.testing.TestSite.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser dies under the gate, or is not there at all. */
class BrowserFaultsIT {
    @TempDir
    Path dir;
    private TestSite site;
    /** Counted down when the browser asks for the page's script: the page is then in flight in Chromium. */
    private final CountDownLatch rendering = new CountDownLatch(1);

    @BeforeEach
    void start() {
        site = TestSite.start();
        // the HTML (and so the commit) arrives at once; the page's script takes a minute, so the
        // browser is still rendering when it is killed
        site.route("/", q -> Reply.html("<!doctype html><html><head><title>Shop</title><meta name=\"commit\" content=\""
                + NEW + "\"></head><body><main id=\"main\">hello</main><script src=\"/slow.js\"></script></body></html>"));
        site.route("/slow.js", q -> {
            rendering.countDown();
            return new Reply(200, java.util.Map.of("Content-Type", "application/javascript"), "window.loaded = 1;",
                    Duration.ofSeconds(60));
        });
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void chromiumKilledMidRunTurnsThePageIntoAnErrorThatBlocks() throws Exception {
        Suites.write(dir, "suite.yaml", Suites.onePage(site.url(), "").replace("page: 20s", "page: 60s"));
        try (GateProcess gate = GateProcess.in(dir).start("verify", "--suite", "suite.yaml", "--expect-commit", NEW,
                "--out", "run")) {
            gate.awaitLine("home: rendering /", Duration.ofSeconds(60));
            assertThat(rendering.await(60, TimeUnit.SECONDS)).as("the browser asked for the page's script").isTrue();
            List<ProcessHandle> before = gate.descendants();
            List<ProcessHandle> chromium = before.stream().filter(Processes::isChromium).toList();
            assertThat(chromium).as("Chromium processes of the gate: " + before.stream().map(Processes::describe).toList())
                    .isNotEmpty();

            chromium.forEach(ProcessHandle::destroyForcibly);
            int exit = gate.awaitExit(Duration.ofSeconds(60));

            assertThat(exit).as(gate.output()).isEqualTo(1);
            JsonNode record = RunFolders.record(dir.resolve("run"), 1);
            JsonNode home = RunFolders.check(record, "home");
            assertThat(home.path("status").asText()).isEqualTo("ERROR");
            // which of the two the session sees first depends on when the driver reports the disconnection
            assertThat(home.path("summary").asText()).isIn("/: the browser failed: the browser quit or crashed",
                    "/: the browser failed: Target page, context or browser has been closed");
            assertThat(record.path("reason").asText()).isEqualTo("home: " + home.path("summary").asText());
            assertThat(gate.out()).contains("BLOCK  home: /: the browser failed: ");
            RunFolders.assertNothingHalfWritten(dir.resolve("run"));
            assertThat(Processes.stillRunning(before, Duration.ofSeconds(5))).as("processes left behind").isEmpty();
        }
    }

    /** The page in flight fails with the browser; the rollback's confirmation renders in a new one. */
    @Test
    void aBrowserKilledMidRunIsReplacedForTheRollbacksConfirmation() throws Exception {
        Path rolledBack = dir.resolve("rolled-back");
        site.route("/", q -> Files.exists(rolledBack) ? Reply.html(TestSite.pageWithCommit(OLD))
                : Reply.html("<!doctype html><html><head><title>Shop</title><meta name=\"commit\" content=\"" + NEW
                        + "\"></head><body><main id=\"main\">hello</main><script src=\"/slow.js\"></script></body></html>"));
        Path rollback = Suites.script(dir, "rollback.sh", "touch " + rolledBack);
        Suites.write(dir, "suite.yaml", Suites.onePage(site.url(), "on_failure: { rollback: " + Suites.argv(rollback.toString())
                + ", rollback_timeout: 10s }\n").replace("page: 20s", "page: 60s"));
        Files.createFile(rolledBack);
        assertThat(new Cli(dir).run("baseline", "--suite", "suite.yaml").exit()).as("a baseline of the old release").isZero();
        Files.delete(rolledBack);
        try (GateProcess gate = GateProcess.in(dir).start("verify", "--suite", "suite.yaml", "--expect-commit", NEW,
                "--out", "run")) {
            gate.awaitLine("home: rendering /", Duration.ofSeconds(60));
            assertThat(rendering.await(60, TimeUnit.SECONDS)).as("the browser asked for the page's script").isTrue();
            List<ProcessHandle> chromium = gate.descendants().stream().filter(Processes::isChromium).toList();
            assertThat(chromium).isNotEmpty();

            chromium.forEach(ProcessHandle::destroyForcibly);
            int exit = gate.awaitExit(Duration.ofSeconds(120));

            assertThat(exit).as(gate.output()).isEqualTo(1);
            JsonNode record = RunFolders.record(dir.resolve("run"), 1);
            assertThat(RunFolders.check(record, "home").path("summary").asText()).startsWith("/: the browser failed: ");
            JsonNode confirmed = record.path("actions").get(1);
            assertThat(confirmed.path("outcome").asText()).as(gate.output()).isEqualTo("succeeded");
            assertThat(confirmed.path("summary").asText()).startsWith("rolled back to " + OLD.substring(0, 7)
                    + " and confirmed: it is live on every key page and they render");
        }
    }

    @Test
    void noBrowserAtAllIsExitTwoWithTheCommandThatFixesItAndNothingIsProbed() {
        Suites.write(dir, "suite.yaml", Suites.onePage(site.url(), ""));
        Path missing = dir.resolve("no-such-chrome");
        Cli gate = new Cli(dir).env("GATE_BROWSER", missing.toString());

        Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> gate.run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run"));

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("gate: no browser for the page checks: GATE_BROWSER=" + missing + ": no such file; "
                + "install Chromium (on Debian or Ubuntu: sudo apt-get install -y chromium) or set GATE_BROWSER=/path/to/chrome\n");
        assertThat(site.requests()).as("nothing probed").isEmpty();
        assertThat(dir.resolve("run")).as("no run folder").doesNotExist();
    }
}
