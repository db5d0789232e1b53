package dev.gate.flow;

import dev.gate.act.notify.Notifications;
import dev.gate.git.ChangedCommit;
import dev.gate.git.CommitRange;
import dev.gate.run.ActionRecord;
import dev.gate.run.ReleaseLive;
import dev.gate.run.RunRecord;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells the team the moment the release is seen live, not minutes later with the verdict, which
 * waits for the pages, latency and the metrics' window after the deploy: a deploy marker placed
 * late is of little use, and the team should hear of a release before anything acts on it. Sent
 * once; what it did joins the run's actions.
 */
final class LiveAnnouncement implements ReleaseLive {
    private final Notifications notifications;
    private final Optional<Path> repo;
    private final Path runDir;
    private final Clock clock;
    private final PrintStream echo;
    private List<ActionRecord> actions = List.of();
    private boolean announced;

    LiveAnnouncement(Notifications notifications, Optional<Path> repo, Path runDir, Clock clock, PrintStream echo) {
        this.notifications = notifications;
        this.repo = repo;
        this.runDir = runDir;
        this.clock = clock;
        this.echo = echo;
    }

    @Override
    public synchronized void seen(RunRecord sofar) throws InterruptedException {
        if (announced || !notifications.announcesLive(sofar)) {
            return;
        }
        announced = true;
        try {
            List<ChangedCommit> commits = CommitRange.listed(repo, sofar.previousCommit(), sofar.expectedCommit(),
                    "no repository was given").commits();
            actions = notifications.live(sofar, commits, runDir);
        } catch (RuntimeException e) {
            // the gate's answer about the release must not depend on whether the chat is up
            String line = "live message not sent: " + e.getClass().getSimpleName() + "; the verdict stands";
            echo.println("WARN  notify: " + line);
            actions = List.of(new ActionRecord(Notifications.KIND, "failed", clock.instant(), line, List.of(),
                    Map.of("event", "live")));
        }
    }

    /** Whether the live moment was handled here, so the verdict's actions do not send it again. */
    synchronized boolean announced() {
        return announced;
    }

    synchronized List<ActionRecord> actions() {
        return actions;
    }
}
