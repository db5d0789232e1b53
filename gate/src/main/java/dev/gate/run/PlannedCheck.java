package dev.gate.run;

import dev.gate.checks.Check;
import java.time.Duration;

/**
 * A check the plan will run, with what the runner needs to report it even if it never answers.
 *
 * @param exclusive run alone, after the others: latency sampling must not compete with page
 *                  rendering for the machine or the site
 */
public record PlannedCheck(Check check, String kind, String name, Duration runTimeout, boolean exclusive) {
    public static PlannedCheck shared(Check check, String kind, String name, Duration runTimeout) {
        return new PlannedCheck(check, kind, name, runTimeout, false);
    }
}
