package dev.gate.faults;

import static dev.gate.faults.Suites.NEW;
import static dev.gate.faults.Suites.OLD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gate.checks.testing.TestSite;
import dev.gate.checks.testing.TestSite.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGINT and SIGTERM, sent with {@code kill} to the gate as a real process at each stage of a run:
 * the gate stops on its own (not by its 15-second watchdog), exits 130 or 143, leaves a valid
 * result.json marked interrupted, and no process it started (Chromium, the Playwright driver, a
 * deploy or rollback script and its children) outlives it.
 */
class SignalsIT {
    private static final Duration STAGE = Duration.ofSeconds(90);
    private static final Duration STOP = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private TestSite site;
    private volatile String live = NEW;

    @BeforeEach
    void start() {
        site = TestSite.start();
        site.route("/", q -> Reply.html(TestSite.pageWithCommit(live)));
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private static int status(String signal) {
        return signal.equals("INT") ? 130 : 143;
    }

    /**
     * Sends the signal once {@code stage} was printed, and checks what every stage promises: the
     * exit status, the message, no child left, a valid record marked interrupted.
     */
    private JsonNode interrupt(GateProcess gate, String stage, String signal) {
        gate.awaitLine(stage, STAGE);
        List<ProcessHandle> children = gate.descendants();

        gate.signal(signal);
        int exit = gate.awaitExit(STOP);

        assertThat(exit).as(gate.output()).isEqualTo(status(signal));
        assertThat(gate.err()).contains("gate: SIG" + signal + ": stopping; writing what was seen so far (again to stop at once)")
                .as("stopped by itself, not by the watchdog").doesNotContain("did not stop within");
        assertThat(Processes.stillRunning(children, Duration.ofSeconds(5))).as("processes left behind").isEmpty();
        JsonNode record = RunFolders.record(dir.resolve("run"), status(signal));
        assertThat(record.path("interrupted").asBoolean()).isTrue();
        assertThat(record.path("verdict").asText()).isEqualTo("BLOCK");
        RunFolders.assertNothingHalfWritten(dir.resolve("run"), dir.resolve(".gate"));
        return record;
    }

    private GateProcess verifyWith(String yaml) {
        Suites.write(dir, "suite.yaml", yaml);
        return GateProcess.in(dir).start("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run");
    }

    private static void interruptedBeforeTheEnd(JsonNode record, String signal) {
        assertThat(record.path("reason").asText()).isEqualTo("interrupted by SIG" + signal + " before the gate finished; "
                + "nothing is proven, so the deploy is blocked");
        JsonNode stopped = RunFolders.check(record, "interrupted");
        assertThat(stopped.path("status").asText()).isEqualTo("ERROR");
        assertThat(stopped.path("summary").asText()).isEqualTo("the run was interrupted before it finished");
        assertThat(record.path("actions").size()).as("no rollback, no post-mortem").isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalDuringTheCommitWaitStopsTheRun(String signal) {
        live = OLD;
        try (GateProcess gate = verifyWith(Suites.onePage(site.url(), "").replace("timeout: 3s", "timeout: 5m"))) {
            JsonNode record = interrupt(gate, "… commit: waiting for 9f8e7d6", signal);

            interruptedBeforeTheEnd(record, signal);
            assertThat(record.path("release").asText()).isEqualTo("UNKNOWN");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalWhileAPageRendersStopsTheRun(String signal) {
        site.route("/", q -> Reply.html("<!doctype html><html><head><title>Shop</title><meta name=\"commit\" content=\""
                + NEW + "\"></head><body><main id=\"main\">hello</main><script src=\"/slow.js\"></script></body></html>"));
        site.route("/slow.js", q -> new Reply(200, Map.of("Content-Type", "application/javascript"), "window.x = 1;",
                Duration.ofSeconds(120)));
        try (GateProcess gate = verifyWith(Suites.onePage(site.url(), "").replace("page: 20s", "page: 5m"))) {
            JsonNode record = interrupt(gate, "… home: rendering /", signal);

            interruptedBeforeTheEnd(record, signal);
            assertThat(RunFolders.check(record, "commit").path("status").asText()).as("what was seen is kept").isEqualTo("PASS");
        }
    }

    /**
     * The page's script never yields, so the browser cannot close it gracefully: the gate closes
     * it, kills the browser and its driver when they do not quit at once, and exits right after
     * its record is written. The two-second bound is on a hang (it took eleven), not a timing.
     */
    @Test
    void aSigtermWhileAPageScriptNeverYieldsExitsRightAfterTheRecordIsWritten() throws Exception {
        java.util.concurrent.CountDownLatch jammed = new java.util.concurrent.CountDownLatch(1);
        site.route("/", q -> Reply.html("<!doctype html><html><head><title>Shop</title><meta name=\"commit\" content=\""
                + NEW + "\"></head><body><main id=\"main\">hello</main><script>const x = new XMLHttpRequest();"
                + " x.open('GET', '/jammed', false); x.send(); while (true) {}</script></body></html>"));
        site.route("/jammed", q -> {
            jammed.countDown();
            return Reply.html("");
        });
        try (GateProcess gate = verifyWith(Suites.onePage(site.url(), "").replace("page: 20s", "page: 5m"))) {
            gate.awaitLine("… home: rendering /", STAGE);
            assertThat(jammed.await(STAGE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS))
                    .as("the page's script started its endless loop").isTrue();
            List<ProcessHandle> children = gate.descendants();

            gate.signal("TERM");
            Path record = dir.resolve("run/result.json");
            long deadline = System.nanoTime() + STOP.toNanos();
            while (!Files.exists(record) && gate.handle().isAlive() && System.nanoTime() < deadline) {
                // polled: the record is renamed into place, and 10 ms is well inside the bound
                java.util.concurrent.TimeUnit.MILLISECONDS.sleep(10);
            }
            long written = System.nanoTime();
            int exit = gate.awaitExit(STOP);
            Duration afterRecord = Duration.ofNanos(System.nanoTime() - written);

            assertThat(exit).as(gate.output()).isEqualTo(143);
            assertThat(afterRecord).as("from result.json to the exit; " + gate.output()).isLessThan(Duration.ofSeconds(2));
            assertThat(gate.err()).doesNotContain("did not stop within");
            assertThat(Processes.stillRunning(children, Duration.ofSeconds(5))).as("processes left behind").isEmpty();
            JsonNode json = RunFolders.record(dir.resolve("run"), 143);
            assertThat(json.path("interrupted").asBoolean()).isTrue();
            interruptedBeforeTheEnd(json, "TERM");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalWhileLatencyIsSampledStopsTheRun(String signal) {
        site.route("/api/slow", q -> Reply.json("{\"status\":\"ok\"}").after(Duration.ofMillis(20)));
        String yaml = Suites.onePage(site.url(), "apis:\n  - { id: slow, request: { path: /api/slow } }\n"
                + "latency: { endpoints: [slow], samples: 10000, warmup: 0 }\n");
        try (GateProcess gate = verifyWith(yaml)) {
            JsonNode record = interrupt(gate, "→ Sampling latency", signal);

            interruptedBeforeTheEnd(record, signal);
        }
    }

    /** Before a verification claims its run folder there is nothing to mark interrupted: the gate says so. */
    @Test
    void aSignalDuringABaselineLeavesNoBaselineAndNoTemporaryFile() {
        site.route("/api/slow", q -> Reply.json("{\"status\":\"ok\"}").after(Duration.ofMillis(20)));
        Suites.write(dir, "suite.yaml", Suites.onePage(site.url(), "apis:\n  - { id: slow, request: { path: /api/slow } }\n"
                + "latency: { endpoints: [slow], samples: 10000, warmup: 0 }\n"));
        try (GateProcess gate = GateProcess.in(dir).start("baseline", "--suite", "suite.yaml")) {
            gate.awaitLine("→ Sampling latency", STAGE);
            List<ProcessHandle> children = gate.descendants();

            gate.signal("INT");
            int exit = gate.awaitExit(STOP);

            assertThat(exit).as(gate.output()).isEqualTo(130);
            assertThat(gate.err()).endsWith("gate: interrupted by SIGINT before anything was decided; nothing was written");
            assertThat(Processes.stillRunning(children, Duration.ofSeconds(5))).as("processes left behind").isEmpty();
            assertThat(dir.resolve(".gate/shop/baseline.json")).doesNotExist();
            RunFolders.assertNothingHalfWritten(dir.resolve(".gate"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalDuringTheDeployCommandOfGateRunStopsTheDeployAndItsChildren(String signal) throws Exception {
        Path pids = dir.resolve("pids");
        Path deploy = Suites.script(dir, "deploy.sh", "echo $$ > " + pids + "\nsleep 300 &\necho $! >> " + pids
                + "\necho 'deploying to production'\nwait");
        Suites.write(dir, "suite.yaml", Suites.onePage(site.url(), ""));
        try (GateProcess gate = GateProcess.in(dir).start("run", "--suite", "suite.yaml", "--expect-commit", NEW,
                "--out", "run", "--", deploy.toString())) {
            JsonNode record = interrupt(gate, "│ deploying to production", signal);

            assertThat(record.path("reason").asText()).isEqualTo("interrupted by SIG" + signal + " during the deploy command; "
                    + "the deploy command was stopped with its child processes");
            assertThat(RunFolders.check(record, "interrupted").path("status").asText()).isEqualTo("ERROR");
            List<ProcessHandle> script = Files.readAllLines(pids).stream().map(Long::parseLong).map(ProcessHandle::of)
                    .flatMap(java.util.Optional::stream).toList();
            assertThat(Processes.stillRunning(script, Duration.ofSeconds(5))).as("the deploy script and its sleep").isEmpty();
            assertThat(dir.resolve(".gate/shop/baseline.json")).as("the baseline taken before the deploy").isRegularFile();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalDuringTheRollbackCommandStopsItAndItsChildrenAndKeepsTheRecord(String signal) throws Exception {
        site.route("/", q -> Reply.html("<!doctype html><html><head><title>Shop</title><meta name=\"commit\" content=\""
                + NEW + "\"></head><body><main id=\"main\">hello</main>"
                + "<script>console.error('checkout bundle failed to start')</script></body></html>"));
        Path pids = dir.resolve("pids");
        Path rollback = Suites.script(dir, "rollback.sh", "echo $$ > " + pids + "\nsleep 300 &\necho $! >> " + pids
                + "\necho 'rolling back'\nwait");
        try (GateProcess gate = verifyWith(Suites.onePage(site.url(), "on_failure: { rollback: "
                + Suites.argv(rollback.toString()) + ", rollback_timeout: 5m }\n"))) {
            JsonNode record = interrupt(gate, "│ rolling back", signal);

            assertThat(record.path("reason").asText()).isEqualTo("interrupted by SIG" + signal + " while acting on the verdict: "
                    + "home: console error: checkout bundle failed to start (" + site.url() + "/:1); the rollback was "
                    + "interrupted and its command stopped with its child processes; the site may be half rolled back: "
                    + "a person is needed now");
            assertThat(record.path("actions").findValuesAsText("outcome")).startsWith("intended", "interrupted");
            List<ProcessHandle> script = Files.readAllLines(pids).stream().map(Long::parseLong).map(ProcessHandle::of)
                    .flatMap(java.util.Optional::stream).toList();
            assertThat(Processes.stillRunning(script, Duration.ofSeconds(5))).as("the rollback script and its sleep").isEmpty();
            assertThat(Files.readAllLines(dir.resolve("run/actions.log"))).hasSize(2)
                    .satisfies(log -> assertThat(log.get(0)).contains(" intent rollback: ["))
                    .satisfies(log -> assertThat(log.get(1)).endsWith(" rollback interrupted: its command was stopped with its child processes"));
        }
    }
}
