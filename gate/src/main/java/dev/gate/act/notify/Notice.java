package dev.gate.act.notify;

import dev.gate.checks.CheckResult;
import dev.gate.checks.Status;
import dev.gate.checks.commit.CommitCheck;
import dev.gate.git.ChangedCommit;
import dev.gate.run.ActionRecord;
import dev.gate.run.RunRecord;
import dev.gate.suite.NotifyEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one message tells: the event, the run's record (already redacted), the commits between the
 * releases and where to see the run. Every message kind is rendered from this value and nothing else.
 *
 * @param link the run's page in CI, else the path of its HTML report
 */
public record Notice(NotifyEvent event, RunRecord record, List<ChangedCommit> commits, String link) {
    public Notice {
        Objects.requireNonNull(event);
        Objects.requireNonNull(record);
        commits = List.copyOf(commits);
        Objects.requireNonNull(link);
    }

    /**
     * When the release went live: the end of the commit check, which runs first and ends once the
     * rollout converged; the decision time where the record has no commit check.
     */
    public Instant liveAt() {
        return record.checks().stream().filter(c -> c.id().equals(CommitCheck.ID)).findFirst()
                .map(c -> record.startedAt().plus(c.duration())).orElse(record.decidedAt());
    }

    /** The line a person reads first. */
    public String headline() {
        String suite = record.suite().name();
        String commit = record.expectedCommit().shortHex();
        return switch (event) {
            case LIVE -> suite + ": " + commit + " is live on " + record.target();
            case ROLLBACK_FAILED -> suite + ": BLOCK for " + commit + ", and the rollback failed: a person is needed now";
            case PASS, WARN, BLOCK -> suite + ": " + record.verdict().name() + " for " + commit + " on " + record.target();
        };
    }

    /** What the rollback did, when the gate tried or chose not to: its last record's outcome and summary. */
    public Optional<String> rollback() {
        return record.actions().stream()
                .filter(a -> a.kind().equals(ActionRecord.ROLLBACK) && !a.outcome().equals("intended"))
                .reduce((first, second) -> second)
                .map(a -> a.outcome() + ": " + a.summary());
    }

    /** The checks that did not pass, in the record's order. */
    public List<CheckResult> failing() {
        return record.checks().stream().filter(c -> c.status() != Status.PASS).toList();
    }

    /** How many checks ended with {@code status}. */
    public long count(Status status) {
        return record.checks().stream().filter(c -> c.status() == status).count();
    }

    /** {@code 1a2b3c4..9f8e7d6}, or the expected commit alone when the previous release is unknown. */
    public String range() {
        String to = record.expectedCommit().shortHex();
        return record.previousCommit().map(p -> p.shortHex() + ".." + to).orElse(to);
    }
}
