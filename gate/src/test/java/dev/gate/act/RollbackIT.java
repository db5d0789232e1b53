package dev.gate.act;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.checks.CheckContext;
import dev.gate.checks.Progress;
import dev.gate.checks.Redactor;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.commit.Liveness;
import dev.gate.checks.http.HttpProbe;
import dev.gate.checks.http.TlsPolicy;
import dev.gate.checks.testing.ManualClock;
import dev.gate.demo.DemoReleases;
import dev.gate.demo.DemoRepository;
import dev.gate.demo.DemoSite;
import dev.gate.run.ActionRecord;
import dev.gate.run.RunListener;
import dev.gate.suite.Suite;
import dev.gate.suite.SuiteLoader;
import dev.gate.verdict.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rollback with real processes against the demo shop, without a browser (commit confirmation only). */
class RollbackIT {
    @TempDir
    Path dir;
    private DemoRepository repo;
    private DemoSite site;
    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");
    private final ByteArrayOutputStream echo = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        repo = DemoRepository.create(dir.resolve("repo"), DemoReleases.all(), Instant.parse("2026-11-02T09:00:00Z"));
        site = DemoSite.start(repo.commits(), "v1", 7);
        site.latency(false);
        site.deployNow("v2");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private Suite suite(String rollback, String timeout) throws Exception {
        Path file = dir.resolve("suite.yaml");
        Files.writeString(file, "name: shop\ntarget: " + site.url() + "\n"
                + "commit: { converge: { consecutive: 2, timeout: 3s, interval: 500ms } }\n"
                + "pages: [{ id: home, path: / }, { id: product, path: /p/42 }]\n"
                + "secrets: [\"s3cr3t-rollback-token\"]\n"
                + "on_failure: { rollback: " + rollback + ", rollback_timeout: " + timeout + " }\n");
        return new SuiteLoader(Map.of()).load(file);
    }

