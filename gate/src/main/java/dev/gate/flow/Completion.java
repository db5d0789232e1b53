package dev.gate.flow;

import dev.gate.act.VerdictActions;
import dev.gate.act.notify.Notifications;
import dev.gate.act.sound.Playback;
import dev.gate.act.sound.Sound;
import dev.gate.act.sound.SoundPlayer;
import dev.gate.checks.CheckResult;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.commit.CommitOutcome;
import dev.gate.checks.page.BrowserSession;
import dev.gate.io.Io;
import dev.gate.io.StopSignal;
import dev.gate.report.ConsoleReporter;
import dev.gate.report.FinalTable;
import dev.gate.report.Reports;
import dev.gate.report.Style;
import dev.gate.run.ActionRecord;
import dev.gate.run.ExitStatus;
import dev.gate.run.RecordRedaction;
import dev.gate.run.RunListener;
import dev.gate.run.RunRecord;
import dev.gate.run.Shard;
import dev.gate.suite.Suite;
import dev.gate.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The end of every run that reached a verdict (a verification, or a merge of shards): the verdict
 * sound, the actions, redaction, the record and reports on disk, and the final table. A signal
 * that arrives on the way is honoured without losing the record: the record says what was done.
 */
public final class Completion {
    private final Io io;
    private final Suite suite;
    private final ConsoleReporter console;
    private final RunListener listener;
    private final SoundPlayer sound;

    private final boolean liveAnnounced;

    public Completion(Io io, Suite suite, ConsoleReporter console, RunListener listener, SoundPlayer sound) {
        this(io, suite, console, listener, sound, false);
    }

    private Completion(Io io, Suite suite, ConsoleReporter console, RunListener listener, SoundPlayer sound,
                       boolean liveAnnounced) {
        this.io = io;
        this.suite = suite;
        this.console = console;
        this.listener = listener;
        this.sound = sound;
        this.liveAnnounced = liveAnnounced;
    }

    /** The same, for a run whose release going live was already told to the team. */
    Completion liveAlreadyAnnounced(boolean announced) {
        return new Completion(io, suite, console, listener, sound, announced);
    }

    /**
     * @param baselineCommit the commit the baseline saw live, for the rollback
     * @param browser        the command's browser, for the rollback's confirmation
     */
    public RunRecord complete(RunRecord decided, Optional<CommitId> baselineCommit, boolean rollback, Path runDir,
                              Optional<BrowserSession> browser, Optional<Path> repo) throws InterruptedException {
        StopSignal stop = io.stop();
        RunRecord record;
        Playback verdictSound;
        if (decided.interrupted() || stop.signal().isPresent()) {
            // a person stopped the run: no rollback, no post-mortem, just the record of what was seen
            stop.shield();
            verdictSound = sound.play(Sound.BLOCK);
            record = decided.interrupted(true).withOutcome(
                    ExitStatus.interrupted(stop.signal()),
                    "interrupted by " + stop.name() + " before the gate finished; nothing is proven, so the deploy is blocked",
                    io.clock().instant());
        } else {
            verdictSound = sound.play(Sound.forVerdict(decided.verdict()));
            record = new VerdictActions(suite, io.clock(), io.sleeper(), listener, io.out())
                    .notifying(new Notifications(suite, io.env(), io.clock(), io.out()))
                    .liveAlreadyAnnounced(liveAnnounced)
                    .act(decided, baselineCommit, rollback, runDir, browser, repo);
            if (stop.signal().isPresent()) {
                // stopped while acting (during the rollback): what was done so far is in the record
                record = record.interrupted(true).withOutcome(ExitStatus.interrupted(stop.signal()),
                        "interrupted by " + stop.name() + " while acting on the verdict: " + record.reason(), io.clock().instant());
            }
        }
        stop.shield();
        record = write(record, runDir);
        FinalTable.render(record, Style.of(io), io.display(runDir), suite.redactor()).forEach(console::line);
        for (ActionRecord a : record.actions()) {
            if (!a.outcome().equals("intended")) {
                console.line(a.kind() + " " + a.outcome() + ": " + a.summary());
            }
        }
        stop.unshield();
        if (stop.signal().isEmpty()) {
            verdictSound.awaitEnd();
        }
        return record;
    }

    /**
     * The record of a command stopped before it reached a verification (during the baseline or the
     * deploy command of {@code gate run}), written to its run folder.
     */
    public RunRecord stoppedBefore(CommitId expected, String stage, Instant started, Path runDir) {
        StopSignal stop = io.stop();
        stop.shield();
        CheckResult stopped = CheckResult.error("interrupted", "gate", "the run",
                "interrupted by " + stop.name() + " during " + stage + "; the deploy command was stopped with its child processes");
        RunRecord record = RunRecord.decided(RunRecord.SuiteRef.of(suite), suite.target().toString(), expected,
                        CommitOutcome.unknown(Optional.empty()), List.of(stopped), suite.policy(),
                        RunRecord.Times.at(started, io.clock().instant()), true, Shard.ALL)
                .withOutcome(ExitStatus.interrupted(stop.signal()), stopped.summary(),
                        io.clock().instant());
        return write(record, runDir);
    }

    /** Redacts and writes the record and its reports; a record that cannot be written blocks. */
    private RunRecord write(RunRecord record, Path runDir) {
        RunRecord redacted = new RecordRedaction(suite.redactor()).apply(record);
        try {
            Reports.writeAll(redacted, runDir, io.env(), io.out());
            return redacted;
        } catch (IOException e) {
            // without its evidence a run must not pass
            RunRecord unwritten = redacted.withVerdict(Verdict.BLOCK).withOutcome(
                    ExitStatus.of(Verdict.BLOCK, redacted.rollbackState(), io.stop().signal(), false),
                    "could not write the run record to " + runDir + ": " + e.getMessage(), redacted.finishedAt());
            io.err().println("gate: " + unwritten.reason());
            return unwritten;
        }
    }
}
