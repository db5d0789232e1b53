package dev.gate.run;

import dev.gate.checks.Check;
import java.time.Duration;

/** A check the plan will run, with what the runner needs to report it even if it never answers. */
public record PlannedCheck(Check check, String kind, String name, Duration runTimeout) {
    public static PlannedCheck shared(Check check, String kind, String name, Duration runTimeout) {
        return new PlannedCheck(check, kind, name, runTimeout);
    }
}
