package dev.gate.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.gate.checks.CheckResult;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.commit.CommitOutcome;
import dev.gate.checks.commit.Liveness;
import dev.gate.verdict.Policy;
import dev.gate.verdict.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything one run saw and did: {@code result.json}, schema {@value #SCHEMA}. Every report is
 * rendered from this record and nothing else. Built by {@link #decided}; the other steps copy it
 * with their part changed.
 *
 * @param decidedAt      when the verdict was reached, before any action: the first detection
 * @param release        whether the expected commit went live
 * @param previousCommit the release live before the deploy: the baseline's, or the one the site served first
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
        CommitId expectedCommit,
        Optional<CommitId> observedCommit,
        Optional<CommitId> previousCommit,
        Liveness release,
        Verdict verdict,
        int exitStatus,
        String reason,
        List<CheckResult> checks,
        List<ActionRecord> actions,
        boolean interrupted,
        Optional<String> shard) {

    public static final String SCHEMA = "gate.run/1";

    public RunRecord {
        // no checks on the commit and verdict: a record read back may lack them, and its reader says so
        release = release == null ? Liveness.UNKNOWN : release;
        checks = List.copyOf(checks);
        actions = actions == null ? List.of() : List.copyOf(actions);
        observedCommit = observedCommit == null ? Optional.empty() : observedCommit;
        previousCommit = previousCommit == null ? Optional.empty() : previousCommit;
        shard = shard == null ? Optional.empty() : shard;
    }

    /** The suite as the record names it. */
    public record SuiteRef(String name, String file) {
        public static SuiteRef of(dev.gate.suite.Suite suite) {
            return new SuiteRef(suite.name(), suite.file().toString());
        }
    }

    /** When the run happened: started, the verdict reached, finished. */
    public record Times(Instant startedAt, Instant decidedAt, Instant finishedAt) {
        public static Times at(Instant started, Instant now) {
            return new Times(started, now, now);
        }
    }

    /**
     * The record of a run that reached a verdict: decided from the checks by the suite's policy,
     * blocking when interrupted (nothing is then proven), with its one-line reason and exit status.
     */
    public static RunRecord decided(SuiteRef suite, String target, CommitId expected, CommitOutcome commit,
                                    List<CheckResult> checks, Policy policy, Times times, boolean interrupted,
                                    Shard shard) {
        Verdict verdict = interrupted ? Verdict.BLOCK : policy.decide(checks);
        return new RunRecord(SCHEMA, GateVersion.get(), suite, target, times.startedAt(), times.finishedAt(),
                times.decidedAt(), expected, commit.observed(), commit.previous(), commit.liveness(), verdict,
                ExitStatus.of(verdict, RollbackState.NOT_RUN, Optional.empty(), true), VerdictLine.of(verdict, checks),
                checks, List.of(), interrupted, shard.isAll() ? Optional.empty() : Optional.of(shard.toString()));
    }

    /** Where the rollback left the site, read from its action records. */
    @JsonIgnore
    public RollbackState rollbackState() {
        return actions.stream().filter(a -> a.kind().equals(ActionRecord.ROLLBACK) && !a.outcome().equals("intended")
                        && !a.outcome().equals("skipped"))
                .reduce((first, second) -> second)
                .map(a -> a.outcome().equals("succeeded") ? RollbackState.CONFIRMED : RollbackState.NOT_CONFIRMED)
                .orElse(RollbackState.NOT_RUN);
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

    /** The same record with its texts replaced, as redaction makes it. */
    public RunRecord withTexts(String newTarget, String newReason, List<CheckResult> newChecks, List<ActionRecord> newActions) {
        return new RunRecord(schema, gateVersion, suite, newTarget, startedAt, finishedAt, decidedAt, expectedCommit,
                observedCommit, previousCommit, release, verdict, exitStatus, newReason, newChecks, newActions, interrupted,
                shard);
    }
}
