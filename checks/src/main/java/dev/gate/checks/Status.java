package dev.gate.checks;

/** The outcome of one check. Ordered by severity, so the worst of several is the maximum. */
public enum Status {
    PASS,
    /**
     * Not run, because something it needs failed first (the suite's login): never a pass, and it
     * does not block by itself either, since the check it waited on carries the failure.
     */
    SKIPPED,
    WARN,
    FAIL,
    /** The check itself could not run; fail-closed policy treats it like a failure. */
    ERROR;

    public Status worst(Status other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public boolean isProblem() {
        return this == FAIL || this == ERROR;
    }
}
