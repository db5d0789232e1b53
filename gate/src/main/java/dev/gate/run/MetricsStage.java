package dev.gate.run;

import dev.gate.checks.CheckContext;
import dev.gate.checks.CheckResult;
import dev.gate.checks.Stage;
import dev.gate.checks.http.HttpProbe;
import dev.gate.checks.metric.MetricsEvaluation;
import dev.gate.checks.metric.MetricsSpec;
import dev.gate.checks.metric.PrometheusClient;
import dev.gate.checks.metric.Window;
import dev.gate.checks.time.Durations;
import dev.gate.suite.Suite;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The team's own monitoring: the suite's Prometheus queries over the window before the deploy
 * (ending when it started) and the window after the release went live, which this stage waits
 * for. It runs once, in the shard that keeps latency, since its queries see the whole site and
 * not one shard's part of it.
 */
public final class MetricsStage implements Stage {
    /** What one answer of Prometheus may weigh: a window of one series is a few kilobytes. */
    static final int MAX_ANSWER_BYTES = 8 * 1024 * 1024;
    private static final Duration LONGEST_NOTE = Duration.ofSeconds(30);

    private final Suite suite;
    private final Instant deployStarted;
    private final Optional<Instant> live;

    /** @param deployStarted where the window before the deploy ends */
    public MetricsStage(Suite suite, Instant deployStarted) {
        this(suite, deployStarted, Optional.empty());
    }

    private MetricsStage(Suite suite, Instant deployStarted, Optional<Instant> live) {
        this.suite = suite;
        this.deployStarted = deployStarted;
        this.live = live;
    }

    @Override
    public String id() {
        return "metrics";
    }

    @Override
    public String shardId() {
        return LatencyStage.SHARD_ID;
    }

    @Override
    public Stage liveSince(Instant at) {
        return new MetricsStage(suite, deployStarted, Optional.of(at));
    }

    @Override
    public String description() {
        MetricsSpec spec = suite.metrics();
        return "Reading " + spec.queries().size() + " metric(s) from Prometheus: " + Durations.format(spec.before())
                + " before the deploy, " + Durations.format(spec.after()) + " after it went live";
    }

    @Override
    public List<CheckResult> run(CheckContext context) throws InterruptedException {
        MetricsSpec spec = suite.metrics();
        Instant liveAt = live.orElse(context.clock().instant());
        Window before = Window.ending(deployStarted, spec.before());
        Window after = Window.starting(liveAt, spec.after());
        PrometheusClient prometheus = new PrometheusClient(spec.prometheus().orElseThrow(), spec.headers(),
                new HttpProbe(context.http().timeout(), context.http().tls(), MAX_ANSWER_BYTES), context.redactor());
        MetricsEvaluation evaluation = new MetricsEvaluation(prometheus, spec.step(), context.redactor());
        // a Prometheus that is down is known now, not after the wait
        List<CheckResult> unreachable = evaluation.unreachable(spec.queries(), before);
        if (!unreachable.isEmpty()) {
            return unreachable;
        }
        // the last step's samples must have been scraped before it is read: one step more
        waitUntil(context, after.end().plus(spec.step()), liveAt, spec.after());
        return evaluation.evaluate(spec.queries(), before, after);
    }

    /** Waits with the context's sleeper, saying how much of the window has passed. */
    private void waitUntil(CheckContext context, Instant until, Instant liveAt, Duration window)
            throws InterruptedException {
        Duration note = Duration.ofSeconds(1);
        Duration fifth = window.dividedBy(5);
        if (fifth.compareTo(note) > 0) {
            note = fifth.compareTo(LONGEST_NOTE) > 0 ? LONGEST_NOTE : fifth;
        }
        Instant now = context.clock().instant();
        while (now.isBefore(until)) {
            Duration passed = Duration.between(liveAt, now).truncatedTo(ChronoUnit.SECONDS);
            passed = passed.compareTo(window) > 0 ? window : passed;
            context.progress().note(id(), "watching the team's metrics after the deploy: "
                    + (passed.isZero() ? "0s" : Durations.format(passed)) + " of " + Durations.format(window));
            Duration left = Duration.between(now, until);
            context.sleeper().sleep(left.compareTo(note) < 0 ? left : note);
            now = context.clock().instant();
        }
    }
}
