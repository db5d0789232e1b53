package dev.gate.act;

import dev.gate.run.ActionRecord;
import dev.gate.run.ExitStatus;
import dev.gate.run.RollbackState;
import dev.gate.verdict.Verdict;
import java.util.Optional;
import java.util.List;

/**
 * What the rollback step did.
 *
 * @param state whether the previous release is confirmed back; anything else needs a person
 * @param line  the outcome in one line, for the verdict
 */
public record RollbackOutcome(List<ActionRecord> actions, RollbackState state, String line) {
    public RollbackOutcome {
        actions = List.copyOf(actions);
    }

    /** The exit status of the blocked run this rollback ends. */
    public int exitStatus() {
        return ExitStatus.of(Verdict.BLOCK, state, Optional.empty(), true);
    }
}
