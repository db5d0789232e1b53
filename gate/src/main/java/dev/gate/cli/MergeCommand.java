package dev.gate.cli;

import dev.gate.checks.page.BrowserSession;
import dev.gate.flow.Browsers;
import dev.gate.flow.Completion;
import dev.gate.io.Io;
import dev.gate.report.ConsoleReporter;
import dev.gate.report.RunOutput;
import dev.gate.report.Style;
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
import picocli.CommandLine.Option;
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

    @Option(names = "--baseline", paramLabel = "FILE", description = "The baseline, for the commit to roll back to.")
    Optional<Path> baseline;

    @Option(names = "--repo", paramLabel = "DIR", description = "The checkout to list the commits from.")
    Optional<Path> repo;

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
        RunRecord merged;
        try {
            merged = ShardMerge.merge(shards, s.policy(), io.clock().instant());
        } catch (ShardMerge.MismatchException e) {
            throw new InvalidInput(e.getMessage());
        }
        if (!merged.target().equals(s.target().toString())) {
            throw new InvalidInput("the records verify " + merged.target() + ", but the suite's target is " + s.target());
        }
        Optional<dev.gate.baseline.Baseline> b = inputs.baseline(baseline, s);
        ConsoleReporter console = new ConsoleReporter(io.out(), Style.of(io), s.redactor());
        try (RunFolder folder = inputs.runFolder(out.dir, merged.expectedCommit()); Browsers browsers = new Browsers(io)) {
            console.line(Style.of(io).bold("gate merge") + " · " + shards.size() + " shards · " + merged.target()
                    + " · expecting " + merged.expectedCommit().shortHex());
            // the browser is needed only to confirm a rollback
            Optional<BrowserSession> browser = rollback.allowed() && merged.verdict().blocks()
                    && !s.onFailure().rollback().isEmpty() ? browsers.forSuite(s) : Optional.empty();
            return new Completion(io, s, console, console, sound.player(io)).complete(merged,
                    b.flatMap(dev.gate.baseline.Baseline::liveCommitId), rollback.allowed(), folder.path(), browser,
                    inputs.history(repo)).exitStatus();
        }
    }
}
