package dev.gate.run;

import java.util.Optional;

/** The exit statuses pipelines rely on, and the one function that decides which a run ends with. */
public final class ExitStatus {
    /** PASS, warnings allowed. */
    public static final int PASS = 0;
    /** BLOCK: the deploy failed the gate (and a requested rollback was done and verified). */
    public static final int BLOCK = 1;
    /** The suite or the flags are invalid; nothing was probed. */
    public static final int INVALID = 2;
    /** BLOCK, and the rollback failed or could not be verified: a person is needed now. */
    public static final int PERSON_NEEDED = 3;

    private ExitStatus() {
    }

    /** A run stopped before it was decided: the signal's status, else BLOCK (nothing is proven). */
    public static int interrupted(Optional<dev.gate.io.StopSignal.Signal> signal) {
        return of(dev.gate.verdict.Verdict.BLOCK, RollbackState.NOT_RUN, signal, true);
    }

    /**
     * A signal wins (the shell convention, 128 + its number), then a rollback that left the site in
     * doubt, then a record that could not be written (a run without its evidence must not pass),
     * then the verdict.
     */
    public static int of(dev.gate.verdict.Verdict verdict, RollbackState rollback, Optional<dev.gate.io.StopSignal.Signal> interrupted,
                         boolean recordWritten) {
        if (interrupted.isPresent()) {
            return interrupted.get().exitStatus();
        }
        if (rollback == RollbackState.NOT_CONFIRMED) {
            return PERSON_NEEDED;
        }
        if (!recordWritten || verdict.blocks()) {
            return BLOCK;
        }
        return PASS;
    }
}