    private static String quoted(List<String> argv) {
        return argv.stream().map(a -> "\"" + a.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    private static List<String> demoControl(String url, String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.gate.cli.Main", "demo-control", url));
        argv.addAll(List.of(args));
        return argv;
    }

    private Path script(String name, String body) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private RollbackOutcome rollBack(Suite suite, Optional<CommitId> previous) throws Exception {
        Path runDir = Files.createDirectories(dir.resolve("run"));
        CheckContext context = new CheckContext(suite.target(), new HttpProbe(Duration.ofSeconds(5), TlsPolicy.VERIFY),
                clock, clock, runDir, Redactor.of(suite.secrets()), Progress.silent());
        RollbackPlan plan = RollbackPlan.decide(suite, Verdict.BLOCK, Liveness.LIVE, true, previous, Optional.empty());
        return new Rollback(suite, clock, RunListener.SILENT, new PrintStream(echo, true, StandardCharsets.UTF_8))
                .perform(plan, repo.commit("v5"), "BLOCK", context, Optional.empty());
    }

    @Test
    void aRollbackThatBringsThePreviousReleaseBackIsConfirmed() throws Exception {
        site.deploy("v5");
        Suite suite = suite(quoted(demoControl(site.url().toString(), "rollback")), "60s");

        RollbackOutcome outcome = rollBack(suite, Optional.of(repo.commit("v2")));

        assertThat(outcome.exitStatus()).isEqualTo(1);
        assertThat(outcome.line()).startsWith("rolled back to " + repo.commit("v2").shortHex() + " and confirmed");
        assertThat(outcome.actions()).extracting(ActionRecord::outcome).containsExactly("intended", "succeeded");
        assertThat(site.liveVersion()).isEqualTo("v2");
        List<String> log = Files.readAllLines(dir.resolve("run/actions.log"));
        assertThat(log).hasSize(3);
        assertThat(log.get(0)).contains("intent rollback: [").contains("previous=" + repo.commit("v2").hex());
        assertThat(log.get(1)).contains("rollback exited 0 after");
        assertThat(log.get(2)).contains("rollback confirmed");
        assertThat(dir.resolve("run/artifacts/rollback.log")).content().contains("rollback: {\"version\":\"v2\"");
    }

    @Test
    void theRollbackGetsTheCommitsAndTheTargetInItsEnvironment() throws Exception {
        Path seen = dir.resolve("env.txt");
        Path s = script("rollback.sh", "env | grep ^GATE_ | sort > " + seen + "\n" + String.join(" ", demoControl(site.url().toString(), "rollback")));
        site.deploy("v5");

        rollBack(suite(quoted(List.of(s.toString())), "60s"), Optional.of(repo.commit("v2")));

        assertThat(Files.readAllLines(seen)).containsExactly(
                "GATE_EXPECTED_COMMIT=" + repo.commit("v5").hex(),
                "GATE_PREVIOUS_COMMIT=" + repo.commit("v2").hex(),
                "GATE_RUN_DIR=" + dir.resolve("run").toAbsolutePath(),
                "GATE_TARGET=" + site.url(),
                "GATE_VERDICT=BLOCK");
    }

    @Test
    void aFailingRollbackCommandNeedsAPerson() throws Exception {
        Path s = script("fail.sh", "echo 'kubectl: connection refused' >&2\nexit 1");

        RollbackOutcome outcome = rollBack(suite(quoted(List.of(s.toString())), "60s"), Optional.of(repo.commit("v2")));

        assertThat(outcome.exitStatus()).isEqualTo(3);
        assertThat(outcome.line()).matches("the rollback command exited 1 after \\S+: a person is needed now");
        assertThat(dir.resolve("run/artifacts/rollback.log")).content().contains("kubectl: connection refused");
    }

    @Test
    void aHangingRollbackIsKilledAtItsTimeoutWithItsChildren() throws Exception {
        Path pids = dir.resolve("pids");
        Path s = script("hang.sh", "sleep 300 &\necho $! > " + pids + "\necho started\nsleep 300");

        RollbackOutcome outcome = rollBack(suite(quoted(List.of(s.toString())), "1s"), Optional.of(repo.commit("v2")));

        assertThat(outcome.exitStatus()).isEqualTo(3);
        assertThat(outcome.line()).startsWith("the rollback command killed with its child processes at its timeout");
        long child = Long.parseLong(Files.readString(pids).trim());
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).as("the child sleep is gone").isFalse();
    }

    @Test
    void aMissingOrNonExecutableCommandIsNamed() throws Exception {
        Path notExecutable = dir.resolve("plain.sh");
        Files.writeString(notExecutable, "#!/bin/sh\nexit 0\n");

        RollbackOutcome missing = rollBack(suite("[\"./no-such-rollback.sh\"]", "10s"), Optional.of(repo.commit("v2")));
        RollbackOutcome plain = rollBack(suite(quoted(List.of(notExecutable.toString())), "10s"), Optional.of(repo.commit("v2")));

        assertThat(missing.exitStatus()).isEqualTo(3);
        assertThat(missing.line()).isEqualTo("the rollback command could not start: ./no-such-rollback.sh: no such file "
                + "(commands run without a shell: give a path, or a program on the PATH): a person is needed now");
        assertThat(plain.line()).contains("plain.sh: not executable (chmod +x it, or run it through its interpreter)");
    }

    @Test
    void aSecretTheRollbackPrintsIsRedacted() throws Exception {
        Path s = script("leak.sh", "echo 'using token s3cr3t-rollback-token'\nexit 1");

        rollBack(suite(quoted(List.of(s.toString())), "10s"), Optional.of(repo.commit("v2")));

        String log = Files.readString(dir.resolve("run/artifacts/rollback.log"));
        assertThat(log).contains("using token •••").doesNotContain("s3cr3t-rollback-token");
        assertThat(echo.toString(StandardCharsets.UTF_8)).doesNotContain("s3cr3t-rollback-token");
    }

    @Test
    void aRollbackThatDoesNotBringTheOldReleaseBackNeedsAPersonAndNamesEachReleaseByItsRole() throws Exception {
        site.deployNow("v5");
        Path s = script("noop.sh", "echo 'rolled back (not really)'");

        RollbackOutcome outcome = rollBack(suite(quoted(List.of(s.toString())), "10s"), Optional.of(repo.commit("v2")));

        assertThat(outcome.exitStatus()).isEqualTo(3);
        // v2 is the release that should be back, v5 the blocked one still served: not "(rolled back)", not "the deploy"
        assertThat(outcome.line()).matches("the rollback command exited 0 after \\S+, but the previous release is not back: "
                + "no response in 3s served " + repo.commit("v2").shortHex() + "; "
                + "/: 7 of 7 responses served " + repo.commit("v5").shortHex() + " \\(blocked release\\)");
        assertThat(outcome.actions()).extracting(ActionRecord::outcome).containsExactly("intended", "unconfirmed");
    }

    @Test
    void aRollbackWithoutAKnownPreviousCommitCannotBeConfirmed() throws Exception {
        Path s = script("ok.sh", "exit 0");

        RollbackOutcome outcome = rollBack(suite(quoted(List.of(s.toString())), "10s"), Optional.empty());

        assertThat(outcome.exitStatus()).isEqualTo(3);
        assertThat(outcome.line()).contains("but the previous commit is unknown, so the rollback cannot be confirmed");
    }

    @Test
    void aReleaseThatNeverWentLiveIsNotRolledBack() throws Exception {
        Suite suite = suite("[\"./rollback.sh\"]", "10s");

        RollbackPlan never = RollbackPlan.decide(suite, Verdict.BLOCK, Liveness.NEVER_LIVE, true, Optional.empty(), Optional.empty());
        RollbackPlan partly = RollbackPlan.decide(suite, Verdict.BLOCK, Liveness.PARTLY_LIVE, true, Optional.empty(), Optional.empty());
        RollbackPlan refused = RollbackPlan.decide(suite, Verdict.BLOCK, Liveness.LIVE, false, Optional.empty(), Optional.empty());

        assertThat(never.run()).isFalse();
        assertThat(never.reason()).isEqualTo("the deploy did not go live: nothing to roll back");
        assertThat(partly.run()).isTrue();
        assertThat(refused.run()).isFalse();
        assertThat(refused.reason()).isEqualTo("no rollback: --no-rollback was given");
    }
}
