package dev.gate.act;

import dev.gate.checks.Check;
import dev.gate.checks.CheckContext;
import dev.gate.checks.CheckResult;
import dev.gate.checks.time.Durations;
import dev.gate.checks.Status;
import dev.gate.checks.commit.CommitCheck;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.commit.CommitRoles;
import dev.gate.checks.page.BrowserSession;
import dev.gate.run.ActionRecord;
import dev.gate.run.CheckExecutor;
import dev.gate.run.Plan;
import dev.gate.run.RollbackState;
import dev.gate.run.RunListener;
import dev.gate.suite.Suite;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the suite's rollback command and confirms the previous release is live again. The order
 * matters: the intent goes to the action log before the command starts; the command's output goes,
 * redacted, to {@code artifacts/rollback.log}; then the previous commit must converge on every key
 * page and the pages must render again. Anything short of that needs a person: exit 3.
 */
public final class Rollback {
    public static final String LOG = "artifacts/rollback.log";

    private final Suite suite;
    private final Clock clock;
    private final RunListener listener;
    private final PrintStream echo;

    public Rollback(Suite suite, Clock clock, RunListener listener, PrintStream echo) {
        this.suite = suite;
        this.clock = clock;
        this.listener = listener;
        this.echo = echo;
    }

    public RollbackOutcome perform(RollbackPlan plan, CommitId expected, String verdict, CheckContext context,
                                   Optional<BrowserSession> browser) throws InterruptedException {
        List<ActionRecord> actions = new ArrayList<>();
        Path runDir = context.runDir();
        List<String> argv = suite.onFailure().rollback();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("command", String.join(" ", argv));
        data.put("expected_commit", expected.hex());
        plan.previous().ifPresent(p -> data.put("previous_commit", p.hex()));
        data.put("previous_source", plan.previousSource());
        data.put("log", LOG);
        ActionLog log = new ActionLog(runDir, context.redactor());
        try {
            log.append(clock.instant(), "intent rollback: " + argv + " expected=" + expected.hex() + " previous="
                    + plan.previous().map(CommitId::hex).orElse("unknown") + " because " + plan.reason());
        } catch (IOException e) {
            // without the write-ahead entry the rollback would leave no trace if the gate died: do not start it
            actions.add(new ActionRecord("rollback", "failed", clock.instant(),
                    "the rollback was not started: its intent could not be written to actions.log: " + e.getMessage(),
                    List.of(), data));
            return new RollbackOutcome(actions, RollbackState.NOT_CONFIRMED, "the rollback was not started: actions.log is not writable");
        }
        actions.add(new ActionRecord("rollback", "intended", clock.instant(), plan.reason(), List.of(), data));
        listener.stage("Rolling back: " + CommandRunner.display(argv, context.redactor()));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GATE_EXPECTED_COMMIT", expected.hex());
        env.put("GATE_PREVIOUS_COMMIT", plan.previous().map(CommitId::hex).orElse(""));
        env.put("GATE_TARGET", suite.target().toString());
        env.put("GATE_RUN_DIR", runDir.toAbsolutePath().toString());
        env.put("GATE_VERDICT", verdict);
        Path logFile = runDir.resolve(LOG);
        try {
            dev.gate.io.AtomicFiles.createFolders(logFile.getParent());
        } catch (IOException e) {
            logFile = runDir.resolve("rollback.log");
        }
        Path folder = suite.file().toAbsolutePath().getParent();
        try {
            return runAndConfirm(plan, expected, argv, env, folder, logFile, actions, data, context, browser, log);
        } catch (InterruptedException e) {
            // stopped by a signal: the command was killed with its children, and the release may be
            // half rolled back. That is recorded, not thrown on: the record is what the person
            // who stopped the gate reads next, and the caller knows of the signal anyway.
            String line = "the rollback was interrupted and its command stopped with its child processes; "
                    + "the site may be half rolled back";
            appendQuietly(log, "rollback interrupted: its command was stopped with its child processes");
            actions.add(new ActionRecord("rollback", "interrupted", clock.instant(), line, List.of(), data));
            return new RollbackOutcome(actions, RollbackState.NOT_CONFIRMED, line + ": a person is needed now");
        }
    }

