package dev.gate.cli;

import dev.gate.act.VerdictActions;
import dev.gate.act.sound.Playback;
import dev.gate.act.sound.Sound;
import dev.gate.act.sound.SoundPlayer;
import dev.gate.baseline.Baseline;
import dev.gate.checks.Redactor;
import dev.gate.checks.page.BrowserSession;
import dev.gate.report.ConsoleReporter;
import dev.gate.report.FinalTable;
import dev.gate.report.Reports;
import dev.gate.run.ActionRecord;
import dev.gate.run.RecordRedaction;
import dev.gate.run.RunListener;
import dev.gate.run.RunRecord;
import dev.gate.suite.Suite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The end of every run that reached a verdict (a verification, or a merge of shards): the verdict
 * sound, the actions, redaction, the record and reports on disk, and the final table.
 */
final class RunCompletion {
    private final Io io;
    private final Suite suite;
    private final ConsoleReporter console;
    private final RunListener listener;
    private final SoundPlayer sound;

    RunCompletion(Io io, Suite suite, ConsoleReporter console, RunListener listener, SoundPlayer sound) {
        this.io = io;
        this.suite = suite;
        this.console = console;
        this.listener = listener;
        this.sound = sound;
    }

    RunRecord complete(RunRecord decided, Optional<Baseline> baseline, boolean rollback, Path runDir,
                       Optional<BrowserSession> browser, Optional<Path> repo) throws InterruptedException {
        RunRecord record;
        Playback verdictSound;
        if (decided.interrupted() || Interruption.signal().isPresent()) {
            // a person stopped the run: no rollback, no post-mortem, just the record of what was seen
            Interruption.shield();
            verdictSound = sound.play(Sound.BLOCK);
            record = decided.interrupted(true).withOutcome(Interruption.exitStatus(),
                    "interrupted by SIG" + Interruption.signal().orElse("INT") + " before the gate finished; "
                            + "nothing is proven, so the deploy is blocked", io.clock().instant());
        } else {
            verdictSound = sound.play(Sound.forVerdict(decided.verdict()));
            record = new VerdictActions(suite, io.clock(), io.sleeper(), listener, io.out())
                    .act(decided, baseline, rollback, runDir, browser, repo);
            if (Interruption.signal().isPresent()) {
                // stopped while acting (during the rollback): what was done so far is in the record
                Interruption.shield();
                record = record.interrupted(true).withOutcome(Interruption.exitStatus(), "interrupted by SIG"
                        + Interruption.signal().get() + " while acting on the verdict: " + record.reason(), io.clock().instant());
            }
        }
        Interruption.shield();
        record = new RecordRedaction(Redactor.of(suite.secrets())).apply(record);
        try {
            Reports.writeAll(record, runDir, io.env(), io.out());
        } catch (IOException e) {
            // without its evidence a run must not pass
            record = record.withVerdict(dev.gate.verdict.Verdict.BLOCK).withOutcome(Math.max(record.exitStatus(), ExitStatus.BLOCK),
                    "could not write the run record to " + runDir + ": " + e.getMessage(), record.finishedAt());
            io.err().println("gate: " + record.reason());
        }
        FinalTable.render(record, io.style(), io.display(runDir)).forEach(console::line);
        for (ActionRecord a : record.actions()) {
            if (!a.outcome().equals("intended")) {
                console.line(a.kind() + " " + a.outcome() + ": " + a.summary());
            }
        }
        Interruption.unshield();
        if (Interruption.signal().isEmpty()) {
            verdictSound.awaitEnd();
        }
        return record;
    }

}
