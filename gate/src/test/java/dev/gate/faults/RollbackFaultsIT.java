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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release went live and is broken (its page logs a console error), so the suite's rollback
 * runs, through the real command line. Each way the rollback command can fail ends in exit 3 with
 * the reason, after the intent was written to actions.log before the command started.
 */
class RollbackFaultsIT {
    private static final String TOKEN = "s3cr3t-rollback-7d1e";

    @TempDir
    Path dir;
    private TestSite site;

    @BeforeEach
    void start() {
        site = TestSite.start();
        site.route("/", q -> Reply.html("<!doctype html><html><head><title>Shop</title><meta name=\"commit\" content=\""
                + NEW + "\"></head><body><main id=\"main\">hello</main>"
                + "<script>console.error('checkout bundle failed to start')</script></body></html>"));
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private Cli.Result verifyWithRollback(String argv, String timeout) {
        Suites.write(dir, "suite.yaml", Suites.onePage(site.url(), "secrets: [\"${env:GATE_ROLLBACK_TOKEN}\"]\n"
                + "on_failure: { rollback: " + argv + ", rollback_timeout: " + timeout + " }\n"));
        Cli gate = new Cli(dir).env("GATE_ROLLBACK_TOKEN", TOKEN);
        return assertTimeoutPreemptively(Duration.ofSeconds(90),
                () -> gate.run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run"));
    }

    /** Exit 3, a record that says the rollback failed and why, and the write-ahead entry before anything else. */
    private JsonNode personNeeded(Cli.Result r, String line) {
        assertThat(r.exit()).as(r.all()).isEqualTo(3);
        JsonNode record = RunFolders.record(dir.resolve("run"), 3);
        assertThat(record.path("release").asText()).isEqualTo("LIVE");
        assertThat(record.path("reason").asText()).matches("home: console error: checkout bundle failed to start.*; "
                + line + ": a person is needed now");
        JsonNode actions = record.path("actions");
        assertThat(actions.get(0).path("kind").asText() + " " + actions.get(0).path("outcome").asText()).isEqualTo("rollback intended");
        assertThat(actions.get(1).path("kind").asText() + " " + actions.get(1).path("outcome").asText()).isEqualTo("rollback failed");
        assertThat(actions.get(1).path("summary").asText()).matches(line);
        assertThat(r.out()).containsPattern("rollback failed: " + line);
        RunFolders.assertNothingHalfWritten(dir.resolve("run"));
        return record;
    }

    private List<String> actionsLog() throws Exception {
        List<String> log = Files.readAllLines(dir.resolve("run/actions.log"));
        assertThat(log.get(0)).as("the write-ahead entry comes first").matches("\\S+Z intent rollback: \\[.*\\] expected=" + NEW
                + " previous=unknown because the new release is live and failed the gate: rolling back");
        return log;
    }

    @Test
    void aRollbackThatExitsZeroWhileTheBlockedReleaseStaysLiveNamesEachReleaseByItsRole() throws Exception {
        // the baseline sees the old release live, so the rollback knows what has to come back
        site.route("/version", q -> Reply.json("{\"commit\":\"" + Suites.OLD + "\"}"));
        site.route("/api/health", q -> Reply.json("{\"status\":\"ok\"}"));
        Path script = Suites.script(dir, "rollback.sh", "echo 'rolled back (not really)'");
        Suites.write(dir, "suite.yaml", Suites.apisOnly(site.url(), "on_failure: { rollback: " + Suites.argv(script.toString())
                + ", rollback_timeout: 10s }\n"));
        Cli gate = new Cli(dir);
        assertThat(run(gate, "baseline", "--suite", "suite.yaml").exit()).isZero();
        site.route("/version", q -> Reply.json("{\"commit\":\"" + NEW + "\"}"));
        site.route("/api/health", q -> Reply.json("{\"status\":\"down\"}"));

        Cli.Result r = run(gate, "verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run");

        String line = "the rollback command exited 0 after \\S+, but the previous release is not back: no response in 3s served "
                + Suites.OLD.substring(0, 7) + "; /version: 7 of 7 responses served "
                + NEW.substring(0, 7) + " \\(blocked release\\)";
        assertThat(r.exit()).as(r.all()).isEqualTo(3);
        JsonNode record = RunFolders.record(dir.resolve("run"), 3);
        assertThat(record.path("reason").asText()).matches("health: .*; " + line);
        assertThat(record.path("actions").get(1).path("outcome").asText()).isEqualTo("unconfirmed");
        assertThat(record.path("actions").get(1).path("summary").asText()).matches(line);
        assertThat(r.out()).doesNotContain("(rolled back)").doesNotContain("the deploy did not go live");
    }

    private static Cli.Result run(Cli gate, String... args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(90), () -> gate.run(args));
    }

    @Test
    void aMissingRollbackCommandNeedsAPerson() throws Exception {
        Cli.Result r = verifyWithRollback(Suites.argv("./no-such-rollback.sh"), "10s");

        personNeeded(r, "the rollback command could not start: \\./no-such-rollback\\.sh: no such file \\(commands run "
                + "without a shell: give a path, or a program on the PATH\\)");
        assertThat(actionsLog()).hasSize(2).last().asString().endsWith(" rollback could not start: ./no-such-rollback.sh: "
                + "no such file (commands run without a shell: give a path, or a program on the PATH)");
    }

    @Test
    void aRollbackCommandThatIsNotExecutableNeedsAPerson() throws Exception {
        Path plain = Files.writeString(dir.resolve("rollback.sh"), "#!/bin/sh\nexit 0\n");

        Cli.Result r = verifyWithRollback(Suites.argv(plain.toString()), "10s");

        personNeeded(r, "the rollback command could not start: " + java.util.regex.Pattern.quote(plain.toString())
                + ": not executable \\(chmod \\+x it, or run it through its interpreter\\)");
        assertThat(actionsLog()).hasSize(2);
    }

    @Test
    void aRollbackCommandThatExitsOneNeedsAPersonAndRanAfterItsIntentWasOnDisk() throws Exception {
        Path script = Suites.script(dir, "rollback.sh", "cat \"$GATE_RUN_DIR/actions.log\"\n"
                + "echo 'kubectl: connection refused' >&2\nexit 1");

        Cli.Result r = verifyWithRollback(Suites.argv(script.toString()), "10s");

        personNeeded(r, "the rollback command exited 1 after \\S+");
        List<String> log = actionsLog();
        assertThat(log).hasSize(2);
        assertThat(log.get(1)).matches("\\S+Z rollback exited 1 after \\S+");
        assertThat(Files.readAllLines(dir.resolve("run/artifacts/rollback.log")))
                .as("what the command saw in actions.log while it ran").containsExactly(log.get(0), "kubectl: connection refused");
    }

    @Test
    void aHangingRollbackIsKilledAtItsTimeoutWithItsChildren() throws Exception {
        Path pids = dir.resolve("pids");
        Path script = Suites.script(dir, "rollback.sh", "echo $$ > " + pids + "\nsleep 300 &\necho $! >> " + pids
                + "\necho 'waiting for the cluster'\nwait");

        Cli.Result r = verifyWithRollback(Suites.argv(script.toString()), "1s");

        personNeeded(r, "the rollback command killed with its child processes at its timeout, after \\S+");
        List<ProcessHandle> started = Files.readAllLines(pids).stream().map(Long::parseLong).map(ProcessHandle::of)
                .flatMap(java.util.Optional::stream).toList();
        assertThat(Processes.stillRunning(started, Duration.ofSeconds(5))).as("the script and its child sleep").isEmpty();
        assertThat(actionsLog()).hasSize(2).last().asString().contains(" rollback killed with its child processes at its timeout");
        assertThat(dir.resolve("run/artifacts/rollback.log")).content().isEqualTo("waiting for the cluster\n");
    }

    @Test
    void aDaemonTheRollbackDoubleForkedAndThatIgnoresSigtermIsKilledWithItsSession() throws Exception {
        Path pids = dir.resolve("pids");
        Path daemonPid = dir.resolve("daemon.pid");
        // the subshell exits at once: the daemon is re-parented and is no longer in the script's tree
        Path script = Suites.script(dir, "rollback.sh", "echo $$ > " + pids + "\n"
                + "( sh -c 'trap \"\" TERM; echo $$ > " + daemonPid + "; exec sleep 300' </dev/null >/dev/null 2>&1 & )\n"
                + "while [ ! -s " + daemonPid + " ]; do sleep 0.05; done\n"
                + "echo 'daemon started'\nsleep 300 &\necho $! >> " + pids + "\nwait");

        Cli.Result r = verifyWithRollback(Suites.argv(script.toString()), "1s");

        personNeeded(r, "the rollback command killed with its child processes at its timeout, after \\S+");
        // already gone is what is expected: a handle is found only for a daemon that survived
        java.util.Optional<ProcessHandle> daemon = ProcessHandle.of(Long.parseLong(Files.readString(daemonPid).strip()));
        List<ProcessHandle> started = new java.util.ArrayList<>(Files.readAllLines(pids).stream().map(Long::parseLong)
                .map(ProcessHandle::of).flatMap(java.util.Optional::stream).toList());
        daemon.ifPresent(started::add);
        try {
            assertThat(Processes.stillRunning(started, Duration.ofSeconds(10))).as("the script, its sleep and the daemon").isEmpty();
        } finally {
            daemon.ifPresent(ProcessHandle::destroyForcibly);
        }
        assertThat(dir.resolve("run/artifacts/rollback.log")).content().isEqualTo("daemon started\n");
    }

    @Test
    void aRollbackPrintingManyMegabytesKeepsOnlyTheHeadAndTheTailAndSaysWhatItDropped() throws Exception {
        // 200,000 lines of 36 bytes (7.2 MB), then one line of 3 MB without a line end before the last
        Path script = Suites.script(dir, "rollback.sh", "echo 'first line: rolling back with " + TOKEN + "'\n"
                + "yes 'filler line of the rollback output' | head -n 200000\n"
                + "head -c 3000000 /dev/zero | tr '\\0' x; echo\n"
                + "echo 'last line: cluster unreachable'\nexit 1");

        Cli.Result r = verifyWithRollback(Suites.argv(script.toString()), "60s");

        personNeeded(r, "the rollback command exited 1 after \\S+");
        Path rollbackLog = dir.resolve("run/artifacts/rollback.log");
        assertThat(Files.size(rollbackLog)).as("two ends of 1 MiB, the note").isBetween(2L * 1024 * 1024 - 200, 2L * 1024 * 1024 + 200);
        List<String> log = Files.readAllLines(rollbackLog);
        assertThat(log.get(0)).isEqualTo("first line: rolling back with •••");
        assertThat(log.get(log.size() - 1)).isEqualTo("last line: cluster unreachable");
        assertThat(log.get(log.size() - 2)).as("cut short of the longest secret's length")
                .isEqualTo("x".repeat(16 * 1024 - TOKEN.length()) + "… (the line had 3000000 characters)");
        List<String> notes = log.stream().filter(l -> l.startsWith("… ")).toList();
        assertThat(notes).hasSize(1);
        java.util.regex.Matcher note = java.util.regex.Pattern.compile("… (\\d+) lines \\((\\d+\\.\\d) MiB\\) of output dropped here: "
                + "only the first 1\\.0 MiB and the last 1\\.0 MiB are kept").matcher(notes.get(0));
        assertThat(note.matches()).as(notes.get(0)).isTrue();
        assertThat(log.size() - 1 + Long.parseLong(note.group(1))).as("lines kept and dropped: every line the script printed")
                .isEqualTo(1 + 200000 + 1 + 1);
        assertThat(log.subList(1, log.size() - 2)).as("between the ends, only filler and the note")
                .allMatch(l -> l.equals("filler line of the rollback output") || l.startsWith("… "));

        String console = r.out();
        assertThat(console.length()).as("the console shows 32 KiB of each end").isLessThan(100 * 1024);
        assertThat(console).contains("  │ first line: rolling back with •••\n", "  │ last line: cluster unreachable\n")
                .containsPattern("  │ … \\d+ lines \\(\\d+\\.\\d MiB\\) of output dropped here: only the first 32\\.0 KiB and the last "
                        + "32\\.0 KiB are kept\n");
        assertThat(r.all()).doesNotContain(TOKEN);
    }

    @Test
    void aSecretTheRollbackPrintsIsRedactedEverywhere() throws Exception {
        Path script = Suites.script(dir, "rollback.sh", "echo 'authenticating with " + TOKEN + "'\nexit 1");

        Cli.Result r = verifyWithRollback(Suites.argv(script.toString()), "10s");

        personNeeded(r, "the rollback command exited 1 after \\S+");
        assertThat(dir.resolve("run/artifacts/rollback.log")).content().isEqualTo("authenticating with •••\n");
        assertThat(r.out()).contains("│ authenticating with •••");
        assertThat(r.all()).doesNotContain(TOKEN);
        assertThat(RunFolders.filesContaining(dir, TOKEN)).as("files holding the secret").containsExactly("rollback.sh");
    }
}
