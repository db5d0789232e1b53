package dev.gate.run;

import dev.gate.checks.CheckResult;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.commit.CommitOutcome;
import dev.gate.verdict.Policy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run record from the records of sharded runs. Every shard ran the commit check, so it
 * appears once, as the worst of its copies; every other check ran in exactly one shard. The
 * verdict is decided again from the merged checks, by the same policy as a single run.
 */
public final class ShardMerge {
    private ShardMerge() {
    }

    /** Records that cannot be merged: another commit, another target, another schema. */
    public static final class MismatchException extends Exception {
        private static final long serialVersionUID = 1L;

        public MismatchException(String message) {
            super(message);
        }
    }

    public static RunRecord merge(List<RunRecord> shards, Policy policy, Instant now) throws MismatchException {
        if (shards.isEmpty()) {
            throw new MismatchException("no run records to merge");
        }
        RunRecord first = shards.get(0);
        for (RunRecord r : shards) {
            if (!RunRecord.SCHEMA.equals(r.schema())) {
                throw new MismatchException("a record has schema \"" + r.schema() + "\"; this gate merges " + RunRecord.SCHEMA);
            }
            if (!r.expectedCommit().equals(first.expectedCommit())) {
                throw new MismatchException("the records verify different commits: " + first.expectedCommit().shortHex()
                        + " and " + r.expectedCommit().shortHex());
            }
            if (!r.target().equals(first.target())) {
                throw new MismatchException("the records verify different targets: " + first.target() + " and " + r.target());
            }
        }
        Map<String, CheckResult> checks = new LinkedHashMap<>();
        for (RunRecord r : shards) {
            for (CheckResult read : r.checks()) {
                // read back from a shard's file: one line again before it makes the merged reason
                CheckResult c = read.withOneLineSummary();
                checks.merge(c.id(), c, (a, b) -> b.status().compareTo(a.status()) > 0 ? b : a);
            }
        }
        // Liveness is declared from best to worst: a shard that saw the release stale speaks for all
        RunRecord worstRelease = shards.stream().max(Comparator.comparing(RunRecord::release)).orElse(first);
        Optional<CommitId> previous = shards.stream().map(RunRecord::previousCommit).flatMap(Optional::stream).findFirst();
        Instant started = shards.stream().map(RunRecord::startedAt).min(Instant::compareTo).orElse(now);
        Instant finished = shards.stream().map(RunRecord::finishedAt).max(Instant::compareTo).orElse(now);
        List<ActionRecord> actions = new ArrayList<>();
        shards.forEach(r -> actions.addAll(r.actions()));
        CommitOutcome commit = new CommitOutcome(worstRelease.release(), worstRelease.observedCommit(), previous);
        return RunRecord.decided(first.suite(), first.target(), first.expectedCommit(), commit,
                        List.copyOf(checks.values()), policy, new RunRecord.Times(started, now, finished),
                        shards.stream().anyMatch(RunRecord::interrupted), Shard.ALL)
                .withActions(actions);
    }
}
