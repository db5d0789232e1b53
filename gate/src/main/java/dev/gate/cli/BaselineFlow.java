package dev.gate.cli;

import dev.gate.baseline.Baseline;
import dev.gate.baseline.BaselineStore;
import dev.gate.checks.CheckContext;
import dev.gate.checks.Redactor;
import dev.gate.checks.commit.CommitConvergence;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.commit.MarkerReading;
import dev.gate.checks.http.HttpProbe;
import dev.gate.report.ConsoleReporter;
import dev.gate.suite.Suite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Takes a baseline before a deploy: the commit that is live now, and (with the latency and page
 * checks) samples and page facts to compare with afterwards.
 */
final class BaselineFlow {
    private final Io io;

    BaselineFlow(Io io) {
        this.io = io;
    }

    /** What a baseline run produced: the file, or the reason there is none. */
    record Outcome(Optional<Baseline> baseline, int exitStatus) {
    }

    Outcome run(Suite suite, Path file) throws InterruptedException {
        Redactor redactor = Redactor.of(suite.secrets());
        ConsoleReporter console = new ConsoleReporter(io.out(), io.style(), redactor);
        console.line(io.style().bold("gate baseline") + " · " + suite.name() + " · " + suite.target());
        Path folder = file.toAbsolutePath().getParent();
        CheckContext context = new CheckContext(suite.target(), new HttpProbe(suite.timeouts().request(), suite.tls()),
                io.clock(), io.sleeper(), folder, redactor, console::progress);
        console.stage("Reading the live commit from " + suite.markerLocations().size() + " location(s)");
        Map<String, MarkerReading> readings = new CommitConvergence(suite.marker(), suite.markerLocations(),
                suite.converge()).readAll(context);
        Optional<CommitId> live = majority(readings);
        boolean anyAnswer = false;
        for (Map.Entry<String, MarkerReading> e : readings.entrySet()) {
            MarkerReading r = e.getValue();
            if (r.commit().isPresent()) {
                anyAnswer = true;
                if (live.isPresent() && !r.commit().get().sameCommitAs(live.get())) {
                    console.line("  warning: " + e.getKey() + " serves " + r.commit().get().shortHex()
                            + ", most of the site serves " + live.get().shortHex() + ": a rollout may be under way");
                }
            } else {
                anyAnswer |= r.answered();
                console.line("  warning: " + e.getKey() + ": no commit read: " + r.problem());
            }
        }
        if (!anyAnswer) {
            io.err().println(redactor.redact("gate: the site did not answer; no baseline written: "
                    + readings.values().iterator().next().problem()));
            return new Outcome(Optional.empty(), ExitStatus.BLOCK);
        }
        Baseline baseline = new Baseline(Baseline.SCHEMA, io.clock().instant(), suite.target().toString(),
                live.map(CommitId::hex), Map.of(), Map.of());
        try {
            BaselineStore.write(file, baseline);
        } catch (IOException e) {
            io.err().println("gate: cannot write the baseline " + file + ": " + e.getMessage());
            return new Outcome(Optional.empty(), ExitStatus.BLOCK);
        }
        console.line("Baseline written to " + display(file) + ": live commit "
                + live.map(CommitId::shortHex).orElse("unknown"));
        return new Outcome(Optional.of(baseline), ExitStatus.PASS);
    }

    private static Optional<CommitId> majority(Map<String, MarkerReading> readings) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        readings.values().forEach(r -> r.commit().ifPresent(c -> counts.merge(c.hex(), 1, Integer::sum)));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> new CommitId(e.getKey()));
    }

    private String display(Path file) {
        return file.startsWith(io.cwd()) ? io.cwd().relativize(file).toString() : file.toString();
    }
}
