package dev.gate.cli;

import dev.gate.checks.Redactor;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.page.BrowserSession;
import dev.gate.report.ConsoleReporter;
import dev.gate.report.RunOutput;
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

    @Option(names = "--suite", required = true, paramLabel = "FILE",
            description = "The suite the shards ran: its error policy, rollback and post-mortem folder.")
    Path suite;

    @Option(names = "--out", paramLabel = "DIR", description = "The merged run folder (default: .gate/runs/<UTC time>-<sha7>).")
    Optional<Path> out;

    @Option(names = "--baseline", paramLabel = "FILE", description = "The baseline, for the commit to roll back to.")
    Optional<Path> baseline;

    @Option(names = "--repo", paramLabel = "DIR", description = "The checkout to list the commits from.")
    Optional<Path> repo;

    @Option(names = "--no-rollback", description = "Do not run the suite's rollback command, even on BLOCK.")
    boolean noRollback;

    @Mixin
    SoundOptions sound = new SoundOptions();

    MergeCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws InterruptedException {
        CommandInputs inputs = new CommandInputs(io);
        try {
            List<RunRecord> shards = new ArrayList<>();
            for (Path p : results) {
                try {
                    shards.add(RunOutput.read(io.resolve(p)));
                } catch (IOException e) {
                    throw new InvalidInput(p + ": not a readable run record: " + dev.gate.run.CheckExecutor.oneLine(e));
                }
            }
            Suite s = inputs.suite(suite);
            RunRecord merged;
            try {
                merged = ShardMerge.merge(shards, s.policy(), io.clock().instant());
            } catch (ShardMerge.MismatchException e) {
                throw new InvalidInput(e.getMessage());
            }
            CommitId expected = new CommitId(merged.expectedCommit());
            Path dir = out.map(io::resolve).orElseGet(() -> RunFolder.defaultPath(io.cwd(), io.clock().instant(), expected));
            if (!merged.target().equals(s.target().toString())) {
                throw new InvalidInput("the records verify " + merged.target() + ", but the suite's target is " + s.target());
            }
            Redactor redactor = Redactor.of(s.secrets());
            ConsoleReporter console = new ConsoleReporter(io.out(), io.style(), redactor);
            console.line(io.style().bold("gate merge") + " · " + shards.size() + " shards · " + merged.target()
                    + " · expecting " + expected.shortHex());
            try (RunFolder folder = RunFolder.claim(dir); Browsers browsers = new Browsers(io)) {
                // the browser is needed only to confirm a rollback
                Optional<BrowserSession> browser = !noRollback && merged.verdict().blocks()
                        && !s.onFailure().rollback().isEmpty() ? browsers.forSuite(s, console) : Optional.empty();
                RunRecord done = new RunCompletion(io, s, console, console, sound.player(io))
                        .complete(merged, inputs.baseline(baseline, s), !noRollback, folder.path(), browser,
                                inputs.history(repo));
                return done.exitStatus();
            } catch (RunFolder.RunFolderException e) {
                throw new InvalidInput("--out: " + e.getMessage());
            }
        } catch (InvalidInput e) {
            inputs.report(e);
            return ExitStatus.INVALID;
        }
    }
}
