package dev.gate.run;

import dev.gate.checks.CheckContext;
import dev.gate.checks.CheckResult;
import dev.gate.checks.Progress;
import dev.gate.checks.Redactor;
import dev.gate.checks.Sleeper;
import dev.gate.checks.commit.CommitCheck;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.commit.Liveness;
import dev.gate.checks.http.HttpProbe;
import dev.gate.checks.http.TlsPolicy;
import dev.gate.checks.page.BrowserSession;
import dev.gate.suite.Suite;
import dev.gate.verdict.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one verification: waits for the expected commit, then runs the plan's checks, and decides.
 * It returns the run record and writes nothing; acting and reporting come after, from the record.
 */
public final class Runner {
    private final Clock clock;
    private final Sleeper sleeper;
    private final RunListener listener;
    private final Optional<BrowserSession> browser;

    /** @param browser the run's browser, when the suite has pages */
    public Runner(Clock clock, Sleeper sleeper, RunListener listener, Optional<BrowserSession> browser) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.listener = listener;
        this.browser = browser;
    }

    /**
     * Verifies, fail-closed: whatever goes wrong inside, the answer is a record, and a record that
     * could not be completed blocks.
     */
    public RunRecord verify(VerifyRequest request) {
        Instant started = clock.instant();
        List<CheckResult> results = java.util.Collections.synchronizedList(new ArrayList<>());
        Optional<CommitId> previous = request.baseline().flatMap(b -> b.liveCommit()).flatMap(CommitId::parse);
        try {
            verify(request, started, results, previous);
            return record(request, started, results, previous, false);
        } catch (InterruptedException e) {
            // stopped by a signal: what was seen so far, and a blocking verdict, since nothing is proven
            List<CheckResult> seen = new ArrayList<>(results);
            seen.add(CheckResult.error("interrupted", "gate", "the run", "the run was interrupted before it finished"));
            return record(request, started, seen, previous, true);
        } catch (RuntimeException | LinkageError e) {
            CheckResult crash = CheckResult.error("gate", "gate", "the gate itself",
                    "the gate failed while verifying: " + CheckExecutor.oneLine(e));
            listener.checkFinished(crash);
            List<CheckResult> seen = new ArrayList<>(results);
            seen.add(crash);
            return record(request, started, seen, previous, false);
        }
    }

    private void verify(VerifyRequest request, Instant started, List<CheckResult> results, Optional<CommitId> previous)
            throws InterruptedException {
        Suite suite = request.suite();
        Instant deadline = started.plus(suite.timeouts().run());
        CheckContext context = context(suite, request);

        if (suite.tls() == TlsPolicy.INSECURE) {
            results.add(CheckResult.warn("tls", "tls", "TLS certificate verification",
                    "certificate verification is off (tls.insecure: true): anyone between the gate and the site can answer for it")
                    .withPlaybook("tls-insecure"));
        }
        CommitCheck commitCheck = new CommitCheck(suite.marker(), suite.markerLocations(), suite.converge(),
                request.expected(), previous);
        listener.stage("Waiting for " + request.expected().shortHex() + " to be live on "
                + suite.markerLocations().size() + " location(s) of " + suite.target());
        CheckExecutor executor = new CheckExecutor(Math.max(4, suite.pagesParallel()), listener);
        CheckResult commit = executor.runOne(commitCheck, CommitCheck.KIND,
                "commit " + request.expected().shortHex() + " live", context);
        results.add(commit);
        List<PlannedCheck> plan = Plan.of(new Plan.Inputs(suite, request.expected(), request.baseline(),
                request.shard(), browser));
        if (liveness(commit) == Liveness.LIVE) {
            if (!plan.isEmpty()) {
                listener.stage("Running " + plan.size() + (plan.size() == 1 ? " check" : " checks"));
                results.addAll(executor.runAll(plan, context, deadline));
            }
            LatencyStage latency = new LatencyStage(suite);
            if (latency.enabled() && request.shard().includes(LatencyStage.SHARD_ID)) {
                // alone, after the others: page rendering must not compete with the samples
                listener.stage("Sampling latency of " + suite.latency().endpoints().size() + " endpoint(s)");
                Instant sampling = clock.instant();
                List<CheckResult> decided = latency.verify(context, request.baseline()).stream()
                        .map(r -> r.withDuration(Duration.between(sampling, clock.instant()))).toList();
                decided.forEach(listener::checkFinished);
                results.addAll(decided);
            }
        } else if (!plan.isEmpty() || suite.latency().enabled()) {
            listener.stage("Skipping " + plan.size() + " checks: the expected release is not live");
        }
    }

    /** An ERROR result of the commit check carries no liveness: then nothing is known. */
    static Liveness liveness(CheckResult commit) {
        Object l = commit.metrics().get("liveness");
        return l == null ? Liveness.UNKNOWN : Liveness.valueOf(l.toString());
    }

    private CheckContext context(Suite suite, VerifyRequest request) {
        return context(suite, request.runDir(), clock, sleeper, listener);
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
                runDir, Redactor.of(suite.secrets()), progress);
    }

    private RunRecord record(VerifyRequest request, Instant started, List<CheckResult> results,
                             Optional<CommitId> previous, boolean interrupted) {
        Suite suite = request.suite();
        Verdict verdict = suite.policy().decide(results);
        CheckResult commit = results.stream().filter(r -> r.id().equals(CommitCheck.ID)).findFirst()
                .orElse(CheckResult.error(CommitCheck.ID, CommitCheck.KIND, "commit", "not checked"));
        String release = liveness(commit).name();
        Optional<String> observed = Optional.ofNullable((String) commit.metrics().get("observed_commit"));
        Optional<String> servedBefore = Optional.ofNullable((String) commit.metrics().get("served_before"));
        Optional<String> previousCommit = previous.map(CommitId::hex).or(() -> servedBefore);
        return new RunRecord(RunRecord.SCHEMA, GateVersion.get(),
                new RunRecord.SuiteRef(suite.name(), suite.file().toString()), suite.target().toString(),
                started, clock.instant(), clock.instant(), request.expected().hex(), observed, previousCommit, release, verdict,
                verdict.blocks() ? 1 : 0, VerdictLine.of(verdict, results),
                results.stream().map(CheckRecord::of).toList(), List.of(), interrupted,
                request.shard().isAll() ? Optional.empty() : Optional.of(request.shard().toString()));
    }
}
