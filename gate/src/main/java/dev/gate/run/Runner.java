package dev.gate.run;

import dev.gate.checks.Stage;
import dev.gate.checks.CheckContext;
import dev.gate.checks.CheckResult;
import dev.gate.checks.Progress;
import dev.gate.checks.Sleeper;
import dev.gate.checks.commit.CommitCheck;
import dev.gate.checks.commit.CommitOutcome;
import dev.gate.checks.commit.Liveness;
import dev.gate.checks.http.HttpProbe;
import dev.gate.checks.page.BrowserUnavailableException;
import dev.gate.suite.Suite;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one verification's plan: the unconditional checks, then waits for the expected commit,
 * then (when it is live) the checks in parallel and the stages alone, and decides. It returns the
 * run record and writes nothing; acting and reporting come after, from the record.
 */
public final class Runner {
    private final Clock clock;
    private final Sleeper sleeper;
    private final RunListener listener;
    private final BrowserSupply browser;
    private final ReleaseLive releaseLive;

    /**
     * @param browser     the run's browser, when the suite has pages: its {@link BrowserSupply#started}
     *                    session is planned with while it starts, and it is waited for ({@link
     *                    BrowserSupply#get}) once the release is live, before any check of the plan
     * @param releaseLive told once the expected release is live, before the checks that follow
     */
    public Runner(Clock clock, Sleeper sleeper, RunListener listener, BrowserSupply browser, ReleaseLive releaseLive) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.listener = listener;
        this.browser = browser;
        this.releaseLive = releaseLive;
    }

    /**
     * Verifies, fail-closed: whatever goes wrong inside, the answer is a record, and a record that
     * could not be completed blocks.
     */
    /**
     * @throws BrowserUnavailableException when the browser the pages need did not start: no verdict
     *                                     on the release then, only the commit check has read the site
     */
    public RunRecord verify(VerifyRequest request) throws BrowserUnavailableException {
        Instant started = clock.instant();
        List<CheckResult> results = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<CommitOutcome> commit = new AtomicReference<>(CommitOutcome.unknown(request.before().liveCommit()));
        try {
            verify(request, started, results, commit);
            return record(request, started, results, commit.get(), false);
        } catch (InterruptedException e) {
            // stopped by a signal: what was seen so far, and a blocking verdict, since nothing is proven
            List<CheckResult> seen = new ArrayList<>(results);
            seen.add(CheckResult.error("interrupted", "gate", "the run", "the run was interrupted before it finished"));
            return record(request, started, seen, commit.get(), true);
        } catch (RuntimeException | LinkageError e) {
            CheckResult crash = CheckResult.error("gate", "gate", "the gate itself",
                    "the gate failed while verifying: " + CheckExecutor.oneLine(e));
            listener.checkFinished(crash);
            List<CheckResult> seen = new ArrayList<>(results);
            seen.add(crash);
            return record(request, started, seen, commit.get(), false);
        }
    }

    private void verify(VerifyRequest request, Instant started, List<CheckResult> results,
                        AtomicReference<CommitOutcome> commit) throws InterruptedException, BrowserUnavailableException {
        Suite suite = request.suite();
        Instant deadline = started.plus(suite.timeouts().run());
        CheckContext context = context(suite, request.runDir(), clock, sleeper, listener);
        // without a baseline or a deploy command of its own, the deploy is taken to start with the verify
        Before before = request.before().deployStarted().isPresent() ? request.before()
                : request.before().withDeployStarted(started);
        Plan plan = Plan.of(new Plan.Inputs(suite, request.expected(), before, request.shard(), browser.started(),
                request.trend()));
        CheckExecutor executor = new CheckExecutor(Math.max(4, suite.pagesParallel()), suite.timeouts().run(), listener,
                Retries.of(suite));

        // they probe nothing and hold whatever the release does: the final table and the verdict say
        // them, the live console does not
        results.addAll(new CheckExecutor(1, suite.timeouts().run(), RunListener.SILENT)
                .runAll(plan.unconditional(), context, deadline));
        listener.stage("Waiting for " + request.expected().shortHex() + " to be live on "
                + suite.markerLocations().size() + " location(s) of " + suite.target());
        CommitCheck.Finding release = executor.runRelease(plan.release(), context);
        results.add(release.result());
        commit.set(release.outcome());
        if (release.outcome().liveness() != Liveness.LIVE) {
            if (plan.hasMore()) {
                listener.stage("Skipping " + plan.checks().size() + " checks: the expected release is not live");
            }
            return;
        }
        if (!plan.checks().isEmpty()) {
            // it started while the commit check polled
            browser.get();
        }
        Instant live = clock.instant();
        releaseLive.seen(record(request, started, new ArrayList<>(results), release.outcome(), false));
        if (!plan.checks().isEmpty()) {
            listener.stage("Running " + plan.checks().size() + (plan.checks().size() == 1 ? " check" : " checks"));
            results.addAll(executor.runAll(plan.checks(), context, deadline));
        }
        for (Stage stage : plan.stages()) {
            // alone, after the others: page rendering must not compete with latency samples
            results.addAll(executor.runStage(stage.liveSince(live), context));
        }
    }

    /** The context checks of this suite run with: its timeouts, TLS policy and secrets. */
    public static CheckContext context(Suite suite, java.nio.file.Path runDir, Clock clock, Sleeper sleeper,
                                       RunListener listener) {
        Progress progress = new Progress() {
            @Override
            public void note(String checkId, String message) {
                listener.progress(checkId, message);
            }

            @Override
            public void milestone(String checkId, String event) {
                listener.milestone(checkId, event);
            }
        };
        return new CheckContext(suite.target(), new HttpProbe(suite.timeouts().request(), suite.tls()), clock, sleeper,
                runDir, suite.redactor(), progress);
    }

    private RunRecord record(VerifyRequest request, Instant started, List<CheckResult> results, CommitOutcome commit,
                             boolean interrupted) {
        Suite suite = request.suite();
        return RunRecord.decided(RunRecord.SuiteRef.of(suite), suite.target().toString(), request.expected(), commit,
                List.copyOf(results), suite.policy(), RunRecord.Times.at(started, clock.instant()), interrupted,
                request.shard());
    }
}
