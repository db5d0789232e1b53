package dev.gate.cli;

import dev.gate.act.Playbooks;
import dev.gate.act.PostmortemWriter;
import dev.gate.checks.Redactor;
import dev.gate.git.CommitRange;
import dev.gate.git.GitException;
import dev.gate.report.RunOutput;
import dev.gate.run.CheckExecutor;
import dev.gate.io.Io;
import dev.gate.run.ExitStatus;
import dev.gate.run.RunRecord;
import dev.gate.suite.Suite;
import dev.gate.suite.SuiteException;
import dev.gate.suite.SuiteLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "postmortem", mixinStandardHelpOptions = true,
        description = "Write a post-mortem stub from a saved run (its result.json), with the commits between the releases.")
final class PostmortemCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(paramLabel = "RESULT.json", description = "The run record of a blocked run.")
    Path result;

    @picocli.CommandLine.Mixin
    HistoryOption history = new HistoryOption();

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write the stub (default: the suite's on_failure.postmortems, else postmortems/).")
    Optional<Path> out;

    PostmortemCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        Path file = io.resolve(result);
        RunRecord record;
        try {
            record = RunOutput.read(file);
        } catch (IOException e) {
            io.err().println("gate: " + result + ": not a readable run record: " + CheckExecutor.oneLine(e));
            return ExitStatus.INVALID;
        }
        if (record.schema() == null || !record.schema().equals(RunRecord.SCHEMA) || record.expectedCommit() == null) {
            io.err().println("gate: " + result + ": not a run record of schema " + RunRecord.SCHEMA);
            return ExitStatus.INVALID;
        }
        Optional<Suite> suite = suite(record);
        Path folder = out.map(io::resolve)
                .or(() -> suite.map(s -> s.onFailure().postmortems()))
                .orElse(io.resolve(Path.of("postmortems")));
        Optional<Path> checkout = new CommandInputs(io).history(history.repo);
        CommitRange.Result changes;
        try {
            changes = checkout.isPresent()
                    ? CommitRange.between(checkout.get(), record.previousCommit(), record.expectedCommit())
                    : new CommitRange.Result(List.of(), List.of("no repository: run in the checkout or pass --repo DIR"));
        } catch (GitException e) {
            changes = new CommitRange.Result(List.of(), List.of(e.getMessage()));
        }
        Playbooks playbooks = new Playbooks(suite.flatMap(Suite::playbooks));
        Redactor redactor = suite.map(Suite::redactor).orElse(Redactor.none());
        try {
            Path written = new PostmortemWriter(playbooks, redactor).write(record, changes, folder, file.getParent());
            io.out().println("Post-mortem stub written to " + written);
            return ExitStatus.PASS;
        } catch (IOException e) {
            io.err().println("gate: cannot write the post-mortem stub in " + folder + ": " + CheckExecutor.oneLine(e));
            return ExitStatus.BLOCK;
        }
    }

    /** The suite the run used, when it is still where it was (for its post-mortem folder and runbooks). */
    private Optional<Suite> suite(RunRecord record) {
        if (record.suite() == null || record.suite().file() == null) {
            return Optional.empty();
        }
        Path file = io.resolve(Path.of(record.suite().file()));
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SuiteLoader(io.env()).load(file));
        } catch (SuiteException e) {
            return Optional.empty();
        }
    }
}
