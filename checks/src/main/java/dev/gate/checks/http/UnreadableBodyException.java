package dev.gate.checks.http;

import java.io.IOException;

/**
 * A response body the gate will not read: larger than its cap, in an encoding it cannot decode,
 * or corrupt. The message is the cause in one line ({@code answer larger than 8 MB}).
 */
public final class UnreadableBodyException extends IOException {
    private static final long serialVersionUID = 1L;

    public UnreadableBodyException(String message) {
        super(message);
    }

    public UnreadableBodyException(String message, Throwable cause) {
        super(message, cause);
    }
}
