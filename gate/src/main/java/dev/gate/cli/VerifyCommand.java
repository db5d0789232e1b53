package dev.gate.cli;

import dev.gate.baseline.Baseline;
import dev.gate.checks.commit.CommitId;
import dev.gate.flow.Browsers;
import dev.gate.flow.Verification;
import dev.gate.io.Io;
import dev.gate.run.RunFolder;
import dev.gate.run.RunListener;
import dev.gate.run.Shard;
import dev.gate.suite.Suite;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "After a deploy: check that the expected commit is live and healthy, then decide.",
        footerHeading = "%nExit statuses:%n",
        footer = {"  0 PASS · 1 BLOCK · 2 invalid suite or flags · 3 rollback failed: a person is needed"})
final class VerifyCommand implements Callable<Integer> {
    private final Io io;

    @Mixin
    SuiteOption suite = new SuiteOption();

    @Mixin
    CommitOptions commit = new CommitOptions();

    @Mixin
    BaselineOption baseline = new BaselineOption();

    @Mixin
    RunFolderOption out = new RunFolderOption();

    @Mixin
    RollbackOption rollback = new RollbackOption();

    @Mixin
    SoundOptions sound = new SoundOptions();

    @Option(names = "--shard", paramLabel = "K/N", description = "Run only shard K of N of the page, API and latency checks.")
    Optional<String> shard;

    VerifyCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        CommandInputs inputs = new CommandInputs(io);
        Suite s = inputs.suite(suite.file);
        CommitId expected = inputs.expectedCommit(commit.sha, commit.repo);
        Optional<Baseline> b = inputs.baseline(baseline.file, s);
        Shard slice = inputs.shard(shard);
        try (Browsers browsers = new Browsers(io); RunFolder folder = inputs.runFolder(out.dir, expected)) {
            return new Verification(io, RunListener.SILENT, sound.player(io)).run(new Verification.Request(s, expected, b,
                    folder, slice, rollback.allowed(), inputs.history(commit.repo), browsers.supply(s))).exitStatus();
        }
    }
}
