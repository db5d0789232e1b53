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

    RunListener SILENT = new RunListener() {
    };
}
