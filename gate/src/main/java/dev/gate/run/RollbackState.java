package dev.gate.run;

/** Where the rollback left the site, as far as the exit status is concerned. */
public enum RollbackState {
    /** No rollback was needed, asked for, or possible. */
    NOT_RUN,
    /** It ran and the previous release is confirmed live again. */
    CONFIRMED,
    /** It failed, was interrupted, or could not be confirmed: a person is needed now. */
    NOT_CONFIRMED
}
