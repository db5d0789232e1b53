package dev.gate.baseline;

/** A baseline that cannot be used; the message names the file and why. */
public final class BaselineException extends Exception {
    private static final long serialVersionUID = 1L;

    public BaselineException(String message) {
        super(message);
    }
}
