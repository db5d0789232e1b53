package dev.gate.checks;

/** Where a long-running check says what it is doing, so a person watching knows it is alive. */
@FunctionalInterface
public interface Progress {
    void note(String checkId, String message);

    static Progress silent() {
        return (checkId, message) -> { };
    }
}
