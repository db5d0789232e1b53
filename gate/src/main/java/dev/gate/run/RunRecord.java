package dev.gate.run;

import dev.gate.verdict.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything one run saw and did: {@code result.json}, schema {@value #SCHEMA}. Every report is
 * rendered from this record and nothing else.
 *
 * @param decidedAt      when the verdict was reached, before any action: the first detection
 * @param release        whether the expected commit went live: LIVE, PARTLY_LIVE, NEVER_LIVE, UNKNOWN
 * @param reason         the verdict in one line a person reads
 * @param interrupted    the run was stopped by a signal before it finished
 * @param shard          {@code K/N} when this run covered one shard of the checks
 */
public record RunRecord(
        String schema,
        String gateVersion,
        SuiteRef suite,
        String target,
        Instant startedAt,
        Instant finishedAt,
        Instant decidedAt,
        String expectedCommit,
        Optional<String> observedCommit,
        Optional<String> previousCommit,
        String release,
        Verdict verdict,
        int exitStatus,
        String reason,
        List<CheckRecord> checks,
        List<ActionRecord> actions,
        boolean interrupted,
        Optional<String> shard) {

    public static final String SCHEMA = "gate.run/1";

    public RunRecord {
        checks = List.copyOf(checks);
        actions = List.copyOf(actions);
        observedCommit = observedCommit == null ? Optional.empty() : observedCommit;
        previousCommit = previousCommit == null ? Optional.empty() : previousCommit;
        shard = shard == null ? Optional.empty() : shard;
    }

    /** The suite as the record names it. */
    public record SuiteRef(String name, String file) {
    }

    public RunRecord withActions(List<ActionRecord> newActions) {
        return new RunRecord(schema, gateVersion, suite, target, startedAt, finishedAt, decidedAt, expectedCommit,
                observedCommit, previousCommit, release, verdict, exitStatus, reason, checks, newActions, interrupted, shard);
    }

    /** The same record, marked interrupted (or not) and blocking when interrupted. */
    public RunRecord interrupted(boolean stopped) {
        return new RunRecord(schema, gateVersion, suite, target, startedAt, finishedAt, decidedAt, expectedCommit,
                observedCommit, previousCommit, release, stopped ? Verdict.BLOCK : verdict, exitStatus, reason, checks,
                actions, stopped, shard);
    }

    public RunRecord withVerdict(Verdict newVerdict) {
        return new RunRecord(schema, gateVersion, suite, target, startedAt, finishedAt, decidedAt, expectedCommit,
                observedCommit, previousCommit, release, newVerdict, exitStatus, reason, checks, actions, interrupted, shard);
    }

    public RunRecord withOutcome(int newExitStatus, String newReason, Instant newFinishedAt) {
        return new RunRecord(schema, gateVersion, suite, target, startedAt, newFinishedAt, decidedAt, expectedCommit,
                observedCommit, previousCommit, release, verdict, newExitStatus, newReason, checks, actions, interrupted, shard);
    }
}
