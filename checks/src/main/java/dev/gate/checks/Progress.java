package dev.gate.checks;

/** Where a long-running check says what it is doing, so a person watching knows it is alive. */
@FunctionalInterface
public interface Progress {
    /** The event a check reports when the expected release is first seen live. */
    String RELEASE_SEEN = "release-seen";

    void note(String checkId, String message);

    /** A moment others may act on, such as {@link #RELEASE_SEEN}; most listeners ignore it. */
    default void milestone(String checkId, String event) {
    }

    static Progress silent() {
        return (checkId, message) -> { };
    }
}
