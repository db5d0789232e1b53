package dev.gate.freeze;

/**
 * Text that is not a freeze window. The message is one line without a location, so that the suite
 * loader can put {@code suite.yaml:12:5: } in front of it.
 */
public final class FreezeWindowException extends Exception {
    private static final long serialVersionUID = 1L;

    public FreezeWindowException(String message) {
        super(message);
    }
}
