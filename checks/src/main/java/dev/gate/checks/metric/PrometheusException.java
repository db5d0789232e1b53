package dev.gate.checks.metric;

/** Prometheus could not be asked, or answered with an error: the message names its URL and says why, in one line. */
public final class PrometheusException extends Exception {
    private static final long serialVersionUID = 1L;

    public PrometheusException(String message) {
        super(message);
    }

    public PrometheusException(String message, Throwable cause) {
        super(message, cause);
    }
}
