package dev.gate.act;

import dev.gate.checks.commit.CommitId;
import dev.gate.checks.commit.Liveness;
import dev.gate.suite.Suite;
import dev.gate.verdict.Verdict;
import java.util.Optional;

/**
 * Whether a rollback runs, decided from the verdict, the release's liveness and the flags, with
 * the reason in words either way.
 *
 * @param previous the commit to go back to, and where it was learned
 */
public record RollbackPlan(boolean run, String reason, Optional<CommitId> previous, String previousSource) {

    public static RollbackPlan decide(Suite suite, Verdict verdict, Liveness liveness, boolean allowed,
                                      Optional<CommitId> fromBaseline, Optional<CommitId> servedBefore) {
        Optional<CommitId> previous = fromBaseline.or(() -> servedBefore);
        String source = fromBaseline.isPresent() ? "from the baseline"
                : servedBefore.isPresent() ? "the commit served before the expected one went live (no baseline)"
                : "unknown: no baseline, and no other commit was seen";
        if (!verdict.blocks()) {
            return new RollbackPlan(false, "the gate did not block", previous, source);
        }
        if (suite.onFailure().rollback().isEmpty()) {
            return new RollbackPlan(false, "no rollback: the suite has no on_failure.rollback", previous, source);
        }
        if (!allowed) {
            return new RollbackPlan(false, "no rollback: --no-rollback was given", previous, source);
        }
        return switch (liveness) {
            case NEVER_LIVE -> new RollbackPlan(false, "the deploy did not go live: nothing to roll back", previous, source);
            case UNKNOWN -> new RollbackPlan(true, "no commit could be read after the deploy, so the new release may be live: "
                    + "rolling back", previous, source);
            case PARTLY_LIVE -> new RollbackPlan(true, "the new release is partly live: rolling back", previous, source);
            case LIVE -> new RollbackPlan(true, "the new release is live and failed the gate: rolling back", previous, source);
        };
    }
}
