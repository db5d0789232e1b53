package dev.gate.run;

import dev.gate.checks.CheckResult;

/**
 * Hears a run as it happens, so that a person watching sees progress. The console is one; tests
 * use others. Listeners only report: they cannot change what the run does.
 */
public interface RunListener {
    default void stage(String message) {
    }

    default void checkStarted(String id, String name) {
    }

    default void progress(String id, String message) {
    }

    default void checkFinished(CheckResult result) {
    }

    /** A moment worth acting on, such as the expected release first seen live. */
    default void milestone(String id, String event) {
    }

    /** Both listeners hear everything, {@code this} first. */
    default RunListener and(RunListener other) {
        RunListener self = this;
        return new RunListener() {
            @Override
            public void stage(String message) {
                self.stage(message);
                other.stage(message);
            }

            @Override
            public void checkStarted(String id, String name) {
                self.checkStarted(id, name);
                other.checkStarted(id, name);
            }

            @Override
            public void progress(String id, String message) {
                self.progress(id, message);
                other.progress(id, message);
            }

            @Override
            public void checkFinished(CheckResult result) {
                self.checkFinished(result);
                other.checkFinished(result);
            }

            @Override
            public void milestone(String id, String event) {
                self.milestone(id, event);
                other.milestone(id, event);
            }
        };
    }

    RunListener SILENT = new RunListener() {
    };
}
