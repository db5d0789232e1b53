package dev.gate.git;

/** A repository the gate cannot use, with the reason in one line. */
public final class GitException extends Exception {
    private static final long serialVersionUID = 1L;

    public GitException(String message) {
        super(message);
    }

    public GitException(String message, Throwable cause) {
        super(message, cause);
    }
}
