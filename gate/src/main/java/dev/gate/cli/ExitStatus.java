package dev.gate.cli;

/** The exit statuses pipelines rely on. */
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
}
