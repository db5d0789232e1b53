package dev.gate.act;

import java.time.Duration;
import java.util.Optional;

/**
 * How a command the gate ran ended.
 *
 * @param exitCode   the exit status, when it exited on its own
 * @param timedOut   it ran past its timeout and was killed with its children
 * @param startError why it could not start (missing, not executable), when it did not
 */
public record ProcessOutcome(Optional<Integer> exitCode, boolean timedOut, Optional<String> startError, Duration took) {

    public boolean succeeded() {
        return exitCode.isPresent() && exitCode.get() == 0;
    }

    /** One line: "exited 0 after 3.2s", "killed at its 10m timeout", "could not start: ...". */
    public String describe() {
        if (startError.isPresent()) {
            return "could not start: " + startError.get();
        }
        if (timedOut) {
            return "killed with its child processes at its timeout, after " + dev.gate.checks.time.Durations.format(took);
        }
        return "exited " + exitCode.orElse(-1) + " after " + dev.gate.checks.time.Durations.format(took);
    }
}
