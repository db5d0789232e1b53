package dev.gate.checks.latency;

import java.util.Objects;

/**
 * What one look of a sequential comparison decided.
 *
 * @param next    DECIDED or BLOCK when the endpoint is decided; CONTINUE when more current
 *                samples should be taken for the next look
 * @param verdict the verdict as of this look: final unless {@code next} is CONTINUE
 * @param look    the look, from 0
 */
public record LookDecision(Next next, EndpointVerdict verdict, int look) {
    public enum Next {
        /** Decided, not worth blocking for: the verdict says what was found. */
        DECIDED,
        BLOCK,
        CONTINUE
    }

    public LookDecision {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(verdict, "verdict");
    }

    public boolean done() {
        return next != Next.CONTINUE;
    }
}
