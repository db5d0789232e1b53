package dev.gate.flow;

import dev.gate.act.sound.SoundPlayer;
import dev.gate.baseline.Baseline;
import dev.gate.checks.page.BrowserSession;
import dev.gate.checks.page.BrowserUnavailableException;
import dev.gate.history.RunKind;
import dev.gate.io.Io;
import dev.gate.report.ConsoleReporter;
import dev.gate.report.Style;
import dev.gate.run.BrowserSupply;
import dev.gate.run.RunFolder;
import dev.gate.run.RunRecord;
import dev.gate.run.ShardMerge;
import dev.gate.suite.Suite;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code gate merge}: one verdict from the records of sharded runs, then the same completion as a
 * single run (actions once, record, reports).
 */
public final class ShardVerdict {
    private final Io io;
    private final SoundPlayer sound;

    public ShardVerdict(Io io, SoundPlayer sound) {
        this.io = io;
        this.sound = sound;
    }

    /**
     * The shards' records as one, decided again by the suite's policy.
     *
     * @throws ShardMerge.MismatchException records of other commits, targets or schemas, or not of this suite's target
     */
    public RunRecord merge(Suite suite, List<RunRecord> shards) throws ShardMerge.MismatchException {
        RunRecord merged = ShardMerge.merge(shards, suite.policy(), io.clock().instant());
        if (!merged.target().equals(suite.target().toString())) {
            throw new ShardMerge.MismatchException("the records verify " + merged.target() + ", but the suite's target is "
                    + suite.target());
        }
        return merged;
    }

    /**
     * @param shards  how many records were merged, for the header
     * @param browser started only when a rollback must be confirmed
     */
    public record Request(Suite suite, RunRecord merged, int shards, Optional<Baseline> baseline, RunFolder folder,
                          boolean rollback, Optional<Path> repo, BrowserSupply browser) {
    }

    public RunRecord complete(Request request) throws InterruptedException, BrowserUnavailableException {
        Suite suite = request.suite();
        RunRecord merged = request.merged();
        ConsoleReporter console = new ConsoleReporter(io.out(), Style.of(io), suite.redactor());
        console.line(Style.of(io).bold("gate merge") + " · " + request.shards() + " shards · " + merged.target()
                + " · expecting " + merged.expectedCommit().shortHex());
        Optional<BrowserSession> browser = request.rollback() && merged.verdict().blocks()
                && !suite.onFailure().rollback().isEmpty() ? request.browser().get() : Optional.empty();
        RunRecord done = new Completion(io, suite, console, console, sound).complete(merged,
                request.baseline().flatMap(Baseline::liveCommitId), request.rollback(), request.folder().path(), browser,
                request.repo());
        new HistoryStep(io, suite, console).record(done, RunKind.MERGE, request.repo(), request.folder().path());
        return done;
    }
}
