package dev.gate.act;

import dev.gate.run.ActionRecord;
import java.util.List;

/**
 * What the rollback step did.
 *
 * @param exitStatus 1 when the rollback was not needed or was confirmed; 3 when a person is needed
 * @param line       the outcome in one line, for the verdict
 */
public record RollbackOutcome(List<ActionRecord> actions, int exitStatus, String line) {
    public RollbackOutcome {
        actions = List.copyOf(actions);
    }
}
