package dev.gate.checks.page;

/** No browser can run the page checks; the message ends with the command that fixes it. */
public final class BrowserUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public BrowserUnavailableException(String message) {
        super(message);
    }

    public BrowserUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
