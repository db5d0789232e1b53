package dev.gate.flow;

import dev.gate.baseline.Baseline;
import dev.gate.baseline.BaselineTaker;
import dev.gate.checks.CheckContext;
import dev.gate.checks.CheckResult;
import dev.gate.checks.Status;
import dev.gate.checks.commit.CommitConvergence;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.commit.CommitOutcome;
import dev.gate.checks.commit.Liveness;
import dev.gate.checks.commit.MarkerReading;
import dev.gate.checks.latency.EndpointVerdict;
import dev.gate.checks.trend.Tripwire;
import dev.gate.history.RunKind;
import dev.gate.io.Io;
import dev.gate.report.ConsoleReporter;
import dev.gate.report.Reports;
import dev.gate.report.Style;
import dev.gate.run.CheckExecutor;
import dev.gate.run.ExitStatus;
import dev.gate.run.LatencyStage;
import dev.gate.run.RecordRedaction;
import dev.gate.run.RunFolder;
import dev.gate.run.RunListener;
import dev.gate.run.RunRecord;
import dev.gate.run.Runner;
import dev.gate.run.Shard;
import dev.gate.suite.Suite;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code gate watch}: hours after a deploy, samples the latency endpoints of the live release
 * again, compares them with the baseline taken before its deploy and with the deploy history,
 * records each round, and fires the first time a latency regression or a trip-wire does. One
 * round and done (for cron and scheduled workflows), or a round every {@code every} for
 * {@code period}.
 */
public final class Watch {
    private final Io io;

    public Watch(Io io) {
        this.io = io;
    }

    /**
     * @param period how long to keep watching; zero for one round
     * @param base   the folder the rounds' run folders go under ({@code <base>/.gate/watch/…})
     */
    public record Request(Suite suite, Optional<Baseline> baseline, Duration period, Duration every, Path base) {
    }

    /** @return 0 when nothing fired, 1 when a regression or a trip-wire fired (or a round could not judge) */
    public int run(Request request) throws InterruptedException {
        Instant until = io.clock().instant().plus(request.period());
        int round = 1;
        while (true) {
            Optional<String> fired = round(request, round);
            if (fired.isPresent()) {
                io.out().println(request.suite().redactor().redact("gate watch: " + fired.get()));
                return ExitStatus.BLOCK;
            }
            Instant next = io.clock().instant().plus(request.every());
            if (request.period().isZero() || next.isAfter(until) || io.stop().signal().isPresent()) {
                io.out().println("gate watch: " + round + (round == 1 ? " round" : " rounds") + ", nothing fired");
                return ExitStatus.PASS;
            }
            io.out().println("gate watch: next round in " + dev.gate.checks.time.Durations.format(request.every()));
            io.sleeper().sleep(request.every());
            round++;
        }
    }

    /** One round; what fired, in one line, or nothing. */
    private Optional<String> round(Request request, int round) throws InterruptedException {
        Suite suite = request.suite();
        Style style = Style.of(io);
        ConsoleReporter console = new ConsoleReporter(io.out(), style, suite.redactor());
        Instant started = io.clock().instant();
        Optional<CommitId> before = request.baseline().flatMap(Baseline::liveCommitId);
        console.line(style.bold("gate watch") + " · " + suite.name() + " · " + suite.target() + " · round " + round
                + request.baseline().map(b -> " · baseline of " + b.liveCommit().map(c -> c.substring(0, Math.min(7, c.length())))
                        .orElse("an unknown release")).orElse(" · no baseline"));
        Path scratch = request.base().resolve(".gate").resolve("watch");
        CheckContext probe = Runner.context(suite, scratch, io.clock(), io.sleeper(), console);
        Map<String, MarkerReading> readings = new CommitConvergence(suite.marker(), suite.markerLocations(),
                suite.converge()).readAll(probe);
        Optional<CommitId> live = BaselineTaker.majority(readings);
        if (live.isEmpty()) {
            return Optional.of("no commit could be read from " + suite.target() + ": "
                    + readings.values().iterator().next().problem() + "; nothing was judged");
        }
        HistoryStep history = new HistoryStep(io, suite, console);
        try (RunFolder folder = RunFolder.claim(RunFolder.defaultPath(scratch, started, live.get()))) {
            CheckContext context = Runner.context(suite, folder.path(), io.clock(), io.sleeper(), console);
            LatencyStage stage = new LatencyStage(suite,
                    request.baseline().map(b -> b.before().latency()).orElse(List.of()), history.trend(Shard.ALL));
            List<CheckResult> results = new CheckExecutor(1, suite.timeouts().run(), console).runStage(stage, context);
            RunRecord record = RunRecord.decided(RunRecord.SuiteRef.of(suite), suite.target().toString(), live.get(),
                    new CommitOutcome(Liveness.LIVE, live, before), results, suite.policy(),
                    RunRecord.Times.at(started, io.clock().instant()), false, Shard.ALL);
            RunRecord redacted = new RecordRedaction(suite.redactor()).apply(record);
            try {
                Reports.writeAll(redacted, folder.path(), io.env(), io.out());
            } catch (IOException e) {
                io.err().println("gate watch: could not write the round's record to " + folder.path() + ": " + e.getMessage());
            }
            history.record(redacted, RunKind.WATCH, Optional.empty(), folder.path());
            return fired(redacted.checks(), live.get());
        } catch (RunFolder.RunFolderException e) {
            return Optional.of("could not claim a folder for the round: " + e.getMessage());
        }
    }

    /** A latency regression against the baseline, or any trip-wire that tripped; or a check that could not run. */
    static Optional<String> fired(List<CheckResult> results, CommitId live) {
        List<String> lines = new ArrayList<>();
        for (CheckResult r : results) {
            boolean tripped = r.kind().equals(Tripwire.KIND) && r.status() != Status.PASS;
            boolean slower = r.kind().equals(EndpointVerdict.KIND) && r.status().compareTo(Status.WARN) > 0;
            if (tripped) {
                lines.add(r.summary());
            } else if (slower) {
                lines.add(r.summary() + " (the release " + live.shortHex() + " is live; compared with the baseline before its deploy)");
            }
        }
        return lines.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", lines));
    }
}
