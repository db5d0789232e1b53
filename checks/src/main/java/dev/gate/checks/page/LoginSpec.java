package dev.gate.checks.page;

import java.util.List;

/** The suite's {@code login:}: the steps that make a session, run once per run in the browser. */
public record LoginSpec(List<LoginStep> steps) {
    public LoginSpec {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a login needs at least one step");
        }
    }
}
