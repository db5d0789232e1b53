package dev.gate.flow;

import dev.gate.act.notify.Notifications;
import dev.gate.act.sound.SoundOutput;
import dev.gate.act.sound.SoundPlayer;
import dev.gate.baseline.Baseline;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.page.BrowserSession;
import dev.gate.checks.page.BrowserUnavailableException;
import dev.gate.history.RunKind;
import dev.gate.io.Io;
import dev.gate.report.ConsoleReporter;
import dev.gate.report.Style;
import dev.gate.run.Before;
import dev.gate.run.ActionRecord;
import dev.gate.run.BrowserSupply;
import dev.gate.run.RunFolder;
import dev.gate.run.RunListener;
import dev.gate.run.RunRecord;
import dev.gate.run.Runner;
import dev.gate.run.Shard;
import dev.gate.run.VerifyRequest;
import dev.gate.suite.Suite;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One verification from start to finish: the run, then its {@link Completion} (verdict sound,
 * actions, redaction, record and reports, final table). {@code verify}, {@code run} and the demo
 * each make one call here.
 */
public final class Verification {
    private static final DateTimeFormatter BASELINE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final Io io;
    private final RunListener also;
    private final SoundPlayer sound;

    public Verification(Io io) {
        this(io, RunListener.SILENT, SoundPlayer.to(SoundOutput.silent(), io.out()));
    }

    /**
     * @param also  hears the run besides the console (gate run's foghorn)
     * @param sound plays the verdict
     */
    public Verification(Io io, RunListener also, SoundPlayer sound) {
        this.io = io;
        this.also = also;
        this.sound = sound;
    }

    /**
     * One verification to run and complete.
     *
     * @param folder   the run folder, claimed by the caller before anything is probed
     * @param rollback whether the suite's rollback may run on BLOCK
     * @param repo     a checkout to list the commits between the releases from, for the post-mortem
     * @param browser  the command's browser, which this uses and does not close
     */
    public record Request(Suite suite, CommitId expected, Optional<Baseline> baseline, RunFolder folder, Shard shard,
                          boolean rollback, Optional<Path> repo, BrowserSupply browser, Optional<Instant> deployStarted) {
        /** A verification of a deploy the gate did not start: the baseline (if any) says when it began. */
        public Request(Suite suite, CommitId expected, Optional<Baseline> baseline, RunFolder folder, Shard shard,
                       boolean rollback, Optional<Path> repo, BrowserSupply browser) {
            this(suite, expected, baseline, folder, shard, rollback, repo, browser, Optional.empty());
        }
    }

    /** @throws BrowserUnavailableException when the suite has pages and no browser starts: no verdict, only the commit check read the site */
    public RunRecord run(Request request) throws InterruptedException, BrowserUnavailableException {
        Suite suite = request.suite();
        ConsoleReporter console = new ConsoleReporter(io.out(), Style.of(io), suite.redactor());
        console.line(Style.of(io).bold("gate verify") + " · " + suite.name() + " · " + suite.target()
                + " · expecting " + request.expected().shortHex()
                + request.baseline().map(b -> " · baseline of " + BASELINE_TIME.format(b.takenAt())).orElse(" · no baseline"));
        // found now (none is exit 2 at once), waited for once the release is live (Runner)
        request.browser().started();
        RunListener listener = console.and(also);
        Path runDir = request.folder().path();
        Before before = request.baseline().map(Baseline::before).orElse(Before.NOTHING);
        if (before.deployStarted().isEmpty() && request.deployStarted().isPresent()) {
            before = before.withDeployStarted(request.deployStarted().get());
        }
        HistoryStep history = new HistoryStep(io, suite, console);
        LiveAnnouncement live = new LiveAnnouncement(new Notifications(suite, io.env(), io.clock(), io.out()),
                request.repo(), runDir, io.clock(), io.out());
        RunRecord verified = new Runner(io.clock(), io.sleeper(), listener, request.browser(), live).verify(new VerifyRequest(suite,
                request.expected(), before, runDir, request.shard(), history.trend(request.shard())));
        // a release that never went live may be rolled back, and its confirmation renders pages; a
        // run a person stopped acts on nothing, and must not wait for a browser still starting
        Optional<BrowserSession> browser = verified.interrupted() || io.stop().signal().isPresent()
                ? request.browser().started() : request.browser().get();
        List<ActionRecord> actions = new ArrayList<>(verified.actions());
        actions.addAll(live.actions());
        RunRecord decided = verified.withActions(actions);
        RunRecord done = new Completion(io, suite, console, listener, sound).liveAlreadyAnnounced(live.announced()).complete(decided,
                request.baseline().flatMap(Baseline::liveCommitId), request.rollback(), runDir, browser, request.repo());
        history.record(done, RunKind.VERIFY, request.repo(), runDir);
        return done;
    }
}