    private RollbackOutcome runAndConfirm(RollbackPlan plan, CommitId expected, List<String> argv, Map<String, String> env,
                                          Path folder, Path logFile, List<ActionRecord> actions, Map<String, String> data,
                                          CheckContext context, Optional<BrowserSession> browser, ActionLog log)
            throws InterruptedException {
        ProcessOutcome ran = new CommandRunner(context.redactor())
                .run(argv, env, folder, suite.onFailure().rollbackTimeout(), logFile, Optional.of(echo));
        appendQuietly(log, "rollback " + ran.describe());
        if (!ran.succeeded()) {
            String line = "the rollback command " + ran.describe();
            actions.add(new ActionRecord("rollback", "failed", clock.instant(), line, List.of(), data));
            listener.checkFinished(CheckResult.fail("rollback", "rollback", "rollback", line).withPlaybook("rollback-failed"));
            return new RollbackOutcome(actions, RollbackState.NOT_CONFIRMED, line + ": a person is needed now");
        }
        if (plan.previous().isEmpty()) {
            String line = "the rollback command " + ran.describe() + ", but the previous commit is unknown, so the rollback "
                    + "cannot be confirmed";
            actions.add(new ActionRecord("rollback", "unconfirmed", clock.instant(), line, List.of(), data));
            return new RollbackOutcome(actions, RollbackState.NOT_CONFIRMED, line);
        }
        return confirm(plan.previous().get(), expected, ran, actions, data, context, browser, log);
    }

    private RollbackOutcome confirm(CommitId previous, CommitId rolledBack, ProcessOutcome ran, List<ActionRecord> actions,
                                    Map<String, String> data, CheckContext context, Optional<BrowserSession> browser,
                                    ActionLog log) throws InterruptedException {
        listener.stage("Rollback " + ran.describe() + "; waiting for " + previous.shortHex() + " to be live again");
        CheckExecutor executor = new CheckExecutor(Math.max(4, suite.pagesParallel()), suite.timeouts().run(), listener);
        CommitCheck back = new CommitCheck(suite.marker(), suite.markerLocations(), suite.converge(), previous,
                Optional.of(rolledBack), CommitRoles.AFTER_ROLLBACK);
        CheckResult commit = executor.runOne(back, context);
        List<CheckResult> pages = List.of();
        if (commit.status() == Status.PASS && browser.isPresent()) {
            // under ids of their own, so the evidence of the failed release is not overwritten
            List<Check> again = Plan.pageChecks(suite, browser.get(), previous, "rollback-");
            pages = executor.runAll(again, context, clock.instant().plus(suite.timeouts().run()));
        }
        List<String> details = new ArrayList<>();
        details.add(commit.summary());
        pages.forEach(p -> details.add(p.id().substring("rollback-".length()) + ": " + p.status() + ": " + p.summary()));
        boolean pagesOk = pages.stream().noneMatch(p -> p.status().isProblem());
        if (commit.status() == Status.PASS && pagesOk) {
            String line = "rolled back to " + previous.shortHex() + " and confirmed: it is live on every key page"
                    + (pages.isEmpty() ? "" : " and they render") + " (" + Durations.format(ran.took()) + " to roll back)";
            appendQuietly(log, "rollback confirmed: " + previous.hex() + " is live");
            actions.add(new ActionRecord("rollback", "succeeded", clock.instant(), line, details, data));
            return new RollbackOutcome(actions, RollbackState.CONFIRMED, line);
        }
        String why = commit.status() != Status.PASS ? commit.summary()
                : pages.stream().filter(p -> p.status().isProblem()).map(CheckResult::summary).findFirst().orElse("");
        String line = "the rollback command " + ran.describe() + ", but the previous release is not back: " + why;
        appendQuietly(log, "rollback not confirmed: " + why);
        actions.add(new ActionRecord("rollback", "unconfirmed", clock.instant(), line, details, data));
        return new RollbackOutcome(actions, RollbackState.NOT_CONFIRMED, line);
    }

    private void appendQuietly(ActionLog log, String entry) {
        try {
            log.append(clock.instant(), entry);
        } catch (IOException e) {
            // the intent is on disk; the outcome is also in result.json
        }
    }
}
