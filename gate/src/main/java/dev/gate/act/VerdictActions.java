package dev.gate.act;

import dev.gate.act.notify.Notifications;
import dev.gate.checks.CheckContext;
import dev.gate.checks.Redactor;
import dev.gate.checks.Sleeper;
import dev.gate.checks.Status;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.page.BrowserSession;
import dev.gate.git.CommitRange;
import dev.gate.checks.CheckResult;
import dev.gate.run.ActionRecord;
import dev.gate.run.ExitStatus;
import dev.gate.run.RollbackState;
import dev.gate.run.RunListener;
import dev.gate.run.RunRecord;
import dev.gate.run.Runner;
import dev.gate.suite.Suite;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What follows a verdict, in order: the message that the release is live (unless it was sent when
 * the release went live), the rollback (when the
 * release went live and the suite has one), the post-mortem stub, the message of the outcome, and
 * the runbooks copied into the run folder. Actions receive the
 * record, not the checks, and return it with their outcome and the final exit status.
 */
public final class VerdictActions {
    private final Suite suite;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RunListener listener;
    private final PrintStream echo;
    private final Notifications notifications;
    private final boolean liveAnnounced;

    public VerdictActions(Suite suite, Clock clock, Sleeper sleeper, RunListener listener, PrintStream echo) {
        this(suite, clock, sleeper, listener, echo, new Notifications(suite, Map.of(), clock, echo), false);
    }

    private VerdictActions(Suite suite, Clock clock, Sleeper sleeper, RunListener listener, PrintStream echo,
                           Notifications notifications, boolean liveAnnounced) {
        this.suite = suite;
        this.clock = clock;
        this.sleeper = sleeper;
        this.listener = listener;
        this.echo = echo;
        this.notifications = notifications;
        this.liveAnnounced = liveAnnounced;
    }

    /** The same actions, telling the team through these notifications (which know the CI run's link). */
    public VerdictActions notifying(Notifications with) {
        return new VerdictActions(suite, clock, sleeper, listener, echo, with, liveAnnounced);
    }

    /**
     * The same actions for a run whose release going live was told when it happened: only a record
     * that never had that moment (a merge of shards) sends its live message with the verdict.
     */
    public VerdictActions liveAlreadyAnnounced(boolean announced) {
        return new VerdictActions(suite, clock, sleeper, listener, echo, notifications, announced);
    }

    /**
     * @param baselineCommit the commit the baseline saw live, which a rollback goes back to first
     * @param repo where to read the commits between the releases from, when there is a checkout
     */
    public RunRecord act(RunRecord record, Optional<CommitId> baselineCommit, boolean rollbackAllowed, Path runDir,
                         Optional<BrowserSession> browser, Optional<Path> repo) throws InterruptedException {
        Redactor redactor = suite.redactor();
        Playbooks playbooks = new Playbooks(suite.playbooks());
        List<ActionRecord> actions = new ArrayList<>(record.actions());
        RollbackState rollback = RollbackState.NOT_RUN;
        String reason = record.reason();
        CommitRange.Result changes = record.verdict().blocks() || notifications.wanted(record)
                ? CommitRange.listed(repo, record.previousCommit(), record.expectedCommit(),
                        "no repository was given (--repo DIR), so the commits between the releases are not listed")
                : new CommitRange.Result(List.of(), List.of());
        if (!liveAnnounced) {
            actions.addAll(notifications.live(record, changes.commits(), runDir));
        }
        if (record.verdict().blocks()) {
            Optional<CommitId> servedBefore = record.previousCommit();
            RollbackPlan plan = RollbackPlan.decide(suite, record.verdict(), record.release(), rollbackAllowed,
                    baselineCommit, baselineCommit.isPresent() ? Optional.empty() : servedBefore);
            if (plan.run()) {
                CheckContext context = Runner.context(suite, runDir, clock, sleeper, listener);
                RollbackOutcome outcome = new Rollback(suite, clock, listener, echo).perform(plan,
                        record.expectedCommit(), record.verdict().name(), context, browser);
                actions.addAll(outcome.actions());
                rollback = outcome.state();
                reason = reason + "; " + outcome.line();
            } else if (!suite.onFailure().rollback().isEmpty()) {
                listener.stage(plan.reason());
                actions.add(new ActionRecord("rollback", "skipped", clock.instant(), plan.reason(), List.of(), Map.of()));
            }
            RunRecord sofar = record.withActions(actions).withOutcome(exit(record, rollback), reason, clock.instant());
            actions.add(postmortem(sofar, runDir, changes, playbooks, redactor));
        }
        RunRecord acted = record.withActions(actions).withOutcome(exit(record, rollback), reason, clock.instant());
        actions.addAll(notifications.outcome(acted, changes.commits(), runDir));
        RunRecord done = record.withActions(actions).withOutcome(exit(record, rollback), reason, clock.instant());
        playbooks.copyInto(runDir, referenced(done));
        return done;
    }

    private static int exit(RunRecord record, RollbackState rollback) {
        return ExitStatus.of(record.verdict(), rollback, java.util.Optional.empty(), true);
    }

    private ActionRecord postmortem(RunRecord record, Path runDir, CommitRange.Result changes, Playbooks playbooks,
                                    Redactor redactor) {
        Path folder = suite.onFailure().postmortems().orElse(runDir);
        try {
            Path file = new PostmortemWriter(playbooks, redactor).write(record, changes, folder, runDir);
            listener.stage("Post-mortem stub: " + file);
            return new ActionRecord("postmortem", "succeeded", clock.instant(), "post-mortem stub written to " + file,
                    List.of(), Map.of("file", file.toString(), "commits", String.valueOf(changes.commits().size())));
        } catch (IOException e) {
            return new ActionRecord("postmortem", "failed", clock.instant(),
                    "could not write the post-mortem stub in " + folder + ": " + e.getMessage(), List.of(), Map.of());
        }
    }

    private static List<String> referenced(RunRecord record) {
        List<String> names = new ArrayList<>();
        for (CheckResult c : record.checks()) {
            if (c.status() != Status.PASS && !c.playbook().isEmpty()) {
                names.add(c.playbook());
            }
        }
        if (record.exitStatus() == ExitStatus.PERSON_NEEDED) {
            names.add("rollback-failed");
        }
        return names;
    }
}
