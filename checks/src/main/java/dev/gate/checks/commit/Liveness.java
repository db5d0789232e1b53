package dev.gate.checks.commit;

/**
 * Whether the expected release went live. Rollback depends on it: a release that never went live
 * has nothing to roll back, while a partly live one must be rolled back like a live one. Declared
 * from best to worst, so that several observations of one release (shards) keep the worst.
 */
public enum Liveness {
    /** Every key page served the expected commit for the required rounds in a row. */
    LIVE,
    /** Some responses served the expected commit, others did not. */
    PARTLY_LIVE,
    /** Commits were read, and none was the expected one. */
    NEVER_LIVE,
    /** No commit could be read at all (the site was down or lost its marker). */
    UNKNOWN
}
