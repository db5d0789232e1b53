package dev.gate.cli;

import dev.gate.act.CommandRunner;
import dev.gate.act.ProcessOutcome;
import dev.gate.act.sound.Sound;
import dev.gate.act.sound.SoundPlayer;
import dev.gate.baseline.Baseline;
import dev.gate.checks.Progress;
import dev.gate.checks.Redactor;
import dev.gate.checks.commit.CommitId;
import dev.gate.run.RunListener;
import dev.gate.run.RunRecord;
import dev.gate.suite.Suite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "The deployer's local run: take a baseline, run the deploy command (its output streamed), "
                + "then verify and act. With --audible, a foghorn sounds the moment the release goes live.",
        footerHeading = "%nExample:%n",
        footer = {"  gate run --suite gate.yaml --repo . --audible -- ./deploy.sh production",
            "",
            "Exit statuses: 0 PASS · 1 BLOCK, or the deploy command failed · 2 invalid suite or flags, or a deploy "
                    + "freeze is active · 3 rollback failed: a person is needed"})
final class RunCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--suite", required = true, paramLabel = "FILE", description = "The suite (YAML).")
    Path suite;

    @Option(names = "--expect-commit", paramLabel = "SHA", description = "The commit the deploy puts live.")
    Optional<String> expectCommit;

    @Option(names = "--repo", paramLabel = "DIR", description = "Take the expected commit from HEAD of this checkout.")
    Optional<Path> repo;

    @Option(names = "--out", paramLabel = "DIR", description = "The run folder (default: .gate/runs/<UTC time>-<sha7>).")
    Optional<Path> out;

    @Option(names = "--no-rollback", description = "Do not run the suite's rollback command, even on BLOCK.")
    boolean noRollback;

    @Option(names = "--override-freeze", description = "Deploy even inside one of the suite's freeze windows.")
    boolean overrideFreeze;

    @Option(names = "--deploy-timeout", paramLabel = "DURATION", defaultValue = "30m",
            description = "Stop the deploy command after this long (default: ${DEFAULT-VALUE}).")
    String deployTimeout;

    @Mixin
    SoundOptions sound = new SoundOptions();

    @Parameters(arity = "1..*", paramLabel = "DEPLOY COMMAND", description = "The deploy command and its arguments, after --.")
    List<String> deploy;

    RunCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        CommandInputs inputs = new CommandInputs(io);
        // one browser for the baseline, the verification and a rollback's confirmation
        try (Browsers browsers = new Browsers(io)) {
            Suite s = inputs.suite(suite);
            CommitId expected = inputs.expectedCommit(expectCommit, repo);
            Duration timeout = inputs.duration("--deploy-timeout", deployTimeout);
            Optional<String> frozen = s.freeze().refusalAt(io.clock().instant());
            if (frozen.isPresent() && !overrideFreeze) {
                throw new InvalidInput(frozen.get());
            }
            frozen.ifPresent(f -> io.out().println("gate: deploying inside a freeze window (--override-freeze): " + f));
            SoundPlayer player = sound.player(io);
            Path baselineFile = io.resolve(CommandInputs.DEFAULT_BASELINE);
            java.time.Instant started = io.clock().instant();
            String stage = "the baseline";
            Optional<Baseline> baseline;
            try {
                baseline = new BaselineFlow(io, browsers).run(s, baselineFile).baseline();
                stage = "the deploy command";
                if (!deployed(s, expected, timeout, player)) {
                    return ExitStatus.BLOCK;
                }
            } catch (InterruptedException e) {
                return interrupted(s, expected, stage, started);
            }
            RunListener foghorn = new RunListener() {
                private final AtomicBoolean sounded = new AtomicBoolean();

                @Override
                public void milestone(String id, String event) {
                    if (event.equals(Progress.RELEASE_SEEN) && sounded.compareAndSet(false, true)) {
                        io.out().println("gate: " + expected.shortHex() + " is live: the foghorn sounds");
                        player.play(Sound.FOGHORN);
                    }
                }
            };
            RunRecord record = new VerifyFlow(io, browsers, foghorn, player).run(s, expected, baseline,
                    new VerifyFlow.Options(out, dev.gate.run.Shard.ALL, !noRollback, inputs.history(repo)));
            return record.exitStatus();
        } catch (InvalidInput e) {
            inputs.report(e);
            return ExitStatus.INVALID;
        }
    }

    /** Stopped by a signal before the verification: the record says so, and where. */
    private int interrupted(Suite s, CommitId expected, String stage, java.time.Instant started) throws InvalidInput {
        Interruption.shield();
        Path dir = out.map(io::resolve).orElseGet(() -> dev.gate.run.RunFolder.defaultPath(io.cwd(), started, expected));
        dev.gate.checks.CheckResult stopped = dev.gate.checks.CheckResult.error("interrupted", "gate", "the run",
                "interrupted by SIG" + Interruption.signal().orElse("INT") + " during " + stage
                        + "; the deploy command was stopped with its child processes");
        RunRecord record = new RunRecord(RunRecord.SCHEMA, dev.gate.run.GateVersion.get(),
                new RunRecord.SuiteRef(s.name(), s.file().toString()), s.target().toString(), started, io.clock().instant(),
                io.clock().instant(), expected.hex(), Optional.empty(), Optional.empty(), "UNKNOWN",
                dev.gate.verdict.Verdict.BLOCK, Interruption.exitStatus(), stopped.summary(),
                List.of(dev.gate.run.CheckRecord.of(stopped)), List.of(), true, Optional.empty());
        try (dev.gate.run.RunFolder folder = dev.gate.run.RunFolder.claim(dir)) {
            dev.gate.report.Reports.writeAll(new dev.gate.run.RecordRedaction(Redactor.of(s.secrets())).apply(record),
                    folder.path(), io.env(), io.out());
            io.err().println("gate: " + record.reason() + "; record: " + dir.resolve("result.json"));
        } catch (dev.gate.run.RunFolder.RunFolderException | IOException e) {
            io.err().println("gate: " + record.reason() + "; the record could not be written: " + e.getMessage());
        }
        return record.exitStatus();
    }

    /** Runs the deploy command, streaming its output; false (and the BLOCK sound) when it failed. */
    private boolean deployed(Suite s, CommitId expected, Duration timeout, SoundPlayer player)
            throws InterruptedException, IOException {
        io.out().println("→ Deploying " + expected.shortHex() + ": " + CommandRunner.display(deploy));
        Path log = Files.createTempFile("gate-deploy-", ".log");
        try {
            Map<String, String> env = Map.of("GATE_EXPECTED_COMMIT", expected.hex(), "GATE_TARGET", s.target().toString());
            ProcessOutcome outcome = new CommandRunner(Redactor.of(s.secrets()))
                    .run(deploy, env, io.cwd(), timeout, log, Optional.of(io.out()));
            if (!outcome.succeeded()) {
                io.out().println(io.style().verdict(dev.gate.verdict.Verdict.BLOCK) + "  deploy command failed: "
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
