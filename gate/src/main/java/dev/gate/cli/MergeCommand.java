package dev.gate.cli;

import dev.gate.baseline.Baseline;
import dev.gate.flow.Browsers;
import dev.gate.flow.ShardVerdict;
import dev.gate.io.Io;
import dev.gate.report.RunOutput;
import dev.gate.run.CheckExecutor;
import dev.gate.run.RunFolder;
import dev.gate.run.RunRecord;
import dev.gate.run.ShardMerge;
import dev.gate.suite.Suite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "One verdict from sharded runs: merges their result.json into one run record with the same "
                + "reports, and runs the actions (rollback, post-mortem) once.")
final class MergeCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(arity = "1..*", paramLabel = "RESULT.json", description = "The run records of the shards.")
    List<Path> results;

    @Mixin
    SuiteOption suite = new SuiteOption();

    @Mixin
    RunFolderOption out = new RunFolderOption();

    @Mixin
    BaselineOption baseline = new BaselineOption();

    @Mixin
    HistoryOption history = new HistoryOption();

    @Mixin
    RollbackOption rollback = new RollbackOption();

    @Mixin
    SoundOptions sound = new SoundOptions();

    MergeCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        CommandInputs inputs = new CommandInputs(io);
        List<RunRecord> shards = new ArrayList<>();
        for (Path p : results) {
            try {
                shards.add(RunOutput.read(io.resolve(p)));
            } catch (IOException e) {
                throw new InvalidInput(p + ": not a readable run record: " + CheckExecutor.oneLine(e));
            }
        }
        Suite s = inputs.suite(suite.file);
        ShardVerdict verdict = new ShardVerdict(io, sound.player(io));
        RunRecord merged;
        try {
            merged = verdict.merge(s, shards);
        } catch (ShardMerge.MismatchException e) {
            throw new InvalidInput(e.getMessage());
        }
        Optional<Baseline> b = inputs.baseline(baseline.file, s);
        try (RunFolder folder = inputs.runFolder(out.dir, merged.expectedCommit()); Browsers browsers = new Browsers(io)) {
            return verdict.complete(new ShardVerdict.Request(s, merged, shards.size(), b, folder, rollback.allowed(),
                    inputs.history(history.repo), browsers.supply(s))).exitStatus();
        }
    }
}
