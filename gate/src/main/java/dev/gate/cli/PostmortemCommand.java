package dev.gate.cli;

import dev.gate.flow.PostmortemFromRecord;
import dev.gate.io.Io;
import dev.gate.report.RunOutput;
import dev.gate.run.CheckExecutor;
import dev.gate.run.RunRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "postmortem", mixinStandardHelpOptions = true,
        description = "Write a post-mortem stub from a saved run (its result.json), with the commits between the releases.")
final class PostmortemCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(paramLabel = "RESULT.json", description = "The run record of a blocked run.")
    Path result;

    @Mixin
    HistoryOption history = new HistoryOption();

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write the stub (default: the suite's on_failure.postmortems, else the run folder of RESULT.json).")
    Optional<Path> out;

    PostmortemCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws InvalidInput {
        Path file = io.resolve(result);
        RunRecord record;
        try {
            record = RunOutput.read(file);
        } catch (IOException e) {
            throw new InvalidInput(result + ": not a readable run record: " + CheckExecutor.oneLine(e));
        }
        if (record.schema() == null || !record.schema().equals(RunRecord.SCHEMA) || record.expectedCommit() == null) {
            throw new InvalidInput(result + ": not a run record of schema " + RunRecord.SCHEMA);
        }
        return new PostmortemFromRecord(io).write(record, file, out.map(io::resolve),
                new CommandInputs(io).history(history.repo));
    }
}
