package dev.gate.checks.api;

import java.io.IOException;

/**
 * An API call that got no usable response; the message is the cause in one line, for a person.
 * Whether another attempt may get one is decided where the cause is known, from the exception's
 * type (see {@code CallFailures}), never from the message.
 */
public final class ApiCallException extends IOException {
    private static final long serialVersionUID = 1L;

    private final boolean mayPassAgain;

    public ApiCallException(String message, Throwable cause, boolean mayPassAgain) {
        super(message, cause);
        this.mayPassAgain = mayPassAgain;
    }

    /**
     * True for what a network or a restarting server does for a moment (refused, reset, timed out,
     * closed without an answer); false for what answers the same way every time (an unknown host, a
     * certificate nobody signed, a redirect loop, an answer over the size cap).
     */
    public boolean mayPassAgain() {
        return mayPassAgain;
    }
}
