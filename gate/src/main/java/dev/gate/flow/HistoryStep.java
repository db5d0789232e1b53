package dev.gate.flow;

import dev.gate.baseline.Baseline;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.trend.EndpointTrend;
import dev.gate.git.ChangedCommit;
import dev.gate.git.CommitRange;
import dev.gate.history.History;
import dev.gate.history.RunEntry;
import dev.gate.history.RunKind;
import dev.gate.io.Io;
import dev.gate.report.ConsoleReporter;
import dev.gate.run.RunRecord;
import dev.gate.run.Shard;
import dev.gate.run.LatencyStage;
import dev.gate.suite.Suite;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The deploy history around one run: read before it (what normal is, for the trip-wire) and
 * written after its record is on disk. A history that cannot be reached is a WARN line, never a
 * different verdict.
 */
public final class HistoryStep {
    private final Io io;
    private final Suite suite;
    private final ConsoleReporter console;
    private final History history;

    public HistoryStep(Io io, Suite suite, ConsoleReporter console) {
        this.io = io;
        this.suite = suite;
        this.console = console;
        this.history = new History(suite.history(), io.cwd(), suite.timeouts().request(), suite.redactor());
    }

    /** What normal is for the latency endpoints, when this run judges latency and the trip-wire is on. */
    EndpointTrend trend(Shard shard) {
        if (!suite.latency().enabled() || !suite.tripwire().enabled() || !shard.includes(LatencyStage.SHARD_ID)) {
            return EndpointTrend.NONE;
        }
        if (!history.enabled()) {
            return EndpointTrend.unavailable("the history is turned off");
        }
        EndpointTrend trend = history.trend(suite.name(), suite.latency().endpoints());
        trend.unavailable().ifPresent(why -> console.line("WARN " + why + "; the trip-wire judges nothing in this run"));
        return trend;
    }

    /** Records the written run; the line says where, or why not. */
    void record(RunRecord done, RunKind kind, Optional<Path> repo, Path runDir) {
        if (!history.enabled() || io.stop().signal().isPresent()) {
            // a person who stopped the gate wants it gone now, not waiting on a database
            return;
        }
        Optional<String> subject = subject(repo, done.expectedCommit());
        History.Recorded recorded = history.record(RunEntry.of(done, kind, subject, Optional.of(io.display(runDir))));
        console.line(recorded.ok() ? recorded.line() : "WARN " + recorded.line());
    }

    /** Records a baseline just written: the live release's numbers before the deploy. */
    public void recordBaseline(Baseline baseline, Instant started) {
        if (!history.enabled() || io.stop().signal().isPresent()) {
            return;
        }
        History.Recorded recorded = history.record(RunEntry.ofBaseline(suite.name(), baseline, started));
        console.line(recorded.ok() ? recorded.line() : "WARN " + recorded.line());
    }

    private static Optional<String> subject(Optional<Path> repo, CommitId expected) {
        if (repo.isEmpty() || expected == null) {
            return Optional.empty();
        }
        return CommitRange.listed(repo, Optional.empty(), expected, "").commits().stream().findFirst()
                .map(ChangedCommit::subject);
    }
}
