package dev.gate.run;

import dev.gate.checks.Stage;
import dev.gate.checks.Check;
import dev.gate.checks.CheckContext;
import dev.gate.checks.CheckResult;
import dev.gate.checks.time.Durations;
import dev.gate.checks.Status;
import dev.gate.checks.commit.CommitCheck;
import dev.gate.checks.commit.CommitOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs checks with bounded parallelism under a deadline. This is where fail-closed happens: a
 * check that throws or overruns becomes an {@link Status#ERROR} result with its cause in one
 * line, never a missing result. It is also where a check is tried again, one mechanism for every
 * kind: when an attempt fails and the check marked the failure as one that may pass
 * ({@link CheckResult#transientCause()}), it runs again after a pause, in a context of its own
 * (a page's second attempt gets a new browser context, an API call a new connection in any case), as many times
 * as {@link Retries} allows; {@link RetriedResult} makes the attempts one result.
 */
public final class CheckExecutor {
    private final int parallelism;
    private final Duration runTimeout;
    private final RunListener listener;
    private final Retries retries;

    /**
     * Runs every check once.
     *
     * @param runTimeout the suite's run timeout, named in the error of a check that overruns it
     */
    public CheckExecutor(int parallelism, Duration runTimeout, RunListener listener) {
        this(parallelism, runTimeout, listener, Retries.NONE);
    }

    /** @param retries how many times each check may be tried again after a failure that may pass */
    public CheckExecutor(int parallelism, Duration runTimeout, RunListener listener, Retries retries) {
        this.parallelism = Math.max(1, parallelism);
        this.runTimeout = runTimeout;
        this.listener = listener;
        this.retries = retries;
    }

    /**
     * Runs one check in the calling thread, turning anything it throws into an ERROR result, and
     * trying it again while its failure may pass and its retries last.
     */
    public CheckResult runOne(Check check, CheckContext context) throws InterruptedException {
        listener.checkStarted(check.id(), check.name());
        Instant start = context.clock().instant();
        List<CheckResult> attempts = new ArrayList<>();
        CheckResult last = attempt(check, check::run, context);
        attempts.add(last);
        while (attempts.size() <= retries.of(check.id()) && last.status().isProblem()
                && last.transientCause().isPresent()) {
            listener.progress(check.id(), "attempt " + attempts.size() + " failed (" + last.transientCause().get()
                    + "); trying again in " + Durations.format(retries.pause()));
            context.sleeper().sleep(retries.pause());
            last = attempt(check, check::run, context.forAttempt(attempts.size() + 1));
            attempts.add(last);
        }
        CheckResult result = attempts.size() == 1 ? last
                : RetriedResult.of(attempts, Duration.between(start, context.clock().instant()));
        listener.checkFinished(result);
        return result;
    }

    /**
     * Runs the commit check under the same rule, keeping its typed outcome: when it could not run,
     * the outcome is {@link CommitCheck#unknown}, so nothing downstream mistakes it for live.
     */
    public CommitCheck.Finding runRelease(CommitCheck check, CheckContext context) throws InterruptedException {
        AtomicReference<CommitOutcome> outcome = new AtomicReference<>();
        CheckResult result = guard(check, c -> {
            CommitCheck.Finding found = check.find(c);
            outcome.set(found.outcome());
            return found.result();
        }, context);
        return outcome.get() == null ? check.unknown(result) : new CommitCheck.Finding(result, outcome.get());
    }

    /** What a guarded check does; it may throw anything. */
    @FunctionalInterface
    private interface Step {
        CheckResult run(CheckContext context) throws Exception;
    }

    private CheckResult guard(Check check, Step step, CheckContext context) throws InterruptedException {
        listener.checkStarted(check.id(), check.name());
        CheckResult result = attempt(check, step, context);
        listener.checkFinished(result);
        return result;
    }

    /** One attempt of a check, timed, with whatever it throws as an ERROR result. */
    private static CheckResult attempt(Check check, Step step, CheckContext context) throws InterruptedException {
        Instant start = context.clock().instant();
        CheckResult result;
        try {
            result = step.run(context);
            if (result == null) {
                result = CheckResult.error(check.id(), check.kind(), check.name(), "the check returned no result");
            }
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            // a stack overflow (a suite's regex recursing over a large page) has unwound by now: the run
            // goes on, and must not end without its record
            result = CheckResult.error(check.id(), check.kind(), check.name(), "the check could not run: " + oneLine(e));
        }
        result = result.withOneLineSummary();
        if (result.duration().isZero()) {
            result = result.withDuration(Duration.between(start, context.clock().instant()));
        }
        return result;
    }

    /**
     * Runs a stage in the calling thread; what it throws becomes one ERROR result under its id.
     * Its results are timed together, since the stage decides them together.
     */
    public List<CheckResult> runStage(Stage stage, CheckContext context) throws InterruptedException {
        listener.stage(stage.description());
        Instant start = context.clock().instant();
        List<CheckResult> results;
        try {
            results = stage.run(context);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            results = List.of(CheckResult.error(stage.id(), stage.id(), stage.description(),
                    "the stage could not run: " + oneLine(e)));
        }
        Duration took = Duration.between(start, context.clock().instant());
        List<CheckResult> timed = results.stream().map(r -> r.withOneLineSummary().withDuration(took)).toList();
        timed.forEach(listener::checkFinished);
        return timed;
    }

    /**
     * Runs the checks, at most {@code parallelism} at a time, in their order. Those not finished
     * by {@code deadline} are cancelled and reported as errors.
     */
    public List<CheckResult> runAll(List<? extends Check> checks, CheckContext context, Instant deadline)
            throws InterruptedException {
        if (checks.isEmpty()) {
            return List.of();
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, checks.size()), r -> {
            Thread t = new Thread(r, "gate-check-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<CheckResult>> futures = new ArrayList<>();
            for (Check c : checks) {
                futures.add(pool.submit(() -> runOne(c, context)));
            }
            List<CheckResult> results = new ArrayList<>();
            for (int i = 0; i < checks.size(); i++) {
                Check c = checks.get(i);
                long left = Duration.between(context.clock().instant(), deadline).toNanos();
                try {
                    results.add(futures.get(i).get(Math.max(0, left), TimeUnit.NANOSECONDS));
                } catch (TimeoutException e) {
                    futures.get(i).cancel(true);
                    CheckResult r = CheckResult.error(c.id(), c.kind(), c.name(),
                            "did not finish within the run timeout (" + Durations.format(runTimeout) + ")");
                    listener.checkFinished(r);
                    results.add(r);
                } catch (ExecutionException e) {
                    CheckResult r = CheckResult.error(c.id(), c.kind(), c.name(),
                            "the check could not run: " + oneLine(e.getCause()));
                    listener.checkFinished(r);
                    results.add(r);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** An exception as one line: its message, or its type when it has none. */
    public static String oneLine(Throwable e) {
        Throwable t = e;
        while ((t.getMessage() == null || t.getMessage().isBlank()) && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t.getClass().getSimpleName();
        }
        String first = message.strip().lines().findFirst().orElse("");
        boolean plain = t instanceof java.io.IOException || t instanceof IllegalArgumentException
                || t instanceof IllegalStateException;
        return plain ? first : t.getClass().getSimpleName() + ": " + first;
    }
}
