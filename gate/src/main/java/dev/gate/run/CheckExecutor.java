package dev.gate.run;

import dev.gate.checks.Check;
import dev.gate.checks.CheckContext;
import dev.gate.checks.CheckResult;
import dev.gate.checks.Durations;
import dev.gate.checks.Status;
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

/**
 * Runs checks with bounded parallelism under a deadline. This is where fail-closed happens: a
 * check that throws or overruns becomes an {@link Status#ERROR} result with its cause in one
 * line, never a missing result.
 */
public final class CheckExecutor {
    private final int parallelism;
    private final RunListener listener;

    public CheckExecutor(int parallelism, RunListener listener) {
        this.parallelism = Math.max(1, parallelism);
        this.listener = listener;
    }

    /** Runs one check in the calling thread, turning anything it throws into an ERROR result. */
    public CheckResult runOne(Check check, String kind, String name, CheckContext context) throws InterruptedException {
        listener.checkStarted(check.id(), name);
        Instant start = context.clock().instant();
        CheckResult result;
        try {
            result = check.run(context);
            if (result == null) {
                result = CheckResult.error(check.id(), kind, name, "the check returned no result");
            }
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            // a stack overflow (a suite's regex recursing over a large page) has unwound by now: the run
            // goes on, and must not end without its record
            result = CheckResult.error(check.id(), kind, name, "the check could not run: " + oneLine(e));
        }
        if (result.duration().isZero()) {
            result = result.withDuration(Duration.between(start, context.clock().instant()));
        }
        listener.checkFinished(result);
        return result;
    }

    /**
     * Runs the checks, at most {@code parallelism} at a time, in their order. Those not finished
     * by {@code deadline} are cancelled and reported as errors.
     */
    public List<CheckResult> runAll(List<PlannedCheck> checks, CheckContext context, Instant deadline)
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
            for (PlannedCheck p : checks) {
                futures.add(pool.submit(() -> runOne(p.check(), p.kind(), p.name(), context)));
            }
            List<CheckResult> results = new ArrayList<>();
            for (int i = 0; i < checks.size(); i++) {
                PlannedCheck p = checks.get(i);
                long left = Duration.between(context.clock().instant(), deadline).toNanos();
                try {
                    results.add(futures.get(i).get(Math.max(0, left), TimeUnit.NANOSECONDS));
                } catch (TimeoutException e) {
                    futures.get(i).cancel(true);
                    CheckResult r = CheckResult.error(p.check().id(), p.kind(), p.name(),
                            "did not finish within the run timeout (" + Durations.format(p.runTimeout()) + ")");
                    listener.checkFinished(r);
                    results.add(r);
                } catch (ExecutionException e) {
                    CheckResult r = CheckResult.error(p.check().id(), p.kind(), p.name(),
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
