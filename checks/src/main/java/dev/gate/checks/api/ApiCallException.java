package dev.gate.checks.api;

import java.io.IOException;

/** An API call that got no usable response; the message is the cause in one line, for a person. */
public final class ApiCallException extends IOException {
    private static final long serialVersionUID = 1L;

    public ApiCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
