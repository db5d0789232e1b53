package dev.gate.flow;

import dev.gate.act.CommandRunner;
import dev.gate.act.ProcessOutcome;
import dev.gate.act.sound.Sound;
import dev.gate.act.sound.SoundPlayer;
import dev.gate.baseline.Baseline;
import dev.gate.baseline.BaselineTaker;
import dev.gate.checks.Progress;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.page.BrowserUnavailableException;
import dev.gate.io.Io;
import dev.gate.report.ConsoleReporter;
import dev.gate.report.RunOutput;
import dev.gate.report.Style;
import dev.gate.run.BrowserSupply;
import dev.gate.run.ExitStatus;
import dev.gate.run.RunFolder;
import dev.gate.run.RunListener;
import dev.gate.run.RunRecord;
import dev.gate.run.Shard;
import dev.gate.suite.Suite;
import dev.gate.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The deployer's local run, {@code gate run}: a baseline, then the deploy command (an argument
 * vector, no shell, its output streamed), then the verification, with a foghorn the moment the
 * release is first seen live. A signal before the verification still leaves a run record.
 */
public final class LocalRun {
    private final Io io;
    private final SoundPlayer player;

    public LocalRun(Io io, SoundPlayer player) {
        this.io = io;
        this.player = player;
    }

    /**
     * @param baselineFile where the baseline taken before the deploy goes
     * @param deploy       the deploy command and its arguments
     */
    public record Request(Suite suite, CommitId expected, Path baselineFile, List<String> deploy, Duration deployTimeout,
                          RunFolder folder, boolean rollback, Optional<Path> repo, BrowserSupply browser) {
        public Request {
            deploy = List.copyOf(deploy);
        }
    }

    /** @return the exit status */
    public int run(Request request) throws InterruptedException, BrowserUnavailableException, IOException {
        Suite suite = request.suite();
        Instant started = io.clock().instant();
        String stage = "the baseline";
        Optional<Baseline> baseline;
        Instant deployStarted;
        try {
            baseline = new BaselineTaker(io).take(suite, request.baselineFile(), request.browser()).baseline();
            baseline.ifPresent(b -> new HistoryStep(io, suite, new ConsoleReporter(io.out(), Style.of(io), suite.redactor()))
                    .recordBaseline(b, started));
            stage = "the deploy command";
            deployStarted = io.clock().instant();
            if (!deployed(request)) {
                return ExitStatus.BLOCK;
            }
        } catch (InterruptedException e) {
            ConsoleReporter console = new ConsoleReporter(io.out(), Style.of(io), suite.redactor());
            Path runDir = request.folder().path();
            RunRecord record = new Completion(io, suite, console, console, player)
                    .stoppedBefore(request.expected(), stage, started, runDir);
            Path result = runDir.resolve(RunOutput.RESULT);
            if (Files.exists(result)) {
                io.err().println("gate: " + record.reason() + "; record: " + result);
            }
            return record.exitStatus();
        }
        return new Verification(io, foghorn(request.expected()), player).run(new Verification.Request(suite,
                request.expected(), baseline, request.folder(), Shard.ALL, request.rollback(), request.repo(),
                request.browser(), Optional.of(deployStarted))).exitStatus();
    }

    private RunListener foghorn(CommitId expected) {
        return new RunListener() {
            private final AtomicBoolean sounded = new AtomicBoolean();

            @Override
            public void milestone(String id, String event) {
                if (event.equals(Progress.RELEASE_SEEN) && sounded.compareAndSet(false, true)) {
                    io.out().println("gate: " + expected.shortHex() + " is live: the foghorn sounds");
                    player.play(Sound.FOGHORN);
                }
            }
        };
    }

    /** Runs the deploy command, streaming its output; false (and the BLOCK sound) when it failed. */
    private boolean deployed(Request request) throws InterruptedException, IOException {
        Suite suite = request.suite();
        CommitId expected = request.expected();
        io.out().println("→ Deploying " + expected.shortHex() + ": " + CommandRunner.display(request.deploy(), suite.redactor()));
        Path log = Files.createTempFile("gate-deploy-", ".log");
        try {
            Map<String, String> env = Map.of("GATE_EXPECTED_COMMIT", expected.hex(), "GATE_TARGET", suite.target().toString());
            ProcessOutcome outcome = new CommandRunner(suite.redactor())
                    .run(request.deploy(), env, io.cwd(), request.deployTimeout(), log, Optional.of(io.out()));
            if (!outcome.succeeded()) {
                io.out().println(Style.of(io).verdict(Verdict.BLOCK) + "  deploy command failed: "
                        + outcome.describe() + "; nothing was verified");
                player.play(Sound.BLOCK).awaitEnd();
                return false;
            }
            io.out().println("→ The deploy command " + outcome.describe());
            return true;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
