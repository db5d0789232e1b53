package dev.gate.checks.assets;

/** A build manifest that could not be fetched or read; the message says why in one line. */
public final class ManifestException extends Exception {
    private static final long serialVersionUID = 1L;

    public ManifestException(String message) {
        super(message);
    }
}
