package dev.gate.checks.commit;

import java.util.Objects;
import java.util.Optional;

/**
 * What the commit check learned about the release, as the runner and the rollback decide on it:
 * whether it went live, what the site served at the end, and which release was live before.
 *
 * @param observed the commit the site served most often at the end
 * @param previous the release live before the deploy: the baseline's, else the first other commit
 *                 the site served before the expected one appeared
 */
public record CommitOutcome(Liveness liveness, Optional<CommitId> observed, Optional<CommitId> previous) {
    public CommitOutcome {
        Objects.requireNonNull(liveness, "liveness");
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(previous, "previous");
    }

    /** Nothing could be read (the check failed to run): only what was known before. */
    public static CommitOutcome unknown(Optional<CommitId> previous) {
        return new CommitOutcome(Liveness.UNKNOWN, Optional.empty(), previous);
    }
}
