package dev.gate.cli;

import dev.gate.baseline.Baseline;
import dev.gate.checks.commit.CommitId;
import dev.gate.run.RunRecord;
import dev.gate.suite.Suite;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "After a deploy: check that the expected commit is live and healthy, then decide.",
        footerHeading = "%nExit statuses:%n",
        footer = {"  0 PASS · 1 BLOCK · 2 invalid suite or flags · 3 rollback failed: a person is needed"})
final class VerifyCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--suite", required = true, paramLabel = "FILE", description = "The suite (YAML).")
    Path suite;

    @Option(names = "--expect-commit", paramLabel = "SHA", description = "The commit that was deployed (7 to 40 or 64 hex digits).")
    Optional<String> expectCommit;

    @Option(names = "--repo", paramLabel = "DIR", description = "Take the expected commit from HEAD of this checkout.")
    Optional<Path> repo;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "The baseline taken before the deploy (default: .gate/baseline.json if it exists).")
    Optional<Path> baseline;

    @Option(names = "--out", paramLabel = "DIR", description = "The run folder (default: .gate/runs/<UTC time>-<sha7>).")
    Optional<Path> out;

    @Option(names = "--no-rollback", description = "Do not run the suite's rollback command, even on BLOCK.")
    boolean noRollback;

    @picocli.CommandLine.Mixin
    SoundOptions sound = new SoundOptions();

    @Option(names = "--shard", paramLabel = "K/N", description = "Run only shard K of N of the page, API and latency checks.")
    Optional<String> shard;

    VerifyCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws InterruptedException {
        CommandInputs inputs = new CommandInputs(io);
        try (Browsers browsers = new Browsers(io)) {
            Suite s = inputs.suite(suite);
            CommitId expected = inputs.expectedCommit(expectCommit, repo);
            Optional<Baseline> b = inputs.baseline(baseline, s);
            VerifyFlow.Options options = new VerifyFlow.Options(out, inputs.shard(shard), !noRollback, inputs.history(repo));
            RunRecord record = new VerifyFlow(io, browsers, dev.gate.run.RunListener.SILENT, sound.player(io)).run(s, expected, b, options);
            return record.exitStatus();
        } catch (InvalidInput e) {
            inputs.report(e);
            return ExitStatus.INVALID;
        }
    }
}
