package dev.gate.cli;

import dev.gate.baseline.Baseline;
import dev.gate.checks.Redactor;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.page.BrowserSession;
import dev.gate.report.ConsoleReporter;
import dev.gate.report.FinalTable;
import dev.gate.act.VerdictActions;
import dev.gate.act.sound.Playback;
import dev.gate.act.sound.Sound;
import dev.gate.act.sound.SoundOutput;
import dev.gate.act.sound.SoundPlayer;
import dev.gate.run.RunListener;
import dev.gate.run.ActionRecord;
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
    private final Browsers browsers;
    private final RunListener also;
    private final SoundPlayer sound;

    VerifyFlow(Io io, Browsers browsers) {
        this(io, browsers, RunListener.SILENT, SoundPlayer.to(SoundOutput.silent(), io.out()));
    }

    /**
     * @param browsers the command's browser, which this flow uses and does not close
     * @param also  hears the run besides the console (gate run's foghorn)
     * @param sound plays the verdict
     */
    VerifyFlow(Io io, Browsers browsers, RunListener also, SoundPlayer sound) {
        this.io = io;
        this.browsers = browsers;
        this.also = also;
        this.sound = sound;
    }

    /** The options of one verification. */
    /** @param repo a checkout to list the commits between the releases from, for the post-mortem */
    record Options(Optional<Path> out, Shard shard, boolean rollback, Optional<Path> repo) {
    }

    RunRecord run(Suite suite, CommitId expected, Optional<Baseline> baseline, Options options)
            throws InvalidInput, InterruptedException {
        Path dir = options.out().map(io::resolve)
                .orElseGet(() -> RunFolder.defaultPath(io.cwd(), io.clock().instant(), expected));
        Redactor redactor = Redactor.of(suite.secrets());
        ConsoleReporter console = new ConsoleReporter(io.out(), io.style(), redactor);
        console.line(io.style().bold("gate verify") + " · " + suite.name() + " · " + suite.target()
                + " · expecting " + expected.shortHex()
                + baseline.map(b -> " · baseline of " + BASELINE_TIME.format(b.takenAt())).orElse(" · no baseline"));
        Optional<BrowserSession> browser = browsers.forSuite(suite, console);
        try (RunFolder folder = RunFolder.claim(dir)) {
            RunListener listener = console.and(also);
            Runner runner = new Runner(io.clock(), io.sleeper(), listener, browser);
            RunRecord record = runner.verify(new VerifyRequest(suite, expected, baseline, folder.path(), options.shard()));
            return new RunCompletion(io, suite, console, listener, sound)
                    .complete(record, baseline, options.rollback(), folder.path(), browser, options.repo());
        } catch (RunFolder.RunFolderException e) {
            throw new InvalidInput("--out: " + e.getMessage());
        }
    }
}
