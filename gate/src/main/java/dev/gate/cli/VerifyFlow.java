package dev.gate.cli;

import dev.gate.baseline.Baseline;
import dev.gate.checks.Redactor;
import dev.gate.checks.commit.CommitId;
import dev.gate.report.ConsoleReporter;
import dev.gate.report.FinalTable;
import dev.gate.report.Reports;
import dev.gate.run.RecordRedaction;
import dev.gate.run.RunFolder;
import dev.gate.run.RunRecord;
import dev.gate.run.Runner;
import dev.gate.run.Shard;
import dev.gate.run.VerifyRequest;
import dev.gate.suite.Suite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One verification as the command line runs it: claim the output folder, run, redact, write the
 * record and reports, print the table. Shared by {@code verify} and the demo.
 */
final class VerifyFlow {
    private static final java.time.format.DateTimeFormatter BASELINE_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(java.time.ZoneOffset.UTC);

    private final Io io;

    VerifyFlow(Io io) {
        this.io = io;
    }

    /** The options of one verification. */
    record Options(Optional<Path> out, Shard shard, boolean rollback) {
        static final Options DEFAULTS = new Options(Optional.empty(), Shard.ALL, true);
    }

    RunRecord run(Suite suite, CommitId expected, Optional<Baseline> baseline, Options options)
            throws InvalidInput, InterruptedException {
        Path dir = options.out().map(io::resolve)
                .orElseGet(() -> RunFolder.defaultPath(io.cwd(), io.clock().instant(), expected));
        Redactor redactor = Redactor.of(suite.secrets());
        ConsoleReporter console = new ConsoleReporter(io.out(), io.style(), redactor);
        try (RunFolder folder = RunFolder.claim(dir)) {
            console.line(io.style().bold("gate verify") + " · " + suite.name() + " · " + suite.target()
                    + " · expecting " + expected.shortHex()
                    + baseline.map(b -> " · baseline of " + BASELINE_TIME.format(b.takenAt())).orElse(" · no baseline"));
            Runner runner = new Runner(io.clock(), io.sleeper(), console);
            RunRecord record = runner.verify(new VerifyRequest(suite, expected, baseline, folder.path(), options.shard()));
            record = new RecordRedaction(redactor).apply(record);
            try {
                Reports.writeAll(record, folder.path(), io.env(), io.out());
            } catch (IOException e) {
                // without its evidence a run must not pass
                record = record.withOutcome(Math.max(record.exitStatus(), ExitStatus.BLOCK),
                        "could not write the run record to " + dir + ": " + e.getMessage(), record.finishedAt());
                io.err().println("gate: " + record.reason());
            }
            FinalTable.render(record, io.style(), display(folder.path())).forEach(console::line);
            return record;
        } catch (RunFolder.RunFolderException e) {
            throw new InvalidInput("--out: " + e.getMessage());
        }
    }

    private String display(Path dir) {
        return dir.startsWith(io.cwd()) ? io.cwd().relativize(dir).toString() : dir.toString();
    }
}
